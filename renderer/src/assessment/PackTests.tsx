import { useTranslation } from 'react-i18next';
import type { ModuleSummary } from '../../../common/contract/content.js';
import { hrefFor } from '../router.js';

/** On the home screen: an adaptive test of each installed pack. */
export function PackTests({ modules }: { modules: readonly ModuleSummary[] }) {
  const { t } = useTranslation();
  const packs = [...new Map(modules.map((m) => [m.packId, m.packTitle])).entries()];
  if (packs.length === 0) return null;
  return (
    <nav aria-labelledby="pack-tests-heading" className="pack-tests">
      <h2 id="pack-tests-heading">{t('packTests.heading')}</h2>
      <ul>
        {packs.map(([packId, title]) => (
          <li key={packId}>
            <a href={hrefFor.assess(packId)} data-testid="pack-test-link">
              {t('packTests.link', { pack: title })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
