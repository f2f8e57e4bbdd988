/**
 * Virtual module made by build.mjs: in the worker's script, a function whose source holds the
 * bundled alias index (`index.pack`'s text, src/knowledge/packed-index.ts) in a comment.
 */
declare module 'gloss:index' {
  const withIndexInComment: (() => unknown) | undefined;
  export default withIndexInComment;
}
