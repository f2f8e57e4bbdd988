/**
 * The build's knowledge step with its file I/O: reads knowledge/knowledge.json, fails the build on
 * any invalid entity (file, entity and field named), and compiles it (src/knowledge/compile-knowledge.ts).
 */
import { readFileSync } from 'node:fs';
import { compileKnowledge, type CompiledKnowledge } from '../src/knowledge/compile-knowledge';
import type { KnowledgeFile } from '../src/knowledge/schema';

export function compileKnowledgeFile(path: string): CompiledKnowledge {
  const file = JSON.parse(readFileSync(path, 'utf8')) as KnowledgeFile;
  return compileKnowledge(file);
}
