import { hrefFor } from '../router.js';

/** Modules › <module>: the way back from a lesson or an exercise. */
export function ModuleBreadcrumb({ moduleId, moduleTitle }: { moduleId: string; moduleTitle: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <a href={hrefFor.modules()}>Modules</a> <span aria-hidden="true">›</span>{' '}
      <a href={hrefFor.module(moduleId)}>{moduleTitle}</a>
    </nav>
  );
}
