/** Knowledge text is data: a link becomes clickable only when it parses as an https: URL. */
export function safeHttpsUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
