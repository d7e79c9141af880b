import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { LearnError } from '../../common/contract/errors.js';
import type { QuizAnswer, QuizQuestion } from '../../common/contract/quiz.js';

const DAY_MS = 24 * 3600 * 1000;

interface Options<R> {
  question: QuizQuestion;
  /** Sends the answer and the time since the question showed to the core, which may refuse it. */
  send: (answer: QuizAnswer, timeSpentMs: number) => Promise<R>;
  onSent: (value: R) => void;
  /** No more answers (the question was graded). */
  done?: boolean;
  /** Takes a refusal the form handles itself (true), instead of showing its message. */
  handled?: (error: unknown) => boolean;
  /** What to say, in the learner's language, for an error that is not the core's refusal (its message given). */
  failure: (message: string) => string;
}

/**
 * The answer to one question as it is typed or picked, and its sending: timed from when the question
 * shows, one send at a time, a refusal shown (with the ids that tie it to the field) so the learner can
 * answer again. For QuestionBody, in a quiz, a review or a test.
 */
export function useAnswer<R>({ question, send, onSent, done = false, handled, failure }: Options<R>) {
  const [picked, setPicked] = useState<number[]>([]);
  // A code item's answer starts as its starter, as the editor shows it.
  const [text, setText] = useState(question.kind === 'code' ? question.starter : '');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(0);
  const ids = useId();

  useEffect(() => {
    shownAt.current = Date.now();
  }, [question]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (done || busy) return;
    const answer: QuizAnswer = question.kind === 'choice' ? picked : question.kind === 'code' ? { code: text } : text;
    setBusy(true);
    try {
      const value = await send(answer, Math.min(Date.now() - shownAt.current, DAY_MS));
      setProblem(undefined);
      onSent(value);
    } catch (error) {
      if (handled?.(error)) return;
      // A refused answer records nothing: say why, and let the learner answer again.
      setProblem(error instanceof LearnError ? error.message : failure((error as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    submit,
    promptId: `${ids}-prompt`,
    /** What QuestionBody takes besides the question and a result. */
    body: {
      question,
      promptId: `${ids}-prompt`,
      problemId: `${ids}-problem`,
      problem,
      picked,
      onPick: setPicked,
      text,
      onText: setText,
    },
  };
}
