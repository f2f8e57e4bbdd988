/** Knowledge packs on the options page: import with every problem listed, enable, remove (with undo), export. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import type { StoredPack } from '../src/packs/compile-packs';
import { exportPack, importPack, listPacks, removePack, restorePack, setPackEnabled } from '../src/packs/pack-store';
import type { PackProblem } from '../src/packs/parse-pack';
import { Switch } from './switch';

export function PacksPanel() {
  const [packs, setPacks] = useState<StoredPack[]>([]);
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [message, setMessage] = useState('');
  /** The pack last removed and its place in the list, to put back as it was. */
  const [removed, setRemoved] = useState<{ pack: StoredPack; at: number }>();
  /** Where focus goes once the list is redrawn: the control it was on is gone. */
  const [focusNext, setFocusNext] = useState<'undo' | { removeOf: string }>();
  const panel = useRef<HTMLDivElement>(null);
  const refresh = () => listPacks().then(setPacks);
  useEffect(() => void refresh(), []);
  useEffect(() => {
    if (!focusNext) return;
    const selector = focusNext === 'undo' ? '[data-testid="pack-undo"]' : `[data-pack-id="${CSS.escape(focusNext.removeOf)}"] [data-testid="pack-remove"]`;
    const target = panel.current?.querySelector<HTMLElement>(selector);
    if (!target) return;
    target.focus();
    setFocusNext(undefined);
  }, [focusNext, packs, removed]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage('');
    setProblems([]);
    // An import may replace a pack of the same name; an undo after it could bring back a stale one.
    setRemoved(undefined);
    const result = await importPack(await file.text(), file.name).catch((e: unknown) => ({ ok: false as const, problems: [{ where: file.name, message: String(e) }] }));
    if (result.ok) setMessage(result.pack.entities.length === 1 ? t('packImportedOne', result.pack.name) : t('packImported', result.pack.name, result.pack.entities.length));
    else setProblems(result.problems);
    void refresh();
  };

  // Removed at once, with an undo rather than a confirmation: the common case stays one click.
  const remove = async (pack: StoredPack) => {
    const at = packs.findIndex((p) => p.id === pack.id);
    await removePack(pack.id);
    setRemoved({ pack, at });
    setMessage(t('packRemoved', pack.name));
    setFocusNext('undo');
    await refresh();
  };

  const undo = async () => {
    if (!removed) return;
    await restorePack(removed.pack, removed.at);
    setRemoved(undefined);
    setMessage('');
    setFocusNext({ removeOf: removed.pack.id });
    await refresh();
  };

  const download = (pack: StoredPack) => {
    const url = URL.createObjectURL(new Blob([exportPack(pack)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${pack.name.replace(/[^\w.-]+/g, '-')}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <div class="packs" ref={panel}>
      <p>{t('packsHelp')}</p>
      <label class="field">
        <span>{t('importPack')}</span>
        <input type="file" accept="application/json,.json" data-testid="pack-file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      </label>
      {/* Kept in the page while empty: a live region added with its text is not always read. */}
      <div class="pack-message">
        <p role="status" data-testid="pack-status">
          {message}
        </p>
        {removed && (
          <button type="button" class="button" data-testid="pack-undo" aria-label={t('undoRemoveFor', removed.pack.name)} onClick={() => void undo()}>
            {t('undo')}
          </button>
        )}
      </div>
      {problems.length > 0 && (
        <div role="alert" data-testid="pack-errors" class="error">
          <p>{t('packRejected')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.where}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {packs.length === 0 ? (
        <p>{t('noPacks')}</p>
      ) : (
        <ul data-testid="pack-list">
          {packs.map((pack) => (
            <li key={pack.id} data-pack-name={pack.name} data-pack-id={pack.id} class="pack">
              <span>
                <strong>{pack.name}</strong> · {pack.entities.length === 1 ? t('packOneEntity') : t('packEntities', pack.entities.length)}
                {pack.overrides.length > 0 && ` · ${t('packOverrides', pack.overrides.length)}`}
              </span>
              {/* Named with the pack, as the sites list's buttons are with their site: with several packs,
                  a screen reader otherwise hears a run of identical "Remove" buttons. */}
              <Switch label={t('packEnabled')} name={t('packEnabledFor', pack.name)} checked={pack.enabled} onChange={(on) => void setPackEnabled(pack.id, on).then(refresh)} />
              <button type="button" class="button" aria-label={t('exportPackFor', pack.name)} onClick={() => download(pack)}>
                {t('exportPack')}
              </button>
              <button type="button" class="button" data-testid="pack-remove" aria-label={t('removePackFor', pack.name)} onClick={() => void remove(pack)}>
                {t('removePack')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
