/**
 * The popup's list of who is on the page, grouped by category; a row expands to the entity's details.
 *
 * Each row is a heading holding a disclosure button (WAI-ARIA's accordion pattern,
 * https://www.w3.org/WAI/ARIA/apg/patterns/accordion/), so a screen reader's heading list skims the
 * names and the expanded details, which may hold links and "Show on page", stay ordinary content.
 * Listbox and tree items cannot hold such controls. The whole list is one Tab stop with a roving
 * tabindex, moved with Up/Down/Home/End as the accordion pattern allows: with every row a Tab stop,
 * Settings came after 65 rows on a busy page.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import type { CardDetails } from '../src/knowledge/card-details';
import { CATEGORIES } from '../src/knowledge/schema';
import { sendToWorker, type EntityCount } from '../src/protocol';
import type { Settings } from '../src/settings';
import { EntityDetails } from '../src/ui/entity-details';

/** Where a key moves focus from row `at` of `count`; undefined for a key the list leaves alone. */
export function rovingTarget(key: string, at: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return Math.min(at + 1, count - 1);
    case 'ArrowUp':
      return Math.max(at - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

export function EntityList({ entities, categories, tabId }: { entities: readonly EntityCount[]; categories: Settings['categories']; tabId: number | undefined }) {
  const groups = CATEGORIES.map((c) => ({ category: c, rows: entities.filter((e) => e.category === c) })).filter((g) => g.rows.length > 0);
  // In the order shown, across the groups: Down from a group's last row goes on to the next group's first.
  const ordered = groups.flatMap((g) => g.rows);
  const [activeId, setActiveId] = useState<string>();
  // The row last focused keeps the list's Tab stop; when the filter hides it, the first row takes it.
  const tabStop = ordered.some((e) => e.id === activeId) ? activeId : ordered[0]?.id;
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent, id: string) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const to = rovingTarget(e.key, ordered.findIndex((r) => r.id === id), ordered.length);
    if (to === undefined) return;
    e.preventDefault();
    const target = ordered[to]!.id;
    setActiveId(target);
    buttons.current.get(target)?.focus();
  };

  return (
    <>
      {groups.map(({ category, rows }) => (
        <div key={category} class="group">
          <h3>
            {t(`category_${category}`)}
            {/* Still listed, to read about; but not on the page to be shown. */}
            {!categories[category] && <span class="group-off">{` · ${t('categoryNotShown')}`}</span>}
          </h3>
          <ul>
            {rows.map((e) => (
              <EntityRow
                key={e.id}
                entity={e}
                tabId={categories[category] ? tabId : undefined}
                tabStop={e.id === tabStop}
                buttonRef={(b) => (b ? buttons.current.set(e.id, b) : buttons.current.delete(e.id))}
                onFocus={() => setActiveId(e.id)}
                onKeyDown={(k) => onKeyDown(k, e.id)}
              />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function EntityRow({ entity, tabId, tabStop, buttonRef, onFocus, onKeyDown }: {
  entity: EntityCount;
  tabId: number | undefined;
  tabStop: boolean;
  buttonRef: (b: HTMLButtonElement | null) => void;
  onFocus: () => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  const [open, setOpen] = useState(false);
  const [details, setDetails] = useState<CardDetails | null | undefined>();
  const toggle = () => {
    setOpen(!open);
    if (details === undefined) void sendToWorker('getDetails', { ids: [entity.id] }).then((r) => setDetails(r.details[entity.id] ?? null));
  };
  const panelId = `details-${entity.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <li data-entity-id={entity.id} class="entity">
      <h4 class="entity-heading">
        <button type="button" class="entity-toggle" ref={buttonRef} tabIndex={tabStop ? 0 : -1} aria-expanded={open} aria-controls={panelId} onClick={toggle} onFocus={onFocus} onKeyDown={onKeyDown}>
          <span class="entity-name">
            {entity.name}
            {/* How the page writes it, where the name does not say so: the "CISA" the reader saw underlined. */}
            {entity.seen?.length > 0 && (
              <>
                {/* Shown on a line of its own; read as a phrase of its own, not run on into the name. */}
                <span class="sr-only">{`, ${t('writtenAs')} `}</span>
                <span class="entity-seen">{entity.seen.join(', ')}</span>
              </>
            )}
          </span>
          <span class="entity-count" aria-label={entity.count === 1 ? t('oneMentionOnPage') : t('mentionsOnPage', entity.count)}>{t('mentions', entity.count)}</span>
        </button>
      </h4>
      {open && (
        <div id={panelId} class="entity-details">
          {details === undefined && <p>{t('loading')}</p>}
          {/* The row above is the name's heading: the card's own heading would say it again. */}
          {details && <EntityDetails details={details} named={false} />}
          {tabId !== undefined && (
            <button type="button" class="button" onClick={() => void sendToWorker('stepInTab', { tabId, entityId: entity.id }).catch(() => undefined)}>
              {t('showOnPage')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
