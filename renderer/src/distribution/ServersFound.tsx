import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoundServer } from '../../../common/contract/distribution.js';
import { learn } from '../learn.js';

/**
 * Class servers announcing themselves on this network (mDNS): one button each fills in the address. Typing the
 * address stays the way where the network does not carry the announcements.
 */
export function ServersFound({ onPick }: { onPick: (url: string) => void }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<FoundServer[]>();
  const [searching, setSearching] = useState(false);
  const search = () => {
    setSearching(true);
    void learn()
      .findClassServers()
      .then(setFound, () => setFound([]))
      .finally(() => setSearching(false));
  };
  return (
    <div className="servers-found">
      <button type="button" onClick={search} disabled={searching}>
        {searching ? t('distribution.servers.looking') : t('distribution.servers.find')}
      </button>
      {found && found.length === 0 && (
        <p className="status" role="status">
          {t('distribution.servers.none')}
        </p>
      )}
      {found && found.length > 0 && (
        <ul aria-label={t('distribution.servers.found')}>
          {found.map((server) => (
            <li key={server.url}>
              <button type="button" onClick={() => onPick(server.url)}>
                {server.name} ({server.url})
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
