import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOfItem } from '../href-of-item.js';
import { learn } from '../learn.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';

/**
 * The step after `after` in the course's teaching order (the module's lessons, then its exercises and
 * quiz, then the next module), as the core's getNextContent says. `focus` puts the keyboard on it, so
 * after a success the next step is one Enter away.
 */
export function NextStep({
  after,
  focus = false,
  describedBy,
}: {
  after: string;
  focus?: boolean;
  /** What the success said (a score), read along with the focused link. */
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const state = useLoad(`next-${after}`, () => learn().getNextContent({ currentId: after }));
  const link = useRef<HTMLAnchorElement>(null);
  const ready = state.status === 'ready';
  useEffect(() => {
    if (focus && ready) link.current?.focus();
  }, [focus, ready]);
  if (!ready) return null;
  const next = state.value;
  if (!next) {
    return (
      <p className="next-step" data-testid="next-step">
        {t('next.lastStep')}{' '}
        <a ref={link} className="next-step-link" href={hrefFor.modules()} aria-describedby={describedBy}>
          {t('next.backToModules')}
        </a>
      </p>
    );
  }
  return (
    <p className="next-step">
      <a
        ref={link}
        className="next-step-link"
        href={hrefOfItem(next)}
        rel="next"
        aria-describedby={describedBy}
        data-testid="next-step"
      >
        {t('next.next', { title: next.title })} <span className="next-kind">({t(`next.kind.${next.kind}`)})</span>{' '}
        <span aria-hidden="true">→</span>
      </a>
    </p>
  );
}
