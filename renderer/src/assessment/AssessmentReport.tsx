import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { AssessmentResult } from '../../../common/contract/assessments.js';
import { choiceLetter } from '../../../common/contract/quiz.js';
import { InContentLanguage } from '../components/content-language.js';
import { Markdown } from '../components/Markdown.js';
import { formatList, formatNumber, formatShare } from '../i18n/format.js';
import { hrefFor } from '../router.js';

const fixed2 = (x: number) => formatNumber(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The ability's band on the standard scale (0 is the average learner), as the core's abilityWords draws it. */
const abilityBand = (theta: number) =>
  theta >= 1 ? 'wellAbove' : theta >= 0.3 ? 'above' : theta > -0.3 ? 'about' : theta > -1 ? 'below' : 'wellBelow';

/** An answer as the learner gave it: a choice's letters, else the text. */
function givenAnswer(item: AssessmentResult['items'][number]): string {
  if (item.question.kind !== 'choice') return item.answer;
  return formatList(
    item.answer
      .split(',')
      .map(
        (i) => `${choiceLetter(Number(i))}. ${item.question.kind === 'choice' ? item.question.choices[Number(i)] : ''}`,
      ),
  );
}

/** The report once the test ended: the score and ability, what to study next, each skill, each item with its key. */
export function AssessmentReport({ report }: { report: AssessmentResult }) {
  const { t } = useTranslation();
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
        {t('assessment.report.score', { right: report.correct, count: report.answered })}
      </h2>
      <p>
        <Trans
          i18nKey="assessment.report.ability"
          values={{
            reason: t(`assessment.report.endReason.${report.endReason}`),
            ability: fixed2(report.ability),
            error: fixed2(report.standardError),
            words: t(`assessment.report.abilityBand.${abilityBand(report.ability)}`),
          }}
          components={{ strong: <strong /> }}
        />
      </p>

      <h3>{t('assessment.report.studyNext')}</h3>
      {next.length === 0 ? (
        <p data-testid="study-next">{t('assessment.report.nothingToCatchUp')}</p>
      ) : (
        <ul data-testid="study-next">
          {next.map((skill) => (
            <li key={skill.skillId}>
              <strong>{skill.title}</strong>{' '}
              {t('assessment.report.skillMastery', { percent: formatShare(skill.mastery) })}{' '}
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
            <caption>{t('assessment.report.skillsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assessment.report.skill')}</th>
                <th scope="col">{t('assessment.report.right')}</th>
                <th scope="col">{t('assessment.report.mastery')}</th>
              </tr>
            </thead>
            <tbody>
              {report.skills.map((skill) => (
                <tr key={skill.skillId}>
                  <th scope="row">{skill.title}</th>
                  <td>{t('assessment.report.rightOf', { right: skill.correct, count: skill.answered })}</td>
                  <td>
                    {formatShare(skill.mastery)}
                    {skill.studyNext && ` ${t('assessment.report.studyNextMark')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {report.items.length > 0 && (
        <>
          <h3>{t('assessment.report.items')}</h3>
          <ol className="assessment-items">
            {report.items.map((item) => (
              <li key={item.question.id} className={item.correct ? 'right' : 'wrong'}>
                <span aria-hidden="true">{item.correct ? '✓' : '✗'}</span>{' '}
                <span className="visually-hidden">
                  {item.correct ? t('assessment.report.rightMark') : t('assessment.report.missedMark')}
                </span>{' '}
                <InContentLanguage>
                  <Markdown source={item.question.prompt} />
                </InContentLanguage>
                <p>
                  {t('assessment.report.yourAnswer')} <code>{givenAnswer(item)}</code>
                  {!item.correct && (
                    <>
                      {' '}
                      · {t('assessment.report.theAnswer')} <code>{item.expected}</code>
                    </>
                  )}
                </p>
                {item.explanation && (
                  <InContentLanguage>
                    <Markdown source={item.explanation} />
                  </InContentLanguage>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <p className="quiz-actions">
        <a href={hrefFor.assess(report.topicId)}>{t('assessment.report.another')}</a>
        {report.topicId.includes('/') && (
          <>
            {' · '}
            <a href={hrefFor.module(report.topicId)}>{t('assessment.report.backToModule')}</a>
          </>
        )}
      </p>
    </section>
  );
}
