import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useAdmin } from '../admin-store.js';
import type { Translations } from '../i18n/locales/en.js';

/** The whole sentences a gate may open with, each translated (see adminGate in the locales). */
type GateSentence = Exclude<keyof Translations['adminGate'], 'fresh' | 'ask'>;

/**
 * What only an admin may do: the controls when admin is unlocked, else a sentence saying who can
 * and a button to unlock (or, on a fresh machine, to set the admin password first). `says` names a
 * translated sentence, a whole one, since the words around "what" differ by language.
 */
export function AdminGate({ says, children }: { says: GateSentence; children: (session: string) => ReactNode }) {
  const { t } = useTranslation();
  const { status, unlocked, openDialog } = useAdmin();
  if (unlocked) return <>{children(unlocked.session)}</>;
  const fresh = status?.passwordSet === false;
  return (
    <p className="admin-explain">
      {t(`adminGate.${says}`)}{' '}
      <Trans
        i18nKey={fresh ? 'adminGate.fresh' : 'adminGate.ask'}
        components={{ button: <button type="button" onClick={openDialog} /> }}
      />
    </p>
  );
}
