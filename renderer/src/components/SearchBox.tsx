import { useEffect, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SearchHit, SearchResult } from '../../../common/contract/search.js';
import { learn } from '../learn.js';
import { hrefFor } from '../router.js';

const DEBOUNCE_MS = 120;

const hrefOf = (hit: SearchHit) =>
  hit.kind === 'lesson'
    ? hrefFor.lesson(hit.contentId)
    : hit.kind === 'quiz'
      ? hrefFor.quiz(hit.moduleId, hit.contentId)
      : hrefFor.module(hit.moduleId);

/** Search as you type over lessons, exercises and quizzes, with a respelling for a typo; Escape clears. */
export function SearchBox() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<SearchResult | undefined>();
  const [error, setError] = useState<string>();
  const resultsId = useId();

  useEffect(() => {
    if (query.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      learn()
        .searchContent({ query, limit: 8 })
        .then(
          (found) => current && (setResult(found), setError(undefined)),
          (e: unknown) => current && setError((e as Error).message),
        );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const open = query.trim() !== '' && (result !== undefined || error !== undefined);
  const clear = () => (setQuery(''), setResult(undefined));
  const hits = result?.hits;
  const didYouMean = result?.didYouMean;
  return (
    <div className="search" role="search">
      <input
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        aria-controls={resultsId}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && clear()}
      />
      <div id={resultsId} className={open ? 'search-results' : 'search-results hidden'} aria-live="polite">
        {open && error && <p role="alert">{t('search.failed', { message: error })}</p>}
        {open && didYouMean?.applied && (
          <p className="status" data-testid="search-respelled">
            <Trans
              i18nKey="search.respelled"
              values={{ query, respelled: didYouMean.query }}
              components={{ strong: <strong /> }}
            />
          </p>
        )}
        {open && didYouMean && !didYouMean.applied && (
          <p className="status" data-testid="search-did-you-mean">
            <Trans
              i18nKey="search.didYouMean"
              values={{ respelled: didYouMean.query }}
              components={{
                button: <button type="button" className="link-button" onClick={() => setQuery(didYouMean.query)} />,
              }}
            />
          </p>
        )}
        {open && hits && hits.length === 0 && <p className="status">{t('search.nothing', { query })}</p>}
        {open && hits && hits.length > 0 && (
          <ul aria-label={t('search.results', { count: hits.length })}>
            {hits.map((hit) => (
              <li key={hit.contentId}>
                <a href={hrefOf(hit)} onClick={clear} data-testid="search-hit">
                  <span className="search-kind">{t(`next.kind.${hit.kind}`)}</span>{' '}
                  <span className="search-title">{hit.title}</span>
                  <span className="search-snippet">
                    {hit.snippet.map((run, i) =>
                      run.match ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
                    )}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
