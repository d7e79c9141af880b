import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCompose } from '../../../common/contract/notifications.js';
import type { Notification } from '../../../common/contract/notifications.js';
import { useClassroom } from '../classroom/classroom-store.js';
import { formatDateTime } from '../i18n/format.js';
import { Markdown } from '../components/Markdown.js';
import { Notice } from '../components/Notice.js';
import type { Message } from '../components/Notice.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { browserAlertState } from './browser-alerts.js';
import { useNotifications } from './notification-store.js';
import { SendMessageForm } from './SendMessageForm.js';

function Item({ item, focused, session }: { item: Notification; focused: boolean; session: string }) {
  const { t } = useTranslation();
  const apply = useNotifications((s) => s.apply);
  const markRead = () =>
    void learn()
      .markNotificationsRead({ session, ids: [item.id] })
      .then(apply);
  const dismiss = () =>
    void learn()
      .dismissNotifications({ session, ids: [item.id] })
      .then(apply);
  const headingId = `notification-${item.id}`;
  return (
    <li
      className={`inbox-item${item.read ? '' : ' unread'}${focused ? ' focused' : ''}`}
      aria-labelledby={headingId}
      data-testid="inbox-item"
    >
      <h3 id={headingId}>
        {!item.read && <span className="unread-mark">{t('notifications.newMark')} </span>}
        {item.title}
      </h3>
      <p className="status">
        {item.from ? `${item.from} · ` : ''}
        <time dateTime={item.at}>{formatDateTime(item.at)}</time>
        {item.important && ` · ${t('notifications.important')}`}
      </p>
      {item.format === 'markdown' ? <Markdown source={item.body} /> : <p className="inbox-body">{item.body}</p>}
      <div className="inbox-actions">
        {item.link && (
          <a href={item.link} onClick={item.read ? undefined : markRead}>
            {t('notifications.open')}
          </a>
        )}
        {!item.read && (
          <button type="button" onClick={markRead} aria-label={t('notifications.markReadOf', { title: item.title })}>
            {t('notifications.markRead')}
          </button>
        )}
        <button type="button" onClick={dismiss} aria-label={t('notifications.dismissOf', { title: item.title })}>
          {t('notifications.dismiss')}
        </button>
      </div>
    </li>
  );
}

/** Browser face only: notifications need the learner's permission, asked by a click (browsers require one). */
function AllowBrowserAlerts() {
  const { t } = useTranslation();
  const [state, setState] = useState(browserAlertState);
  if (state !== 'default') return null;
  return (
    <p>
      <button
        type="button"
        onClick={() => void Notification.requestPermission().then(() => setState(browserAlertState()))}
      >
        {t('notifications.allowBrowser')}
      </button>
    </p>
  );
}

/** The inbox: the class server's messages and this device's reminders, newest first. */
export function InboxScreen({ itemId }: { itemId?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const { list, load, apply } = useNotifications();
  const [message, setMessage] = useState<Message>();
  // The role the linked account's sign-in carries (the classroom knows it): only teachers and admins write.
  const classroom = useClassroom((s) => s.classroom);
  const writes = classroom.status === 'ready' && mayCompose(classroom.value.role);
  useEffect(() => {
    void load(session).catch((error: unknown) => setMessage({ kind: 'error', text: (error as Error).message }));
  }, [load, session]);
  // Opened from an alert: that item is read now, and in view.
  useEffect(() => {
    if (!itemId || !list?.items.some((item) => item.id === itemId && !item.read)) return;
    void learn()
      .markNotificationsRead({ session, ids: [itemId] })
      .then(apply);
    document.getElementById(`notification-${itemId}`)?.scrollIntoView({ block: 'center' });
  }, [itemId, list, session, apply]);

  const markAll = () =>
    learn()
      .markAllNotificationsRead({ session })
      .then(apply, (error: unknown) => setMessage({ kind: 'error', text: (error as Error).message }));

  return (
    <section aria-labelledby="inbox-heading" className="inbox">
      <h1 id="inbox-heading">{t('notifications.inbox')}</h1>
      <Notice message={message} />
      <AllowBrowserAlerts />
      {list === null ? (
        <p className="status" role="status">
          {t('app.loading')}
        </p>
      ) : (
        <>
          <p className="status" role="status">
            {list.unread === 0 ? t('notifications.nothingUnread') : t('notifications.unread', { count: list.unread })}
          </p>
          {list.unread > 0 && (
            <button type="button" onClick={() => void markAll()}>
              {t('notifications.markAllRead')}
            </button>
          )}
          {list.items.length === 0 ? (
            <p>{t('notifications.empty')}</p>
          ) : (
            <ul className="inbox-list" aria-label={t('notifications.list')}>
              {list.items.map((item) => (
                <Item key={item.id} item={item} focused={item.id === itemId} session={session} />
              ))}
            </ul>
          )}
        </>
      )}
      {writes && <SendMessageForm />}
    </section>
  );
}
