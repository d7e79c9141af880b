import { useCallback, useEffect, useState } from 'react';
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
import { learn } from '../learn.js';
import type { LoadState } from '../use-load.js';
import { useAdmin } from '../admin-store.js';

/** Admins choose whose packs this machine installs. */
function TrustedKeys() {
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
      return `Now trusting key ${key.keyId} (${key.label}).`;
    });
  };

  return (
    <section className="panel" aria-labelledby="keys-heading">
      <h2 id="keys-heading">Trusted pack keys</h2>
      <p className="status">
        Packs install only when signed by one of these keys. The packs shipped with the app are always trusted.
      </p>
      <LoadStatus state={keys} what="the trusted keys" onRetry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">No keys yet: only the packs shipped with the app can be installed.</p>
          ) : (
            <ul className="key-list" aria-label="Trusted keys">
              {list.map((k) => (
                <li key={k.keyId}>
                  <code>{k.keyId}</code> {k.label}{' '}
                  {k.builtin ? (
                    <span className="status">shipped with the app</span>
                  ) : (
                    <span className="status">added {k.addedAt.slice(0, 10)}</span>
                  )}{' '}
                  {!k.builtin && admin && (
                    <button
                      type="button"
                      onClick={() =>
                        void run(
                          async () => (
                            await learn().removeTrustedKey({ session: admin, keyId: k.keyId }),
                            `Removed key ${k.keyId}.`
                          ),
                        )
                      }
                    >
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </LoadStatus>
      <AdminGate what="trust or remove pack keys">
        {(session) => (
          <form onSubmit={add(session)} className="key-form">
            <label>
              Whose key is it
              <input
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                required
                placeholder="e.g. District content team"
              />
            </label>
            <label>
              Public key (the contents of pack-signing.pub)
              <textarea
                value={publicKey}
                onChange={(e) => setPublicKey(e.target.value)}
                required
                rows={4}
                spellCheck={false}
              />
            </label>
            <button type="submit">Trust this key</button>
          </form>
        )}
      </AdminGate>
      <Notice message={message} />
    </section>
  );
}

export function SettingsScreen() {
  return (
    <section aria-labelledby="settings-heading">
      <h1 id="settings-heading">Settings</h1>
      <AdminPanel />
      <ProfileSettings />
      <SyncSettings />
      <ClassServerPacks />
      <TrustedKeys />
      <PackFolderInstall />
    </section>
  );
}
