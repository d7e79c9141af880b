import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import type { Audience } from '../../../common/contract/notifications.js';
import { MAX_MESSAGE_LENGTH } from '../../../common/contract/notifications.js';
import { Notice } from '../components/Notice.js';
import type { Message } from '../components/Notice.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';

type To = Audience['to'];

/**
 * A teacher's or admin's message through the class server this profile is linked to. Shown only to an account
 * whose sign-in says teacher or admin (the inbox checks); the core refuses a learner's send too, and the server
 * decides who may send to whom and says so.
 */
export function SendMessageForm() {
  const { t } = useTranslation();
  const session = useSession();
  const [to, setTo] = useState<To>('class-code');
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const [markdown, setMarkdown] = useState(false);
  const [important, setImportant] = useState(false);
  const [message, setMessage] = useState<Message>();

  const audience = (): Audience =>
    to === 'everyone'
      ? { to }
      : to === 'learner'
        ? { to, accountId: target.trim() }
        : to === 'class'
          ? { to, classId: target.trim() }
          : { to, joinCode: target.trim() };

  const send = (event: FormEvent) => {
    event.preventDefault();
    learn()
      .sendNotification({
        session,
        message: { audience: audience(), text, format: markdown ? 'markdown' : 'text', important },
      })
      .then(
        ({ recipients }) => {
          setText('');
          setMessage({ kind: 'ok', text: t('notifications.send.sent', { count: recipients }) });
        },
        (error: unknown) => setMessage({ kind: 'error', text: (error as Error).message }),
      );
  };

  return (
    <details className="panel send-message">
      <summary>{t('notifications.send.summary')}</summary>
      <form onSubmit={send}>
        <label>
          {t('notifications.send.to')}{' '}
          <select value={to} onChange={(e) => setTo(e.target.value as To)}>
            <option value="class-code">{t('notifications.send.toClassCode')}</option>
            <option value="learner">{t('notifications.send.toLearner')}</option>
            <option value="everyone">{t('notifications.send.toEveryone')}</option>
          </select>
        </label>
        {to !== 'everyone' && (
          <label>
            {to === 'learner' ? t('notifications.send.accountId') : t('notifications.send.joinCode')}{' '}
            <input value={target} onChange={(e) => setTarget(e.target.value)} required />
          </label>
        )}
        <label className="send-text">
          {t('notifications.send.message')}
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_MESSAGE_LENGTH}
            rows={4}
            required
          />
        </label>
        <label>
          <input type="checkbox" checked={markdown} onChange={(e) => setMarkdown(e.target.checked)} />{' '}
          {t('notifications.send.markdown')}
        </label>
        <label>
          <input type="checkbox" checked={important} onChange={(e) => setImportant(e.target.checked)} />{' '}
          {t('notifications.send.important')}
        </label>
        <button type="submit">{t('notifications.send.send')}</button>
      </form>
      <Notice message={message} />
    </details>
  );
}
