/** Knowledge packs on the options page: import with every problem listed, enable, remove, export. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n';
import type { StoredPack } from '../src/packs/compile-packs';
import { exportPack, importPack, listPacks, removePack, setPackEnabled } from '../src/packs/pack-store';
import type { PackProblem } from '../src/packs/parse-pack';
import { Switch } from './switch';

export function PacksPanel() {
  const [packs, setPacks] = useState<StoredPack[]>([]);
  const [problems, setProblems] = useState<PackProblem[]>([]);
  const [message, setMessage] = useState('');
  const refresh = () => void listPacks().then(setPacks);
  useEffect(refresh, []);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setMessage('');
    setProblems([]);
    const result = await importPack(await file.text(), file.name).catch((e: unknown) => ({ ok: false as const, problems: [{ where: file.name, message: String(e) }] }));
    if (result.ok) setMessage(t('packImported', result.pack.name, result.pack.entities.length));
    else setProblems(result.problems);
    refresh();
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
    <div class="packs">
      <p>{t('packsHelp')}</p>
      <label class="field">
        <span>{t('importPack')}</span>
        <input type="file" accept="application/json,.json" data-testid="pack-file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      </label>
      {message && (
        <p role="status" data-testid="pack-status">
          {message}
        </p>
      )}
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
            <li key={pack.id} data-pack-name={pack.name} class="pack">
              <strong>{pack.name}</strong> · {t('packEntities', pack.entities.length)}
              {pack.overrides.length > 0 && ` · ${t('packOverrides', pack.overrides.length)}`}
              <Switch label={t('packEnabled')} checked={pack.enabled} onChange={(on) => void setPackEnabled(pack.id, on).then(refresh)} />
              <button type="button" onClick={() => download(pack)}>
                {t('exportPack')}
              </button>{' '}
              <button type="button" onClick={() => void removePack(pack.id).then(refresh)}>
                {t('removePack')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
