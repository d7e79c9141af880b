import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DistributionStatus, PullOutcome } from '../../../common/contract/distribution.js';
import { ByteProgress } from '../components/ByteProgress.js';
import { formatTime } from '../i18n/format.js';
import { i18next } from '../i18n/i18n.js';
import { learn } from '../learn.js';

/** The pull in words, in the app's language: what the app is doing with the class server's packs. */
export function describeDistribution(status: DistributionStatus): string {
  const { t } = i18next;
  const server = status.serverUrl ?? t('distribution.theServer');
  switch (status.state) {
    case 'not-signed-in':
      return t('distribution.notSignedIn');
    case 'checking':
      return t('distribution.checking', { server });
    case 'downloading':
      return status.current
        ? t('distribution.downloadingPack', { ...status.current, server })
        : t('distribution.downloading');
    case 'installing':
      return status.current ? t('distribution.installingPack', status.current) : t('distribution.installing');
    case 'offline':
      return t('distribution.retryLater', { reason: status.message ?? t('distribution.unreachable') });
    case 'idle':
      return status.checkedAt
        ? t('distribution.upToDate', { server, time: formatTime(status.checkedAt) })
        : t('distribution.idle');
  }
}

function outcomeText(o: PullOutcome): string {
  const { t } = i18next;
  if (o.status === 'refused')
    return t('distribution.refused', { ...o, reason: o.reason ?? t('distribution.noReason') });
  return t(o.status === 'installed' ? 'distribution.installed' : 'distribution.alreadyInstalled', o);
}

/** Packs the class server pushes: the background pull's state, a download's progress, and what it last did. */
export function ClassServerPacks() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DistributionStatus>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let open = true;
    learn()
      .getDistributionStatus()
      .then(
        (value) => open && setStatus(value),
        () => undefined,
      );
    const unsubscribe = window.learn?.onEvent((event) => {
      if (event.type === 'distribution-status') setStatus(event.status);
    });
    return () => {
      open = false;
      unsubscribe?.();
    };
  }, []);

  if (!status) return null;
  return (
    <section className="panel distribution-panel" aria-labelledby="class-packs-heading">
      <h2 id="class-packs-heading">{t('distribution.classPacks')}</h2>
      <p role="status" aria-live="polite" className={status.state === 'offline' ? 'status-error' : 'status'}>
        {describeDistribution(status)}
      </p>
      {status.state === 'downloading' && status.current && (
        <ByteProgress
          label={t('distribution.downloadingBar')}
          bytes={status.current.bytes}
          total={status.current.total}
        />
      )}
      {status.outcomes.length > 0 && (
        <ul className="distribution-outcomes">
          {status.outcomes.map((o) => (
            <li key={`${o.packId}@${o.version}`} className={o.status === 'refused' ? 'status-error' : undefined}>
              {outcomeText(o)}
            </li>
          ))}
        </ul>
      )}
      {status.state !== 'not-signed-in' && (
        <button
          type="button"
          disabled={busy || status.state === 'downloading' || status.state === 'installing'}
          onClick={() => {
            setBusy(true);
            void learn()
              .pullPacksNow()
              .then(setStatus, () => undefined)
              .finally(() => setBusy(false));
          }}
        >
          {t('distribution.checkNow')}
        </button>
      )}
    </section>
  );
}
