/**
 * Virtual module made by build.mjs: the bundled alias index, packed (src/knowledge/packed-index.ts),
 * in the top frame's script; undefined in the subframes' script.
 */
declare module 'gloss:index' {
  const packed: import('../src/knowledge/packed-index').PackedIndex | undefined;
  export default packed;
}
