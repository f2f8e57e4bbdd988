/** Written by build.mjs from knowledge/knowledge.json: the compiled alias index as a JSON string. */
declare module 'gloss:index' {
  const json: string;
  export default json;
}
