/**
 * The build's knowledge step with its file I/O: reads knowledge/knowledge.json, fails the build on
 * any invalid entity (file, entity and field named), and compiles it (src/knowledge/compile-knowledge.ts).
 */
import { readFileSync } from 'node:fs';
import { compileKnowledge, type CompiledKnowledge } from '../src/knowledge/compile-knowledge';
import type { KnowledgeFile } from '../src/knowledge/schema';
import { parseOwnSites } from '../src/knowledge/own-sites';
import { formatError, validateEntity, validateKnowledge, type KnowledgeError } from '../src/knowledge/validate-entity';

export function compileKnowledgeFile(path: string): CompiledKnowledge {
  const file = JSON.parse(readFileSync(path, 'utf8')) as KnowledgeFile;
  const errors: KnowledgeError[] = [];
  const where = 'knowledge/knowledge.json';
  file.entities.forEach((raw, index) => errors.push(...validateEntity(raw, { file: where, index }).errors));
  errors.push(...validateKnowledge(file.entities, { file: where, sources: new Set(file.sources.map((s) => s.id)) }));
  if (file.firstNames !== undefined && !(Array.isArray(file.firstNames) && file.firstNames.every((n) => typeof n === 'string' && n.length > 1 && n.length <= 40))) {
    errors.push({ file: where, entityId: '(file)', field: 'firstNames', message: 'must be a list of given names (strings of 2 to 40 characters)' });
  }
  // The outlets' own sites, which the worker bundles as they are: every id must be an entity here.
  const sitesPath = path.replace(/knowledge\.json$/, 'own-sites.json');
  errors.push(...parseOwnSites(JSON.parse(readFileSync(sitesPath, 'utf8')), 'knowledge/own-sites.json', new Set(file.entities.map((e) => e.id))).errors);
  if (errors.length > 0) throw new Error(`invalid knowledge:\n${errors.slice(0, 50).map(formatError).join('\n')}`);
  return compileKnowledge(file);
}
