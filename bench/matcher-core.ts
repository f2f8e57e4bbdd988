/** What `bench/matcher.ts` measures, bundled by esbuild as the worker's script is (see `loadMatcherCore`). */
export { compileIndex } from '../src/knowledge/compile-index';
export { compileKnowledge } from '../src/knowledge/compile-knowledge';
export { packIndex, parsePackedIndex, serializePackedIndex, unpackIndex } from '../src/knowledge/packed-index';
export { buildAliasTrie } from '../src/match/alias-trie';
export { findCandidates, findCandidatesInBlocks } from '../src/match/find-candidates';
export { findMentions } from '../src/match/find-mentions';
export { linkPage, newMatchCache } from '../src/match/link-page';
