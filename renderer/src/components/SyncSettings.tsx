import type { ProgressVisibility } from '../../../common/contract/privacy.js';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import type { SyncStatus } from '../../../common/contract/sync.js';
import { learn } from '../learn.js';
import { useLearner } from '../learner-store.js';
import { Notice } from './Notice.js';
import { ServersFound } from '../distribution/ServersFound.js';
import type { Message } from './Notice.js';
import { formatList, formatTime } from '../i18n/format.js';
import { i18next } from '../i18n/i18n.js';

/** The status in words, in the app's language; `pending` is what this machine holds that the server has not confirmed. */
function describe(status: SyncStatus): string {
  const { t } = i18next;
  const refused = status.refused > 0 ? ` ${t('sync.refused', { count: status.refused })}` : '';
  return `${describeState(status)}${refused}`;
}

function describeState(status: SyncStatus): string {
  const { t } = i18next;
  const waiting = status.pending > 0 ? ` ${t('sync.notSent', { count: status.pending })}` : '';
  const server = status.serverUrl ?? '';
  switch (status.state) {
    case 'unlinked':
      return t('sync.unlinked');
    case 'offline':
      return `${status.message ?? t('sync.offline')}${waiting}`;
    case 'syncing':
      return `${t('sync.syncing', { server })}${waiting}`;
    case 'synced':
      return status.syncedAt
        ? t('sync.syncedAt', { server, time: formatTime(status.syncedAt) })
        : t('sync.synced', { server });
    case 'error':
      return `${status.message ?? t('sync.stopped')}${waiting}`;
  }
}

/** Checked here first, so a typo gets a plain answer instead of the contract's. */
function serverAddressProblem(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch {
    // falls through to the message
  }
  return i18next.t('sync.badAddress');
}

/** The Settings line on who can see a linked learner's progress (their classes' teachers and the server's admins). */
export function visibilityText({ teachers, admins }: ProgressVisibility): string {
  const { t } = i18next;
  const adminText = t('sync.admins', { count: admins });
  const who =
    teachers.length === 0
      ? t('sync.onlyAdmins', { admins: adminText })
      : formatList([
          ...teachers.map((c) => t('sync.teacherOf', { teacher: c.teacherName, className: c.className })),
          adminText,
        ]);
  return t('sync.whoSees', { who });
}

/** Linking the open learner to a sync-server account, and how their sync is going. */
export function SyncSettings() {
  const { t } = useTranslation();
  const { current, setLearner } = useLearner();
  const [status, setStatus] = useState<SyncStatus>();
  const [visibility, setVisibility] = useState<ProgressVisibility | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();
  const section = useRef<HTMLElement>(null);
  /** Set when the learner's own link or unlink replaces the controls they were using. */
  const refocus = useRef(false);
  const session = current?.session;
  const learnerId = current?.learner.id;

  useEffect(() => {
    if (!session || !learnerId) return;
    let open = true;
    learn()
      .getSyncStatus({ session })
      .then(
        (value) => {
          if (!open) return;
          setStatus(value);
          setServerUrl((typed) => typed || value.serverUrl || '');
        },
        (e: unknown) => open && setMessage({ kind: 'error', text: (e as Error).message }),
      );
    const unsubscribe = window.learn?.onEvent((event) => {
      if (event.type !== 'sync-status' || event.learnerId !== learnerId) return;
      setStatus(event.status);
      // Preferences may have arrived from another device. Only a real change is stored: any update of
      // the learner re-renders the whole app, which moves focus away from these controls.
      if (event.status.state === 'synced') {
        learn()
          .getLearner({ session })
          .then(
            (learner) => {
              const known = useLearner.getState().current?.learner;
              if (open && JSON.stringify(learner) !== JSON.stringify(known)) setLearner(learner);
            },
            () => undefined,
          );
      }
    });
    return () => {
      open = false;
      unsubscribe?.();
    };
  }, [session, learnerId, setLearner]);

  // Asked again whenever the sync settles: joining a class on another device changes who can see.
  const settled = status?.state === 'synced';
  useEffect(() => {
    if (!session || !settled) return;
    let open = true;
    learn()
      .getSyncVisibility({ session })
      .then(
        (value) => open && setVisibility(value),
        () => undefined,
      );
    return () => {
      open = false;
    };
  }, [session, settled]);

  // Once a link or unlink is done, the control that had focus (a field of the form, or Unlink) is
  // gone: keyboard users go on from the first new one. Keyed on `busy`, as the status may have
  // changed already through an event.
  useEffect(() => {
    if (busy || !refocus.current) return;
    refocus.current = false;
    section.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [busy]);

  if (!session || !status) return null;

  const run = async (work: () => Promise<SyncStatus>, done?: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setStatus(await work());
      if (done) setMessage({ kind: 'ok', text: done });
    } catch (e) {
      setMessage({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const link = (event: FormEvent) => {
    event.preventDefault();
    const problem = serverAddressProblem(serverUrl);
    if (problem) return setMessage({ kind: 'error', text: problem });
    void run(async () => {
      const linked = await learn().linkSyncAccount({ session, serverUrl: serverUrl.trim(), email, password });
      setPassword('');
      refocus.current = true;
      return linked;
    }, t('sync.linked'));
  };

  const linked = status.state !== 'unlinked';
  const needsLogin = !linked || status.state === 'error';
  return (
    <section ref={section} className="panel" aria-labelledby="sync-heading">
      <h2 id="sync-heading">{t('sync.heading')}</h2>
      <p className="status">{t('sync.intro')}</p>
      <p role="status" aria-live="polite" className={status.state === 'error' ? 'status-error' : 'status'}>
        {describe(status)}
      </p>
      {linked && visibility && <p className="status sync-visibility">{visibilityText(visibility)}</p>}
      {linked && (
        <p>
          <button type="button" disabled={busy} onClick={() => void run(() => learn().syncNow({ session }))}>
            {t('sync.syncNow')}
          </button>{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const unlinked = await learn().unlinkSyncAccount({ session });
                refocus.current = true;
                return unlinked;
              }, t('sync.unlinkedDone'))
            }
          >
            {t('sync.unlink')}
          </button>
        </p>
      )}
      {needsLogin && (
        <form onSubmit={link} className="key-form" aria-label={linked ? t('sync.logInAgain') : t('sync.linkForm')}>
          <label>
            {t('sync.serverAddress')}
            <input
              inputMode="url"
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
              placeholder="http://192.168.1.10:4781"
              required
              autoComplete="url"
              spellCheck={false}
            />
          </label>
          <label>
            {t('sync.email')}
            <input
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              autoComplete="username"
            />
          </label>
          <label>
            {t('sync.password')}
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              autoComplete="current-password"
            />
          </label>
          <button type="submit" disabled={busy}>
            {linked ? t('sync.logInAgain') : t('sync.link')}
          </button>
        </form>
      )}
      {needsLogin && <ServersFound onPick={setServerUrl} />}
      <Notice message={message} />
    </section>
  );
}
