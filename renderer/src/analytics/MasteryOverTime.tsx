import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartTable } from '../components/charts/ChartTable.js';
import type { UserAnalytics } from '../../../common/contract/analytics.js';
import { shortDate } from './analytics-range.js';
import { formatPercent } from '../i18n/format.js';

type Skill = UserAnalytics['skills'][number];
const percent = (correct: number, attempts: number) => (attempts === 0 ? 0 : Math.round((100 * correct) / attempts));

/** A skill's mastery at the range's start and at the end of each day it changed. */
function pointsOf(skill: Skill, from: string, t: TFunction) {
  const start =
    skill.before.attempts > 0 && skill.mastery[0]?.day !== from
      ? [
          {
            day: from,
            label: t('analytics.mastery.before', { date: shortDate(from) }),
            value: percent(skill.before.correct, skill.before.attempts),
          },
        ]
      : [];
  return [
    ...start,
    ...skill.mastery.map((p) => ({ day: p.day, label: shortDate(p.day), value: percent(p.correct, p.attempts) })),
  ];
}

/**
 * Mastery over time, one skill at a time (a picker, not a tangle of lines): the line for those who
 * look, a sentence that says where it went, and the same points as a table.
 */
export function MasteryOverTime({ skills, from }: { skills: readonly Skill[]; from: string }) {
  const { t } = useTranslation();
  const moved = skills.filter((s) => s.mastery.length > 0);
  const [picked, setPicked] = useState(moved[0]?.skillId);
  const pickerId = useId();
  const skill = moved.find((s) => s.skillId === picked) ?? moved[0];
  const title = t('analytics.mastery.heading');
  if (!skill) {
    return (
      <figure className="chart" aria-label={title}>
        <figcaption>
          <h2>{title}</h2>
          <p className="status">{t('analytics.mastery.noMovement')}</p>
        </figcaption>
      </figure>
    );
  }
  const points = pointsOf(skill, from, t);
  const last = points.at(-1)!;
  const summary =
    points.length > 1
      ? t('analytics.mastery.moved', {
          skill: skill.title,
          from: formatPercent(points[0]!.value),
          to: formatPercent(last.value),
          count: points.length,
        })
      : t('analytics.mastery.at', { skill: skill.title, percent: formatPercent(last.value), day: last.label });
  return (
    <figure className="chart" aria-label={title} data-testid="mastery-over-time">
      <figcaption>
        <h2>{title}</h2>
        <p className="status">{summary}</p>
      </figcaption>
      <label htmlFor={pickerId}>{t('analytics.mastery.skill')} </label>
      <select id={pickerId} value={skill.skillId} onChange={(e) => setPicked(e.target.value)}>
        {moved.map((s) => (
          <option key={s.skillId} value={s.skillId}>
            {s.title}
          </option>
        ))}
      </select>
      <div role="img" aria-label={`${title}: ${summary}`} className="chart-area">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ left: 8, right: 16, top: 8, bottom: 8 }} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
            <XAxis dataKey="label" interval="preserveStartEnd" />
            <YAxis width={44} domain={[0, 100]} tickFormatter={formatPercent} />
            <Tooltip formatter={(v) => [formatPercent(Number(v)), t('analytics.mastery.tooltip')]} />
            <Line dataKey="value" stroke="var(--accent)" strokeWidth={2} isAnimationActive={false} dot />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ChartTable
        labelHeading={t('analytics.mastery.day')}
        rows={points.map((p) => ({ label: p.label, value: formatPercent(p.value) }))}
      />
    </figure>
  );
}
