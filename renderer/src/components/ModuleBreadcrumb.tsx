import { useTranslation } from 'react-i18next';
import { hrefFor } from '../router.js';

/** Modules › <module>: the way back from a lesson or an exercise. */
export function ModuleBreadcrumb({ moduleId, moduleTitle }: { moduleId: string; moduleTitle: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
      <a href={hrefFor.modules()}>{t('breadcrumb.modules')}</a> <span aria-hidden="true">›</span>{' '}
      <a href={hrefFor.module(moduleId)}>{moduleTitle}</a>
    </nav>
  );
}
