/** A plain object (not null, not an array): the first check on anything read from storage, messages or files. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
