/** The hover card's content: who or what, why Gloss linked it, and what the reader can do. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import type { CardDetails } from '../src/knowledge/card-details';
import type { LinkReason } from '../src/match/link-mentions';
import { EntityDetails } from '../src/ui/entity-details';

export interface CardModel {
  details: CardDetails | null | undefined; // undefined while loading
  reason: LinkReason;
  mentionCount: number;
  alternatives: { id: string; name: string }[];
  pinned: boolean;
}

export interface CardActions {
  close(): void;
  togglePin(): void;
  next(): void;
  correct(entityId: string | null): void;
}

export function whyText(reason: LinkReason): string {
  switch (reason.kind) {
    case 'name':
      return t('whyName', reason.alias);
    case 'coreference':
      return t(reason.later ? 'whyCoreferenceLater' : 'whyCoreference', reason.alias, reason.via);
    case 'title':
      return t('whyTitle', reason.alias, reason.title);
    case 'standalone':
      return t('whyStandalone', reason.alias);
    case 'company-act':
      return t('whyCompanyAct', reason.alias, reason.act);
    case 'context':
      return reason.words.length > 0 ? t('whyContext', reason.alias, reason.words.join(', ')) : t('whyNamedElsewhere', reason.alias);
    case 'correction':
      return t('whyCorrection', reason.alias);
  }
}

/**
 * A button's handler that acts only on the reader's own activation: the card's shadow root is open, so
 * the page can reach its buttons and call `click()`, and must not pin cards or change the reader's stored
 * corrections (docs/security.md). A click by keyboard (Enter, Space) is trusted too.
 */
function onReaderClick(act: () => void): (e: MouseEvent) => void {
  return (e) => {
    if (e.isTrusted) act();
  };
}

export function CardView({ model, actions }: { model: CardModel; actions: CardActions }) {
  const [correcting, setCorrecting] = useState(false);
  const correction = useRef<HTMLDivElement>(null);
  // The choices open below the actions, past the bottom of a card that already scrolls.
  useEffect(() => {
    if (correcting) correction.current?.scrollIntoView({ block: 'nearest' });
  }, [correcting]);
  const { details } = model;
  return (
    <>
      <div class="toolbar">
        {/* Named by the title alone: a title that repeats an aria-label is read again as the description. */}
        <button type="button" aria-pressed={model.pinned} title={model.pinned ? t('unpinCard') : t('pinCard')} onClick={onReaderClick(actions.togglePin)}>
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
            <path d="M10.5 1.5 14.5 5.5 12 6.5 9.5 9 9.8 12.7 8.7 13.8 5.9 11 2.5 14.4 1.6 13.5 5 10.1 2.2 7.3 3.3 6.2 7 6.5 9.5 4Z" />
          </svg>
        </button>
        <button type="button" title={t('closeCard')} onClick={onReaderClick(actions.close)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {details === undefined && <p>{t('loading')}</p>}
      {details === null && <p>{t('unknownEntity')}</p>}
      {details && <EntityDetails details={details} headingId="gloss-card-title" />}
      <p class="why">{whyText(model.reason)}</p>
      <div class="actions">
        <span class="count">{model.mentionCount === 1 ? t('oneMentionOnPage') : t('mentionsOnPage', model.mentionCount)}</span>
        {model.mentionCount > 1 && (
          <button type="button" onClick={onReaderClick(actions.next)}>
            {t('nextMention')}
          </button>
        )}
        <button type="button" aria-expanded={correcting} onClick={onReaderClick(() => setCorrecting(!correcting))}>
          {t('notThisOne')}
        </button>
      </div>
      {correcting && (
        <div class="correction" ref={correction}>
          {model.alternatives.map((a) => (
            <button type="button" key={a.id} onClick={onReaderClick(() => actions.correct(a.id))}>
              {t('relinkTo', a.name)}
            </button>
          ))}
          <button type="button" onClick={onReaderClick(() => actions.correct(null))}>
            {t('unlinkName', model.reason.alias)}
          </button>
        </div>
      )}
    </>
  );
}
