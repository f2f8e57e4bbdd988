/**
 * Virtual module made by build.mjs: in the top frame's script, a function whose source holds the
 * bundled alias index (`index.pack`'s text, src/knowledge/packed-index.ts) in a comment; undefined
 * in the subframes' script.
 */
declare module 'gloss:index' {
  const withIndexInComment: (() => unknown) | undefined;
  export default withIndexInComment;
}
