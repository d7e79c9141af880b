import { useTranslation } from 'react-i18next';
import { hrefFor } from '../router.js';
import { useNotifications } from './notification-store.js';

/** The header's way to the inbox, with the unread count in words (a badge alone says nothing to a screen reader). */
export function InboxLink({ current }: { current: boolean }) {
  const { t } = useTranslation();
  const unread = useNotifications((s) => s.list?.unread ?? 0);
  return (
    <a href={hrefFor.notifications()} aria-current={current ? 'page' : undefined} data-testid="inbox-link">
      {t('notifications.inbox')}
      {unread > 0 && (
        <span className="unread-badge">
          {' '}
          {unread}
          <span className="visually-hidden"> {t('notifications.unreadHidden')}</span>
        </span>
      )}
    </a>
  );
}
