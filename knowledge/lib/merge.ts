/**
 * Merges entity records that describe the same thing across sources: by id, then by Congress
 * bioguide id, then by Wikidata id, then (people only) by normalised name. Curated records
 * override the fields they set, and absorb every record that has one of their full names; everything
 * else is unioned.
 */
import { categoryOf, type Alias, type Entity, type Fact } from '../../src/knowledge/schema';
import { nameKey } from './text';

export class EntityStore {
  readonly byId = new Map<string, Entity>();
  readonly #byRef = new Map<string, Entity>();
  readonly #byName = new Map<string, Entity>();

  add(e: Entity, options: { curated?: boolean; mergeByName?: boolean } = {}): Entity {
    // A curated record's full names are chosen by hand: every generated record of the same category
    // that has one of them exactly is the same entity ("Donald J. Trump" from the Factbook and the
    // Congress record of "Donald Trump") and folds into it.
    const sameName = options.curated ? this.#byExactName(e) : [];
    // Two people with one name (and so one id) but different Congress records are two people.
    const same = (other: Entity | undefined) => (other?.refs?.bioguide && e.refs?.bioguide && other.refs.bioguide !== e.refs.bioguide ? undefined : other);
    const existing =
      same(this.byId.get(e.id)) ??
      sameName[0] ??
      (e.refs?.bioguide ? this.#byRef.get(`bioguide:${e.refs.bioguide}`) : undefined) ??
      (e.refs?.wikidata ? this.#byRef.get(`wikidata:${e.refs.wikidata}`) : undefined) ??
      (options.mergeByName && e.type === 'person' ? same(this.#byName.get(nameKey(e.name))) : undefined);
    if (existing) {
      for (const other of sameName) {
        if (other === existing) continue;
        merge(existing, other, false);
        this.byId.delete(other.id);
      }
      merge(existing, e, options.curated ?? false);
      if (options.curated && e.id !== existing.id) {
        // A curated id is the stable one tests and packs refer to: move the record to it.
        this.byId.delete(existing.id);
        existing.id = e.id;
      }
      this.#index(existing);
      return existing;
    }
    // Same id, different thing (two people named alike): keep both, the later with a suffix.
    let id = e.id;
    for (let n = 2; this.byId.has(id); n++) id = `${e.id}-${n}`;
    e.id = id;
    this.#index(e);
    return e;
  }

  /** Entities of the same category that already have one of `e`'s full names exactly, in id order. */
  #byExactName(e: Entity): Entity[] {
    const names = new Set(e.aliases.filter((a) => a.kind === 'name').map((a) => a.text));
    const matches: Entity[] = [];
    for (const other of this.byId.values()) {
      if (categoryOf(other) !== categoryOf(e)) continue;
      if (other.aliases.some((a) => a.kind === 'name' && names.has(a.text))) matches.push(other);
    }
    return matches.sort((a, b) => (a.id === e.id ? -1 : b.id === e.id ? 1 : a.id < b.id ? -1 : 1));
  }

  #index(e: Entity): void {
    this.byId.set(e.id, e);
    if (e.refs?.bioguide) this.#byRef.set(`bioguide:${e.refs.bioguide}`, e);
    if (e.refs?.wikidata) this.#byRef.set(`wikidata:${e.refs.wikidata}`, e);
    if (e.type === 'person') for (const a of e.aliases) if (a.kind === 'name') this.#byName.set(nameKey(a.text), e);
  }

  /** Agencies and organisations listed twice under one exact name (two source lists) become one record. */
  dedupeInstitutions(): void {
    const byName = new Map<string, Entity>();
    for (const e of [...this.byId.values()].sort((a, b) => a.id.length - b.id.length || (a.id < b.id ? -1 : 1))) {
      if (e.type === 'person' || e.type === 'country') continue;
      const key = `${categoryOf(e)}:${e.name}`;
      const first = byName.get(key);
      if (!first) {
        byName.set(key, e);
        continue;
      }
      merge(first, e, false);
      this.byId.delete(e.id);
    }
  }

  all(): Entity[] {
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** Two rows for one term of one office: from the same day, one label the other's start ("Vice President" of "Vice President of the United States"). */
function sameTerm(a: Fact, b: Fact): boolean {
  if (!a.from || a.from !== b.from) return false;
  const [x, y] = [a.label.toLowerCase(), b.label.toLowerCase()];
  return x.startsWith(y) || y.startsWith(x);
}

function merge(into: Entity, from: Entity, curated: boolean): void {
  if (curated) {
    into.name = from.name;
    into.description = from.description;
    into.type = from.type;
    into.asOf = from.asOf;
    if (from.status) into.status = from.status;
    if (from.salience !== undefined) into.salience = from.salience;
    into.links = [...from.links, ...into.links.filter((l) => !from.links.some((f) => f.url === l.url))];
    // The curated record's offices first; a source's row for the same term is not said twice (Esper's
    // card had two "Secretary of Defense" rows, the seed story's own and FiveThirtyEight's).
    into.facts = [...(from.facts ?? []), ...(into.facts ?? []).filter((f) => !(from.facts ?? []).some((c) => sameTerm(c, f)))];
  } else {
    into.links = [...into.links, ...from.links.filter((l) => !into.links.some((f) => f.url === l.url))];
    // An office the record already holds is not said twice: the Factbook's "President of the United
    // States: Head of government" after Congress's two terms of the office, on the card's four rows.
    // So is one under a shorter name from the same day: FiveThirtyEight's "Vice President" (2009–2017)
    // after Congress's "Vice President of the United States" (2009–2013, 2013–2017).
    const offices = new Set((into.facts ?? []).map((f) => f.label.toLowerCase()));
    into.facts = [
      ...(into.facts ?? []),
      ...(from.facts ?? []).filter((f) => !offices.has(f.label.toLowerCase()) && !(into.facts ?? []).some((held) => sameTerm(held, f))),
    ];
    if ((from.salience ?? 0) > (into.salience ?? 0)) into.salience = from.salience!;
    if (from.status === 'current') into.status = 'current';
    if (into.description.length < 40 && from.description.length > into.description.length) into.description = from.description;
  }
  into.aliases = mergeAliases(into.aliases, from.aliases, curated);
  into.sources = [...new Set([...into.sources, ...from.sources])];
  const hints = { ...into.hints };
  for (const k of ['titles', 'context', 'related'] as const) {
    const merged = [...new Set([...(into.hints?.[k] ?? []), ...(from.hints?.[k] ?? [])])];
    if (merged.length > 0) hints[k] = merged.slice(0, 64);
  }
  if (Object.keys(hints).length > 0) into.hints = hints;
  if (from.refs) into.refs = { ...into.refs, ...from.refs };
}

function mergeAliases(a: Alias[], b: Alias[], curatedWins: boolean): Alias[] {
  const out = a.map((x) => ({ ...x }));
  for (const alias of b) {
    const same = out.find((x) => x.text === alias.text);
    if (!same) out.push({ ...alias });
    else if (curatedWins) {
      // A name chosen by hand for a curated record links on its own unless it says otherwise: the
      // Speaker's "Mike Johnson" is not the plain name of one of many members called Johnson.
      if (!alias.needsContext) delete same.needsContext;
      Object.assign(same, alias);
    }
  }
  return out.slice(0, 64);
}
