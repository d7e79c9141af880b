import { useEffect, useState } from 'react';
import type { DistributionStatus, PullOutcome } from '../../../common/contract/distribution.js';
import { ByteProgress } from '../components/ByteProgress.js';
import { learn } from '../learn.js';

/** The pull in words: what the app is doing with the class server's packs. */
export function describeDistribution(status: DistributionStatus): string {
  switch (status.state) {
    case 'not-signed-in':
      return 'No profile on this machine is linked to a class server, so no packs arrive from one.';
    case 'checking':
      return `Checking ${status.serverUrl} for new packs…`;
    case 'downloading':
      return status.current
        ? `Downloading ${status.current.packId} ${status.current.version} from ${status.serverUrl}…`
        : 'Downloading…';
    case 'installing':
      return status.current
        ? `Checking and installing ${status.current.packId} ${status.current.version}…`
        : 'Installing…';
    case 'offline':
      return `${status.message ?? 'The class server cannot be reached.'} It tries again later, resuming any download.`;
    case 'idle':
      return status.checkedAt
        ? `Up to date with ${status.serverUrl ?? 'the class server'} (checked ${new Date(status.checkedAt).toLocaleTimeString()}).`
        : 'Packs from the class server arrive here by themselves while a profile is linked.';
  }
}

const outcomeText = (o: PullOutcome) =>
  o.status === 'refused'
    ? `${o.packId} ${o.version}: refused, nothing installed (${o.reason ?? 'no reason given'})`
    : `${o.packId} ${o.version}: ${o.status === 'installed' ? 'installed' : 'already installed'}`;

/** Packs the class server pushes: the background pull's state, a download's progress, and what it last did. */
export function ClassServerPacks() {
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
      <h2 id="class-packs-heading">Packs from the class server</h2>
      <p role="status" aria-live="polite" className={status.state === 'offline' ? 'status-error' : 'status'}>
        {describeDistribution(status)}
      </p>
      {status.state === 'downloading' && status.current && (
        <ByteProgress label="Downloading" bytes={status.current.bytes} total={status.current.total} />
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
          Check now
        </button>
      )}
    </section>
  );
}
