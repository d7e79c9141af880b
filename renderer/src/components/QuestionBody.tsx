import type { QuizQuestion, QuizResult } from '../../../common/contract/quiz.js';
import { useContentLanguage } from './content-language.js';
import { Markdown } from './Markdown.js';
import { QuizAnswerField } from './QuizAnswerField.js';

interface Props {
  question: QuizQuestion;
  /** Ids the form refers to: the prompt labels it, the problem describes the field. */
  promptId: string;
  problemId: string;
  /** Why the last answer was refused, while it shows. */
  problem: string | undefined;
  picked: number[];
  onPick: (picked: number[]) => void;
  text: string;
  onText: (text: string) => void;
  result: Pick<QuizResult, 'correctChoices'> | undefined;
}

/** A question's prompt, its answer field and why an answer was refused: in a quiz, a review or a test. */
export function QuestionBody({ question, promptId, problemId, problem, ...field }: Props) {
  return (
    <>
      <div id={promptId} className="lesson-body quiz-prompt" lang={useContentLanguage()}>
        <Markdown source={question.prompt} />
      </div>
      <QuizAnswerField question={question} {...field} problemId={problem ? problemId : undefined} />
      {problem && (
        <p id={problemId} className="status status-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
