/** Virtual module made by build.mjs: the bundled alias index, packed (src/knowledge/packed-index.ts). */
declare module 'gloss:index' {
  const packed: import('../src/knowledge/packed-index').PackedIndex;
  export default packed;
}
