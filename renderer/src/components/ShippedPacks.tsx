import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { restoredMessage } from '../../../common/contract/admin.js';
import type { ShippedPack } from '../../../common/contract/admin.js';
import { learn, saidHere } from '../learn.js';
import { AdminGate } from './AdminGate.js';
import { Notice } from './Notice.js';
import type { Message } from './Notice.js';

/** The packs shipped with the app; an admin restores one that was removed or replaced, and is told what happened. */
export function ShippedPacks({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [packs, setPacks] = useState<ShippedPack[]>([]);
  const [message, setMessage] = useState<Message>();
  const reload = useCallback(() => {
    learn()
      .listShippedPacks()
      .then(setPacks, () => setPacks([]));
  }, []);
  useEffect(() => {
    reload();
    return window.learn?.onEvent((event) => event.type === 'catalog-changed' && reload());
  }, [reload]);
  const changed = packs.filter((p) => p.state !== 'as-shipped');
  if (packs.length === 0) return null;

  const restore = (session: string, packId: string) =>
    learn()
      .restoreShippedPack({ session, packId })
      .then(
        (result) => (setMessage({ kind: 'ok', text: saidHere(restoredMessage(result)) }), onChanged()),
        (e: unknown) => setMessage({ kind: 'error', text: (e as Error).message }),
      );

  return (
    <section className="panel" aria-labelledby="shipped-heading">
      <h2 id="shipped-heading">{t('shippedPacks.heading')}</h2>
      <ul aria-label={t('shippedPacks.list')}>
        {packs.map((p) => (
          <li key={p.packId}>
            {t('shippedPacks.line', p)} <span className="status">{t(`shippedPacks.state.${p.state}`)}</span>
          </li>
        ))}
      </ul>
      {changed.length > 0 && (
        <AdminGate says="shippedPacks">
          {(session) =>
            changed.map((p) => (
              <button key={p.packId} type="button" onClick={() => void restore(session, p.packId)}>
                {t('shippedPacks.restore', p)}
              </button>
            ))
          }
        </AdminGate>
      )}
      <Notice message={message} />
    </section>
  );
}
