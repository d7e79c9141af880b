import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdmin } from '../admin-store.js';
import { SandboxHelp } from '../components/SandboxHelp.js';
import type { Quiz, QuizQuestion, QuizResult } from '../../../common/contract/quiz.js';
import { ContentLanguageProvider, useContentLanguage } from '../components/content-language.js';
import { LoadStatus } from '../components/LoadStatus.js';
import { NextStep } from '../components/NextStep.js';
import { QuestionForm } from '../components/QuestionForm.js';
import { ModuleBreadcrumb } from '../components/ModuleBreadcrumb.js';
import { learn } from '../learn.js';
import { useSession } from '../learner-store.js';
import { hrefFor } from '../router.js';
import { useLoad } from '../use-load.js';

interface Answered {
  question: QuizQuestion;
  /** Null for a code item skipped because it could not be checked here (no code sandbox). */
  result: QuizResult | null;
}

/** For a code item: why this machine cannot check it (no code sandbox), before the learner writes any code. */
function useSandboxProblem(question: QuizQuestion): ReactNode {
  const needs = question.kind === 'code';
  const status = useLoad(`quiz-sandbox-${needs}`, () =>
    needs ? learn().getPlaygroundStatus() : Promise.resolve(null),
  );
  const admin = useAdmin((s) => s.unlocked !== null);
  if (status.status !== 'ready' || !status.value || status.value.canRun) return undefined;
  return <SandboxHelp status={status.value} admin={admin} />;
}

/** One question of the quiz: the learner's answer, checked by the core, then the verdict and the explanation. */
function QuestionCard({
  moduleId,
  question,
  position,
  total,
  onAnswered,
  onNext,
  last,
}: {
  moduleId: string;
  question: QuizQuestion;
  position: number;
  total: number;
  onAnswered: (result: QuizResult | null) => void;
  onNext: () => void;
  last: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const unavailable = useSandboxProblem(question);
  return (
    <QuestionForm
      unavailable={unavailable}
      onSkip={() => {
        onAnswered(null);
        onNext();
      }}
      question={question}
      grade={(answer, timeSpentMs) =>
        learn().answerQuizItem({ session, moduleId, itemId: question.id, answer, timeSpentMs })
      }
      onGraded={onAnswered}
      header={
        <>
          <p className="quiz-position">{t('quiz.position', { position, total })}</p>
          <progress
            className="quiz-progress"
            value={position}
            max={total}
            aria-label={t('quiz.position', { position, total })}
          />
        </>
      }
      nextLabel={last ? t('quiz.seeResults') : t('quiz.nextQuestion')}
      onNext={onNext}
      className="panel quiz-card"
      testIds={{ form: 'quiz-item', feedback: 'quiz-feedback' }}
    />
  );
}

function Summary({ quiz, answered, onRetry }: { quiz: Quiz; answered: Answered[]; onRetry: () => void }) {
  const { t } = useTranslation();
  const contentLanguage = useContentLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const right = answered.filter((a) => a.result?.correct).length;
  const missed = answered.filter((a) => a.result && !a.result.correct);
  const graded = answered.filter((a) => a.result).length;
  const skipped = answered.length - graded;
  return (
    <section className="panel quiz-summary" aria-labelledby="quiz-summary-heading" data-testid="quiz-summary">
      <h2 id="quiz-summary-heading" ref={heading} tabIndex={-1}>
        {t('quiz.score', { right, count: graded })}
      </h2>
      {skipped > 0 && <p className="status">{t('quiz.skipped', { count: skipped })}</p>}
      <ol className="quiz-results" aria-label={t('quiz.yourAnswers')}>
        {answered.map(({ question, result }) => (
          <li key={question.id}>
            <span aria-hidden="true">{!result ? '–' : result.correct ? '✓' : '✗'}</span>{' '}
            <span className="visually-hidden">
              {!result ? t('quiz.skippedMark') : result.correct ? t('quiz.rightMark') : t('quiz.missedMark')}
            </span>{' '}
            <span lang={contentLanguage}>{question.prompt.split('\n')[0]}</span>
          </li>
        ))}
      </ol>
      <p className="quiz-actions">
        {missed.length > 0 && (
          <button type="button" onClick={onRetry}>
            {t('quiz.retryMissed', { count: missed.length })}
          </button>
        )}{' '}
        <a href={hrefFor.module(quiz.moduleId)}>{t('quiz.backTo', { module: quiz.moduleTitle })}</a>
      </p>
      {/* A module's quiz sits in the teaching order under the module's id; the score is read with it. */}
      <NextStep after={quiz.moduleId} focus describedBy="quiz-summary-heading" />
    </section>
  );
}

/** One pass through the items (the whole quiz, or the missed ones): a fresh run per round. */
function QuizRun({ quiz, startAt, onRetry }: { quiz: Quiz; startAt: number; onRetry: () => void }) {
  const [index, setIndex] = useState(startAt);
  const [answered, setAnswered] = useState<Answered[]>([]);
  const [done, setDone] = useState(false);
  const question = quiz.items[index];
  if (done) return <Summary quiz={quiz} answered={answered} onRetry={onRetry} />;
  if (!question) return null;
  const last = index === quiz.items.length - 1;
  return (
    <QuestionCard
      key={question.id}
      moduleId={quiz.moduleId}
      question={question}
      position={index + 1}
      total={quiz.items.length}
      last={last}
      onAnswered={(result) => setAnswered((a) => [...a, { question, result }])}
      onNext={() => (last ? setDone(true) : setIndex(index + 1))}
    />
  );
}

/** A module's quiz, one item at a time, with feedback after each and a retry of the missed ones. */
export function QuizScreen({ moduleId, itemId }: { moduleId: string; itemId?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [round, setRound] = useState<{ n: number; only: 'all' | 'missed' }>({ n: 0, only: 'all' });
  const key = `${session}-${moduleId}-${round.n}-${round.only}`;
  const state = useLoad(key, () => learn().getQuiz({ session, moduleId, only: round.only }));
  return (
    <LoadStatus state={state} what={t('quiz.what')}>
      {(quiz) => (
        <ContentLanguageProvider language={quiz.language}>
          <section aria-labelledby="quiz-heading" className="quiz">
            <ModuleBreadcrumb moduleId={quiz.moduleId} moduleTitle={quiz.moduleTitle} />
            <h1 id="quiz-heading">
              {quiz.only === 'missed'
                ? t('quiz.headingMissed', { module: quiz.moduleTitle })
                : t('quiz.heading', { module: quiz.moduleTitle })}
            </h1>
            {quiz.items.length === 0 ? (
              <p className="empty">
                {quiz.only === 'missed' ? t('quiz.noneMissed') : t('quiz.noQuiz')}{' '}
                <a href={hrefFor.module(quiz.moduleId)}>{t('quiz.backTo', { module: quiz.moduleTitle })}</a>
              </p>
            ) : (
              <QuizRun
                key={key}
                quiz={quiz}
                // The first round starts at the item a search hit named, if any.
                startAt={
                  round.n === 0 && itemId
                    ? Math.max(
                        0,
                        quiz.items.findIndex((q) => q.id === itemId),
                      )
                    : 0
                }
                onRetry={() => setRound((r) => ({ n: r.n + 1, only: 'missed' }))}
              />
            )}
          </section>
        </ContentLanguageProvider>
      )}
    </LoadStatus>
  );
}
