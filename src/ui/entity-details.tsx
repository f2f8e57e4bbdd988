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

/**
 * A fact's dates as a reader writes them: "since Jan 2019", "Jan 20, 2009 – Jan 20, 2017", "until 2021";
 * a day on which something happened, as that day alone ("Nov 16, 2018").
 */
function when(f: Fact, event: boolean): string {
  if (f.from && f.to) return t('termFromTo', formatDate(f.from), formatDate(f.to));
  if (f.from) return event ? formatDate(f.from) : t('termSince', formatDate(f.from));
  return f.to ? t('termUntil', formatDate(f.to)) : '';
}

/**
 * Whether a fact's open-ended date is the day something happened, not the start of what still holds.
 * In the knowledge, a person's such facts are offices they hold ("U.S. Senator", "King of Jordan") and a
 * place's are its leaders in office ("Premier") or names in use ("U.S. federal name"), while a government
 * body's, a company's or an organisation's are mostly what was done to it: "Created", "Executive order",
 * "Staff cuts". Its post held ("Acting Director") or name in use ("Secondary name") still holds.
 */
const isEvent = (category: CardDetails['category'], f: Fact) =>
  Boolean(f.from && !f.to) && category !== 'person' && category !== 'place' && !HELD_LABEL.test(f.label);
/** A post someone holds or a name in use: "since" its date. */
const HELD_LABEL = /\b(?:director|chair(?:man|woman)?|administrator|secretary|commissioner|head|chief|president|leader|governor|name)$/i;

/**
 * A fact's value with its dates. On a person's card a dated fact is a term of office, and the term is
 * what it tells ("Jan 20, 2017 – Jan 20, 2021"): its value, often the party, is said aside, not as if it
 * were the office ("President of the United States — Republican (…)").
 */
function FactValue({ fact, category }: { fact: Fact; category: CardDetails['category'] }) {
  const dates = when(fact, isEvent(category, fact));
  if (!dates) return <>{fact.value}</>;
  if (category === 'person') {
    return (
      <>
        {dates}
        <span class="gloss-aside"> · {fact.value}</span>
      </>
    );
  }
  return <>{`${fact.value} (${dates})`}</>;
}

/**
 * The date the shown facts were checked, where two or more share one that is not the record's: said
 * once under them, not after each ("as of Jan 22, 2026" four times on a country's card).
 */
function sharedAsOf(facts: readonly Fact[], recordAsOf: string): string | undefined {
  const counts = new Map<string, number>();
  for (const f of facts) if (isDated(f, recordAsOf)) counts.set(f.asOf, (counts.get(f.asOf) ?? 0) + 1);
  let shared: string | undefined;
  for (const [date, n] of counts) if (n >= 2 && n > (counts.get(shared ?? '') ?? 0)) shared = date;
  return shared;
}

/** The record's own date is said once, below; a fact dated otherwise says its own, unless it has ended: a term that is over does not go out of date. */
const isDated = (f: Fact, recordAsOf: string) => f.asOf !== recordAsOf && !(f.to && f.to <= f.asOf);

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
  const facts = details.facts.slice(0, MAX_FACTS);
  const shared = sharedAsOf(facts, details.asOf);
  return (
    <div class="gloss-details">
      {named && (
        <h2 class="gloss-name" id={headingId}>
          {details.name}
        </h2>
      )}
      <p class="gloss-kind">
        {TYPE_LABELS[details.type] ? t(TYPE_LABELS[details.type]!) : t(`categoryOne_${details.category}`)}
        {details.status === 'former' ? ` · ${t(details.category === 'person' ? 'statusFormer_person' : 'statusFormer')}` : ''}
      </p>
      <p class="gloss-description">{details.description}</p>
      {facts.length > 0 && (
        <dl class="gloss-facts">
          {byLabel(facts).map((group) => (
            <div class="gloss-fact" key={group.map((f) => `${f.label}|${f.value}|${f.from ?? ''}`).join('/')}>
              <dt>{group[0]!.label}</dt>
              {group.map((f) => (
                <dd key={`${f.value}|${f.from ?? ''}`}>
                  <FactValue fact={f} category={details.category} />
                  {isDated(f, details.asOf) && f.asOf !== shared && <span class="gloss-asof"> {t('asOf', formatDate(f.asOf))}</span>}
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
      {shared && <p class="gloss-asof gloss-facts-asof">{t('factsAsOf', formatDate(shared))}</p>}
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
