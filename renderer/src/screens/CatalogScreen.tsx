import { percent } from '../../../common/progress-rules/percent.js';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstalledPack } from '../../../common/contract/packs.js';
import type { ProgressSummary } from '../../../common/contract/progress.js';
import { useSession } from '../learner-store.js';
import { useCatalog } from '../catalog-store.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { AdminGate } from '../components/AdminGate.js';
import { PackImport } from '../components/PackImport.js';
import { ShippedPacks } from '../components/ShippedPacks.js';
import { useAdmin } from '../admin-store.js';
import { learn } from '../learn.js';
import { hrefFor } from '../router.js';
import { formatPercent } from '../i18n/format.js';
import type { LoadState } from '../use-load.js';

type Completion = ProgressSummary['packs'][number];

function PackCard({
  pack,
  completion,
  onChanged,
}: {
  pack: InstalledPack;
  completion?: Completion;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const modules = useCatalog((s) => s.modules);
  // Switching and removing change what every learner here gets: shown to an unlocked admin only.
  const admin = useAdmin((s) => s.unlocked?.session);
  const [error, setError] = useState<string>();
  const act = (work: () => Promise<unknown>) => work().then(onChanged, (e: unknown) => setError((e as Error).message));
  const packModules = modules.status === 'ready' ? modules.value.filter((m) => m.packId === pack.id) : [];
  return (
    <li className="pack-card" aria-label={pack.title}>
      <h2>{pack.title}</h2>
      <p className="status">{t('catalog.versionLine', { id: pack.id, version: pack.activeVersion })}</p>
      {completion && (
        <p className="pack-completion">
          <label htmlFor={`done-${pack.id}`}>
            {t('catalog.completion', {
              percent: formatPercent(percent(completion.completed, completion.total)),
            })}
          </label>{' '}
          <progress id={`done-${pack.id}`} max={completion.total || 1} value={completion.completed} />
        </p>
      )}
      <ul className="pack-modules" aria-label={t('catalog.modulesIn', { title: pack.title })}>
        {packModules.map((m) => (
          <li key={m.id}>
            <a href={hrefFor.module(m.id)}>{m.title}</a>{' '}
            <span className="status">{t('catalog.lessons', { count: m.lessonCount })}</span>
          </li>
        ))}
      </ul>
      {pack.versions.length > 1 && (
        <div className="pack-versions">
          <h3>{t('catalog.installedVersions')}</h3>
          <ul>
            {pack.versions.map((v) => (
              <li key={v.version}>
                {v.origin === 'bundled'
                  ? t('catalog.shipped', { version: v.version })
                  : t('catalog.signedBy', { version: v.version, keyId: v.keyId ?? '–' })}{' '}
                {v.version === pack.activeVersion ? (
                  <strong>{t('catalog.inUse')}</strong>
                ) : (
                  admin && (
                    <button
                      type="button"
                      onClick={() =>
                        act(() => learn().activatePackVersion({ session: admin, packId: pack.id, version: v.version }))
                      }
                    >
                      {t('catalog.useVersion')}
                    </button>
                  )
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {admin && (
        <button
          type="button"
          className="danger"
          onClick={() =>
            window.confirm(t('catalog.removeConfirm', { title: pack.title })) &&
            act(() => learn().removePack({ session: admin, packId: pack.id }))
          }
        >
          {t('catalog.remove')}
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </li>
  );
}

export function CatalogScreen() {
  const { t } = useTranslation();
  const [packs, setPacks] = useState<LoadState<InstalledPack[]>>({ status: 'loading' });
  const [completion, setCompletion] = useState<Map<string, Completion>>(new Map());
  const session = useSession();
  const loadModules = useCatalog((s) => s.loadModules);
  const reload = useCallback(() => {
    learn()
      .getProgressSummary({ session, days: 1 })
      .then(
        (summary) => setCompletion(new Map(summary.packs.map((p) => [p.packId, p]))),
        () => setCompletion(new Map()),
      );
    learn()
      .listPacks()
      .then(
        (value) => setPacks({ status: 'ready', value }),
        (e: unknown) => setPacks({ status: 'error', message: (e as Error).message }),
      );
    void loadModules();
  }, [loadModules, session]);

  useEffect(() => {
    reload();
    return window.learn?.onEvent((event) => event.type === 'catalog-changed' && reload());
  }, [reload]);

  return (
    <section aria-labelledby="catalog-heading">
      <h1 id="catalog-heading">{t('catalog.heading')}</h1>
      <AdminGate says="packs">{(session) => <PackImport session={session} />}</AdminGate>
      <LoadStatus state={packs} what={t('catalog.what')} onRetry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('catalog.empty')}</p>
          ) : (
            <ul className="pack-list" aria-label={t('catalog.list')}>
              {list.map((pack) => (
                <PackCard key={pack.id} pack={pack} completion={completion.get(pack.id)} onChanged={reload} />
              ))}
            </ul>
          )
        }
      </LoadStatus>
      <ShippedPacks onChanged={reload} />
    </section>
  );
}
