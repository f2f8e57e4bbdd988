/**
 * Whether a surface in the page may stand for an alias, given case. Names match in their own
 * case, in ALL CAPS (headlines), and with a capitalised first word (sentence starts: "The
 * Pentagon"); never in lower case ("apple", "krebs"). Case-sensitive aliases (acronyms) match
 * only exactly: "CISA", never "Cisa".
 */
export function caseMatches(aliasTokens: readonly string[], surfaceTokens: readonly string[], caseSensitive: boolean): boolean {
  if (aliasTokens.length !== surfaceTokens.length) return false;
  for (let i = 0; i < aliasTokens.length; i++) {
    const a = aliasTokens[i]!;
    const s = surfaceTokens[i]!;
    if (a === s) continue;
    if (caseSensitive) return false;
    if (s === s.toUpperCase() && s !== s.toLowerCase() && a.length > 1) continue;
    if (i === 0 && s === a[0]!.toUpperCase() + a.slice(1)) continue;
    return false;
  }
  return true;
}
