/**
 * An entity's details as the card and the popup both show them. All knowledge text is rendered
 * as text nodes (preact escapes it); links are clickable only for https: URLs.
 */
import type { CardDetails } from '../knowledge/card-details';
import type { Fact } from '../knowledge/schema';
import { t } from '../i18n';
import { formatDate } from './format-date';
import { safeHttpsUrl } from './safe-url';

const MAX_FACTS = 4;

/** Types named apart from their category on the card: an index is painted with companies but is not one; a team is an organisation of its own kind. */
const TYPE_LABELS: Partial<Record<string, 'typeOne_marketIndex' | 'typeOne_team'>> = { 'market-index': 'typeOne_marketIndex', team: 'typeOne_team' };

/** A fact's term as a reader writes it: " (since Jan 2019)", " (Jan 20, 2009 – Jan 20, 2017)". */
function span(from?: string, to?: string): string {
  if (!from && !to) return '';
  const term = from && to ? t('termFromTo', formatDate(from), formatDate(to)) : from ? t('termSince', formatDate(from)) : t('termUntil', formatDate(to!));
  return ` (${term})`;
}

/** Facts in a row under one label ("President of the United States", twice) as one group: the label is said once. */
function byLabel(facts: readonly Fact[]): Fact[][] {
  const groups: Fact[][] = [];
  for (const f of facts) {
    const last = groups.at(-1);
    if (last && last[0]!.label === f.label) last.push(f);
    else groups.push([f]);
  }
  return groups;
}

/**
 * `named`: whether the details start with the name as a heading. The card is a dialog of its own and
 * needs it; the popup's row already is the name's heading, right above, and a second one read as a repeat.
 */
export function EntityDetails({ details, headingId, named = true }: { details: CardDetails; headingId?: string; named?: boolean }) {
  const link = details.links.map((l) => ({ ...l, href: safeHttpsUrl(l.url) })).find((l) => l.href);
  return (
    <div class="gloss-details">
      {named && (
        <h2 class="gloss-name" id={headingId}>
          {details.name}
        </h2>
      )}
      <p class="gloss-kind">
        {TYPE_LABELS[details.type] ? t(TYPE_LABELS[details.type]!) : t(`categoryOne_${details.category}`)}
        {details.status === 'former' ? ` · ${t('statusFormer')}` : ''}
      </p>
      <p class="gloss-description">{details.description}</p>
      {details.facts.length > 0 && (
        <dl class="gloss-facts">
          {byLabel(details.facts.slice(0, MAX_FACTS)).map((group) => (
            <div class={group.length > 1 ? 'gloss-fact gloss-terms' : 'gloss-fact'} key={group.map((f) => `${f.label}|${f.value}|${f.from ?? ''}`).join('/')}>
              <dt>{group[0]!.label}</dt>
              {group.map((f) => (
                <dd key={`${f.value}|${f.from ?? ''}`}>
                  {f.value}
                  {span(f.from, f.to)}
                  {/* The record's own date is said once, below; a fact dated otherwise says its own, unless
                      it has ended: a term that is over does not go out of date. */}
                  {f.asOf !== details.asOf && !(f.to && f.to <= f.asOf) && <span class="gloss-asof"> {t('asOf', formatDate(f.asOf))}</span>}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
      <p class="gloss-meta">
        {link && (
          <a class="gloss-link" href={link.href} target="_blank" rel="noopener noreferrer">
            {link.label}
          </a>
        )}
        {!link && details.links[0] && <span class="gloss-link-text">{details.links[0].url}</span>}
        <span class="gloss-source">
          {' · '}
          {details.pack !== undefined ? t('fromPack', details.pack) : t('source', details.sources.map((s) => s.name).join(', ') || '—')}
          {' · '}
          {t('asOf', formatDate(details.asOf))}
        </span>
      </p>
    </div>
  );
}
