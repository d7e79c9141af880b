import type { ReactNode } from 'react';
import type { QuizResult } from '../../../common/contract/quiz.js';
import { Markdown } from './Markdown.js';

/** The verdict on a graded answer: right or not, the right answer when missed, the explanation, and `children` after. */
export function QuizFeedback({ result, children }: { result: QuizResult; children?: ReactNode }) {
  return (
    <div className={result.correct ? 'quiz-feedback success' : 'quiz-feedback miss'}>
      <p>
        <strong>{result.correct ? '✓ Right.' : '✗ Not quite.'}</strong>
        {!result.correct && (
          <>
            {' '}
            The answer: <code>{result.expected}</code>
          </>
        )}
      </p>
      {result.explanation && <Markdown source={result.explanation} />}
      {children}
    </div>
  );
}
