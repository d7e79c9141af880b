import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import type { TrustedKey } from '../../../common/contract/packs.js';
import { AdminGate } from '../components/AdminGate.js';
import { AdminPanel } from '../components/AdminPanel.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { Notice } from '../components/Notice.js';
import type { Message } from '../components/Notice.js';
import { ProfileSettings } from '../components/ProfileSettings.js';
import { SyncSettings } from '../components/SyncSettings.js';
import { ClassServerPacks } from '../distribution/ClassServerPacks.js';
import { PackFolderInstall } from '../distribution/PackFolderInstall.js';
import { PackPublish } from '../distribution/PackPublish.js';
import { formatDate } from '../i18n/format.js';
import { learn } from '../learn.js';
import type { LoadState } from '../use-load.js';
import { useAdmin } from '../admin-store.js';

/** Admins choose whose packs this machine installs. */
function TrustedKeys() {
  const { t } = useTranslation();
  const [keys, setKeys] = useState<LoadState<TrustedKey[]>>({ status: 'loading' });
  const [label, setLabel] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [message, setMessage] = useState<Message>();
  const admin = useAdmin((s) => s.unlocked?.session);
  const reload = useCallback(() => {
    learn()
      .listTrustedKeys()
      .then(
        (value) => setKeys({ status: 'ready', value }),
        (e: unknown) => setKeys({ status: 'error', message: (e as Error).message }),
      );
  }, []);
  useEffect(reload, [reload]);

  const run = (work: () => Promise<string>) =>
    work().then(
      (text) => (setMessage({ kind: 'ok', text }), reload()),
      (e: unknown) => setMessage({ kind: 'error', text: (e as Error).message }),
    );
  const add = (session: string) => (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const key = await learn().addTrustedKey({ session, publicKey, label });
      setLabel('');
      setPublicKey('');
      return t('settingsScreen.keys.trusting', { keyId: key.keyId, label: key.label });
    });
  };

  return (
    <section className="panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('settingsScreen.keys.heading')}</h2>
      <p className="status">{t('settingsScreen.keys.intro')}</p>
      <LoadStatus state={keys} what={t('settingsScreen.keys.what')} onRetry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">{t('settingsScreen.keys.none')}</p>
          ) : (
            <ul className="key-list" aria-label={t('settingsScreen.keys.list')}>
              {list.map((k) => (
                <li key={k.keyId}>
                  <code>{k.keyId}</code> {k.label}{' '}
                  {k.builtin ? (
                    <span className="status">{t('settingsScreen.keys.shipped')}</span>
                  ) : (
                    <span className="status">{t('settingsScreen.keys.added', { date: formatDate(k.addedAt) })}</span>
                  )}{' '}
                  {!k.builtin && admin && (
                    <button
                      type="button"
                      onClick={() =>
                        void run(
                          async () => (
                            await learn().removeTrustedKey({ session: admin, keyId: k.keyId }),
                            t('settingsScreen.keys.removed', { keyId: k.keyId })
                          ),
                        )
                      }
                    >
                      {t('settingsScreen.keys.remove')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </LoadStatus>
      <AdminGate says="trustKeys">
        {(session) => (
          <form onSubmit={add(session)} className="key-form">
            <label>
              {t('settingsScreen.keys.whose')}
              <input
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                required
                placeholder={t('settingsScreen.keys.whosePlaceholder')}
              />
            </label>
            <label>
              {t('settingsScreen.keys.publicKey')}
              <textarea
                value={publicKey}
                onChange={(e) => setPublicKey(e.target.value)}
                required
                rows={4}
                spellCheck={false}
              />
            </label>
            <button type="submit">{t('settingsScreen.keys.trust')}</button>
          </form>
        )}
      </AdminGate>
      <Notice message={message} />
    </section>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t('settingsScreen.heading')}</h1>
      <AdminPanel />
      <ProfileSettings />
      <SyncSettings />
      <ClassServerPacks />
      <TrustedKeys />
      <PackFolderInstall />
      <PackPublish />
    </section>
  );
}
