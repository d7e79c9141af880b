import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizQuestion, QuizResult } from '../../../common/contract/quiz.js';
import { choiceLetter } from '../../../common/contract/quiz.js';
import { preferencesSchema } from '../../../common/contract/learners.js';
import { useLearner } from '../learner-store.js';
import { CodeEditor } from './CodeEditor.js';
import { useContentLanguage } from './content-language.js';

interface Props {
  question: QuizQuestion;
  picked: number[];
  onPick: (picked: number[]) => void;
  text: string;
  onText: (text: string) => void;
  /** Once graded, the answer is locked and the choices show which were right. */
  result: Pick<QuizResult, 'correctChoices'> | undefined;
  /** The id of the message saying why an answer was refused, while one shows. */
  problemId: string | undefined;
}

const DEFAULT_EDITOR = preferencesSchema.parse({}).editor;

/** A code item's editor, starting from the item's starter, with the learner's editor settings. */
function CodeAnswer({
  question,
  onText,
}: {
  question: Extract<QuizQuestion, { kind: 'code' }>;
  onText: Props['onText'];
}) {
  const { t } = useTranslation();
  // The defaults before a profile is open (never on a quiz screen, which needs one).
  const settings = useLearner((s) => s.current?.learner.preferences.editor) ?? DEFAULT_EDITOR;
  return (
    <div className="quiz-code">
      <p className="status" id={`${question.id}-code-hint`}>
        {t('question.codeHint')}
      </p>
      <CodeEditor
        initial={question.starter}
        resetKey={question.id}
        label={t('question.yourCode')}
        settings={settings}
        onChange={onText}
      />
    </div>
  );
}

/**
 * How a quiz item is answered, in a quiz or a review: choices as radios or checkboxes, code in the
 * editor, else one text field.
 */
export function QuizAnswerField({ question, picked, onPick, text, onText, result, problemId }: Props) {
  const { t } = useTranslation();
  const contentLanguage = useContentLanguage();
  const name = useId();
  if (question.kind === 'code') return <CodeAnswer question={question} onText={onText} />;
  if (question.kind !== 'choice') {
    return (
      <label className="quiz-text">
        {question.kind === 'numeric' ? t('question.yourNumber') : t('question.yourAnswer')}
        <input
          type="text"
          inputMode={question.kind === 'numeric' ? 'decimal' : 'text'}
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={text}
          disabled={result !== undefined}
          aria-invalid={problemId ? true : undefined}
          aria-describedby={problemId}
          onChange={(e) => onText(e.target.value)}
        />
      </label>
    );
  }
  const toggle = (i: number) =>
    onPick(question.multiple ? (picked.includes(i) ? picked.filter((x) => x !== i) : [...picked, i]) : [i]);
  const right = new Set(result?.correctChoices ?? []);
  const stateOf = (i: number) => (!result ? '' : right.has(i) ? ' right' : picked.includes(i) ? ' wrong' : '');
  return (
    <fieldset className="quiz-choices" disabled={result !== undefined} aria-describedby={problemId}>
      <legend>{question.multiple ? t('question.chooseAll') : t('question.chooseOne')}</legend>
      {question.choices.map((choice, i) => (
        <label key={i} className={`quiz-choice${stateOf(i)}`}>
          <input
            type={question.multiple ? 'checkbox' : 'radio'}
            name={`${name}-choice`}
            checked={picked.includes(i)}
            onChange={() => toggle(i)}
          />
          <span className="quiz-letter" aria-hidden="true">
            {choiceLetter(i)}.
          </span>{' '}
          <code lang={contentLanguage}>{choice}</code>
          {result && right.has(i) && <span className="visually-hidden">{t('question.rightAnswer')}</span>}
        </label>
      ))}
    </fieldset>
  );
}
