import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../../common/contract/quiz.js';
import { i18next } from '../i18n/i18n.js';
import { QuestionForm } from './QuestionForm.js';
import { QuizFeedback } from './QuizFeedback.js';

const codeQuestion: QuizQuestion = {
  id: 'demo/double-it',
  kind: 'code',
  prompt: 'Write `double(n)`.',
  starter: 'def double(n):\n    raise NotImplementedError\n',
  difficulty: 2,
  skills: ['demo/loops'],
};

const form = (unavailable?: string) => {
  return renderToStaticMarkup(
    <QuestionForm
      question={codeQuestion}
      grade={() => Promise.reject(new Error('not called'))}
      nextLabel="Next question"
      onNext={() => {}}
      onSkip={() => {}}
      unavailable={unavailable}
      className="quiz-card"
      testIds={{ form: 'quiz-item', feedback: 'quiz-feedback' }}
    />,
  );
};

describe('a code question', () => {
  it('offers the code editor, with how to leave it by keyboard, and a check', () => {
    const html = form();
    expect(html).toContain('data-testid="code-editor"');
    expect(html).toContain('Escape, then Tab, leaves the editor');
    expect(html).toContain('Check answer');
    expect(html).not.toContain('Skip this question');
  });

  it('says when it cannot be checked here and offers a skip instead of a check: unavailable, not missed', () => {
    const html = form('Docker is not installed on this computer.');
    expect(html).toContain('This question cannot be checked on this computer');
    expect(html).toContain('Docker is not installed on this computer.');
    expect(html).toContain('it is not counted as missed');
    expect(html).toContain('Skip this question');
    expect(html).not.toContain('Check answer');
  });

  it('shows each hidden test’s verdict and a reference solution once graded', () => {
    const html = renderToStaticMarkup(
      <QuizFeedback
        result={{
          itemId: 'demo/double-it',
          correct: false,
          expected: 'def double(n):\n    return 2 * n\n',
          explanation: 'Multiply by 2.',
          checks: [
            { name: 'test_doubles_a_positive_number', status: 'pass' },
            { name: 'test_doubles_a_string', status: 'fail', message: "'ab' != 'abab'" },
          ],
        }}
      />,
    );
    expect(html).toContain('1 of 2 tests passed.');
    expect(html).toContain('Passed:</span> doubles a positive number');
    expect(html).toContain('Failed:</span> doubles a string');
    expect(html).toContain('&#x27;ab&#x27; != &#x27;abab&#x27;');
    expect(html).toContain('A reference solution:');
    expect(html).not.toContain('The answer:');
  });

  it('says the verdict in the learner’s language, the answer in code, and one test in the singular', async () => {
    await i18next.changeLanguage('de');
    try {
      const missed = renderToStaticMarkup(
        <QuizFeedback result={{ itemId: 'demo/pick', correct: false, expected: 'len(xs)', explanation: '' }} />,
      );
      expect(missed).toContain('<strong>✗ Nicht ganz.</strong> Die Antwort: <code>len(xs)</code>');
      const oneTest = renderToStaticMarkup(
        <QuizFeedback
          result={{
            itemId: 'demo/double-it',
            correct: true,
            expected: '',
            explanation: '',
            checks: [{ name: 'test_doubles', status: 'pass' }],
          }}
        />,
      );
      expect(oneTest).toContain('1 von 1 Test bestanden.');
      expect(form('Docker fehlt.')).toContain(
        '<strong>Diese Frage kann auf diesem Computer nicht geprüft werden:</strong>',
      );
    } finally {
      await i18next.changeLanguage('en');
    }
    const english = renderToStaticMarkup(
      <QuizFeedback result={{ itemId: 'demo/pick', correct: false, expected: 'len(xs)', explanation: '' }} />,
    );
    expect(english).toContain('<strong>✗ Not quite.</strong> The answer: <code>len(xs)</code>');
  });
});
