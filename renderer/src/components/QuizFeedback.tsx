import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { QuizResult } from '../../../common/contract/quiz.js';
import { readableTestName } from '../screens/exercise/test-names.js';
import { InContentLanguage } from './content-language.js';
import { Markdown } from './Markdown.js';

/** A code item's verdict: each hidden test by name, why they could not judge if so, and a reference solution. */
function CodeChecks({ result }: { result: QuizResult }) {
  const { t } = useTranslation();
  const passed = result.checks!.filter((c) => c.status === 'pass').length;
  return (
    <>
      <p>
        {t('question.checksPassed', { passed, count: result.checks!.length })}
        {result.checkMessage && ` ${result.checkMessage}`}
      </p>
      {result.checks!.length > 0 && (
        <ul className="quiz-checks">
          {result.checks!.map((check) => (
            <li key={check.name} className={check.status === 'pass' ? 'pass' : 'fail'}>
              <span aria-hidden="true">{check.status === 'pass' ? '✓' : '✗'}</span>{' '}
              <span className="visually-hidden">
                {check.status === 'pass' ? t('question.passedMark') : t('question.failedMark')}
              </span>{' '}
              {readableTestName(check.name)}
              {check.status !== 'pass' && check.message && <pre>{check.message}</pre>}
            </li>
          ))}
        </ul>
      )}
      <p>{t('question.referenceSolution')}</p>
      <pre className="quiz-solution">
        <code>{result.expected}</code>
      </pre>
    </>
  );
}

/** The verdict on a graded answer: right or not, the right answer when missed, the explanation, and `children` after. */
export function QuizFeedback({ result, children }: { result: QuizResult; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={result.correct ? 'quiz-feedback success' : 'quiz-feedback miss'}>
      <p>
        <strong>{result.correct ? t('question.right') : t('question.notQuite')}</strong>
        {!result.correct && !result.checks && (
          <>
            {' '}
            <Trans i18nKey="question.theAnswer" values={{ answer: result.expected }} components={{ code: <code /> }} />
          </>
        )}
      </p>
      {result.checks && <CodeChecks result={result} />}
      {result.explanation && (
        <InContentLanguage>
          <Markdown source={result.explanation} />
        </InContentLanguage>
      )}
      {children}
    </div>
  );
}
