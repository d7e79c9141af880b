import { useEffect, useRef } from 'react';
import type { AssessmentResult } from '../../../common/contract/assessments.js';
import { abilityWords, endReasonWords } from '../../../common/contract/assessments.js';
import { choiceLetter } from '../../../common/contract/quiz.js';
import { Markdown } from '../components/Markdown.js';
import { hrefFor } from '../router.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** An answer as the learner gave it: a choice's letters, else the text. */
function givenAnswer(item: AssessmentResult['items'][number]): string {
  if (item.question.kind !== 'choice') return item.answer;
  return item.answer
    .split(',')
    .map(
      (i) => `${choiceLetter(Number(i))}. ${item.question.kind === 'choice' ? item.question.choices[Number(i)] : ''}`,
    )
    .join(' and ');
}

/** The report once the test ended: the score and ability, what to study next, each skill, each item with its key. */
export function AssessmentReport({ report }: { report: AssessmentResult }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const next = report.skills.filter((s) => s.studyNext);
  return (
    <section
      className="panel assessment-report"
      aria-labelledby="assessment-report-heading"
      data-testid="assessment-report"
    >
      <h2 id="assessment-report-heading" ref={heading} tabIndex={-1}>
        You got {report.correct} of {report.answered} right
      </h2>
      <p>
        The test ended because {endReasonWords[report.endReason]}. Your ability estimate is{' '}
        <strong>{report.ability.toFixed(2)}</strong> (give or take {report.standardError.toFixed(2)}):{' '}
        {abilityWords(report.ability)}, where 0 is the average learner.
      </p>

      <h3>What to study next</h3>
      {next.length === 0 ? (
        <p data-testid="study-next">Nothing to catch up on: every skill this test measured is at mastery.</p>
      ) : (
        <ul data-testid="study-next">
          {next.map((skill) => (
            <li key={skill.skillId}>
              <strong>{skill.title}</strong> ({pct(skill.mastery)} mastery):{' '}
              {skill.modules.map((m, i) => (
                <span key={m.moduleId}>
                  {i > 0 && ', '}
                  <a href={hrefFor.module(m.moduleId)}>{m.title}</a>
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}

      {report.skills.length > 0 && (
        <div className="table-scroll">
          <table className="assessment-skills">
            <caption>Your skills, weakest first</caption>
            <thead>
              <tr>
                <th scope="col">Skill</th>
                <th scope="col">Right</th>
                <th scope="col">Mastery</th>
              </tr>
            </thead>
            <tbody>
              {report.skills.map((skill) => (
                <tr key={skill.skillId}>
                  <th scope="row">{skill.title}</th>
                  <td>
                    {skill.correct} of {skill.answered}
                  </td>
                  <td>
                    {pct(skill.mastery)}
                    {skill.studyNext ? ' (study next)' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {report.items.length > 0 && (
        <>
          <h3>The questions, with their answers</h3>
          <ol className="assessment-items">
            {report.items.map((item) => (
              <li key={item.question.id} className={item.correct ? 'right' : 'wrong'}>
                <span aria-hidden="true">{item.correct ? '✓' : '✗'}</span>{' '}
                <span className="visually-hidden">{item.correct ? 'Right:' : 'Missed:'}</span>{' '}
                <Markdown source={item.question.prompt} />
                <p>
                  Your answer: <code>{givenAnswer(item)}</code>
                  {!item.correct && (
                    <>
                      {' '}
                      · The answer: <code>{item.expected}</code>
                    </>
                  )}
                </p>
                {item.explanation && <Markdown source={item.explanation} />}
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="quiz-actions">
        <a href={hrefFor.assess(report.topicId)}>Take another test</a>
        {report.topicId.includes('/') && (
          <>
            {' · '}
            <a href={hrefFor.module(report.topicId)}>Back to the module</a>
          </>
        )}
      </p>
    </section>
  );
}
