/**
 * Scores linked mentions against gold labels. Gold lists, for one page's article body, every
 * mention of an in-knowledge entity as (surface text, entity id, count); `id: null` marks a
 * surface that must stay unlinked (a trap). Predictions are matched to gold by (surface, id).
 */
export interface GoldMention {
  text: string;
  id: string | null;
  count: number;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  wrong: string[];
  missed: string[];
}

export function score(gold: readonly GoldMention[], predicted: readonly { text: string; id: string }[]): Score {
  const key = (text: string, id: string | null) => `${text}\u0000${id}`;
  const want = new Map<string, number>();
  for (const g of gold) if (g.id !== null) want.set(key(g.text, g.id), (want.get(key(g.text, g.id)) ?? 0) + g.count);
  const got = new Map<string, number>();
  for (const p of predicted) got.set(key(p.text, p.id), (got.get(key(p.text, p.id)) ?? 0) + 1);
  const s: Score = { tp: 0, fp: 0, fn: 0, wrong: [], missed: [] };
  for (const [k, n] of got) {
    const w = want.get(k) ?? 0;
    s.tp += Math.min(n, w);
    if (n > w) {
      s.fp += n - w;
      const [text, id] = k.split('\u0000');
      s.wrong.push(`"${text}" → ${id} ×${n - w}`);
    }
  }
  for (const [k, w] of want) {
    const n = got.get(k) ?? 0;
    if (w > n) {
      s.fn += w - n;
      const [text, id] = k.split('\u0000');
      s.missed.push(`"${text}" → ${id} ×${w - n}`);
    }
  }
  return s;
}

export function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}
