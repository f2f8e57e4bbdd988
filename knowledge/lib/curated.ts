/**
 * The curated knowledge files (knowledge/curated/*.json) are written by hand in a compact form
 * that expands to schema entities: aliases as "text|kind|flags" strings (kind defaults to name;
 * flags: s standalone, c common word, n needs context, i case-sensitive, d domestic), one "link" as
 * "url|label", `asOf` and `sources` defaulting to the file's.
 */
import type { Alias, AliasKind, Entity, EntityType, Fact } from '../../src/knowledge/schema';

export interface CuratedFile {
  asOf: string;
  note?: string;
  entities: CuratedEntity[];
}

export interface CuratedEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  description: string;
  link: string;
  links?: string[];
  facts?: Fact[];
  titles?: string[];
  context?: string[];
  related?: string[];
  salience?: number;
  status?: 'current' | 'former';
  asOf?: string;
}

export function expandAlias(spec: string): Alias {
  const [text, kind, flags] = spec.split('|');
  const alias: Alias = { text: text!.trim(), kind: (kind?.trim() || 'name') as AliasKind };
  for (const f of flags ?? '') {
    if (f === 's') alias.standalone = true;
    if (f === 'c') alias.commonWord = true;
    if (f === 'n') alias.needsContext = true;
    if (f === 'i') alias.caseSensitive = true;
    if (f === 'd') alias.domestic = true;
  }
  return alias;
}

const link = (spec: string) => {
  const [url, label] = spec.split('|');
  return { url: url!.trim(), label: (label ?? new URL(url!.trim()).hostname.replace(/^www\./, '')).trim() };
};

export function expandCurated(file: CuratedFile): Entity[] {
  return file.entities.map((c) => {
    const entity: Entity = {
      id: c.id,
      type: c.type,
      name: c.name,
      aliases: c.aliases.map(expandAlias),
      description: c.description,
      links: [link(c.link), ...(c.links ?? []).map(link)],
      asOf: c.asOf ?? file.asOf,
      sources: ['curated'],
    };
    if (c.facts) entity.facts = c.facts.map((f) => ({ ...f, asOf: f.asOf ?? c.asOf ?? file.asOf }));
    const hints: NonNullable<Entity['hints']> = {};
    if (c.titles) hints.titles = c.titles;
    if (c.context) hints.context = c.context;
    if (c.related) hints.related = c.related;
    if (Object.keys(hints).length > 0) entity.hints = hints;
    if (c.salience !== undefined) entity.salience = c.salience;
    if (c.status) entity.status = c.status;
    return entity;
  });
}
