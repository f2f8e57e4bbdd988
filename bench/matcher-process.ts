/**
 * The matcher half of `npm run bench`, in a process of its own: it holds the matcher's bundle, the
 * text and the two baselines, as the worker holds Gloss's code alone. In the bench's main process,
 * which has playwright-core loaded for the browser half, the same bundle read 5–10% slower
 * (`matcher-core-load.ts`). Prints one JSON line: the text's source and `matcherBench`'s result.
 */
import { benchText } from './corpus-text';
import { matcherBench } from './matcher';

const { pages, source } = benchText(4_000_000);
console.log(JSON.stringify({ source, ...matcherBench(pages) }));
