/**
 * The sites where an entity is the publisher (`knowledge/own-sites.json`: CNN on cnn.com). A reader
 * there knows whose page it is, and the outlet's name is in its datelines, bylines and credits
 * ("(CNN)", "CNN's Jake Tapper", "© 2019 The New York Times Company"): up to 20 times a page in
 * the corpus, each underlined and first in the popup's list. On its own site the worker leaves that
 * entity out of the page's mentions. Pure: the worker passes the sender's URL.
 */
import type { KnowledgeError } from './validate-entity';

/** Hostname → the ids of the entities that publish there. */
export type OwnSites = ReadonlyMap<string, readonly string[]>;

/** A lower-case hostname of two labels or more: no scheme, port, path or trailing dot. */
const HOSTNAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Reads the file's `sites` (entity id → hostnames). Every problem is returned with the entity and
 * field it is in; the sites read are those of entries without one. `knownIds`, when given, are the
 * knowledge's ids: an entry for another id is an error (the build's check).
 */
export function parseOwnSites(data: unknown, file: string, knownIds?: ReadonlySet<string>): { sites: OwnSites; errors: KnowledgeError[] } {
  const sites = new Map<string, string[]>();
  const errors: KnowledgeError[] = [];
  const fail = (entityId: string, field: string, message: string) => errors.push({ file, entityId, field, message });
  const entries = (data as { sites?: unknown } | null)?.sites;
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    fail('(file)', 'sites', 'must be an object of entity id → list of hostnames');
    return { sites, errors };
  }
  const owner = new Map<string, string>();
  for (const [id, hosts] of Object.entries(entries)) {
    if (knownIds && !knownIds.has(id)) fail(id, 'sites', 'no entity of the knowledge has this id');
    if (!Array.isArray(hosts) || hosts.length === 0) {
      fail(id, 'sites', 'must be a non-empty list of hostnames');
      continue;
    }
    hosts.forEach((host: unknown, i) => {
      if (typeof host !== 'string' || !HOSTNAME.test(host)) return fail(id, `sites[${i}]`, `${JSON.stringify(host)} is not a lower-case hostname ("cnn.com": no scheme, "www." or path)`);
      if (host.startsWith('www.')) return fail(id, `sites[${i}]`, `"${host}": give the domain without "www." (its subdomains are included)`);
      const other = owner.get(host);
      if (other !== undefined && other !== id) return fail(id, `sites[${i}]`, `"${host}" is already ${other}'s`);
      owner.set(host, id);
      const ids = sites.get(host) ?? [];
      if (!ids.includes(id)) ids.push(id);
      sites.set(host, ids);
    });
  }
  return { sites, errors };
}

/** The entities that publish the page at `url`: its hostname's, or a parent domain's (edition.cnn.com is cnn.com's). */
export function ownEntitiesAt(url: string | undefined, sites: OwnSites): readonly string[] {
  let host: string;
  try {
    host = new URL(url ?? '').hostname.toLowerCase();
  } catch {
    return [];
  }
  const found: string[] = [];
  for (let at = host; at.includes('.'); at = at.slice(at.indexOf('.') + 1)) found.push(...(sites.get(at) ?? []));
  return found;
}
