import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import { DEFAULT_DESIRED_RETENTION, DESIRED_RETENTION_LIMITS } from '../../../common/contract/reviews.js';
import { formatPercent } from '../i18n/format.js';

const asPercent = (share: number) => Math.round(share * 100);
const [MIN, MAX] = [asPercent(DESIRED_RETENTION_LIMITS.min), asPercent(DESIRED_RETENTION_LIMITS.max)];

/** How much of what a learner mastered they want to still recall at each review (FSRS's desired retention). */
export function DesiredRetentionForm({ retention, onSave }: { retention: number; onSave: (share: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(asPercent(retention)));
  const [problem, setProblem] = useState<string>();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const percent = Number(value);
    const found =
      value.trim() === '' || !Number.isInteger(percent)
        ? t('retention.whole')
        : percent < MIN || percent > MAX
          ? t('retention.between', { min: formatPercent(MIN), max: formatPercent(MAX) })
          : undefined;
    setProblem(found);
    if (!found) onSave(percent / 100);
  };
  return (
    <form onSubmit={save} noValidate aria-labelledby="retention-heading" data-testid="desired-retention">
      <fieldset className="preference-row">
        <legend id="retention-heading">{t('retention.legend')}</legend>
        <p className="status" id="retention-help">
          {t('retention.help', {
            min: formatPercent(MIN),
            max: formatPercent(MAX),
            usual: formatPercent(asPercent(DEFAULT_DESIRED_RETENTION)),
          })}
        </p>
        <label>
          {t('retention.label')}{' '}
          <input
            type="number"
            min={MIN}
            max={MAX}
            step={1}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby="retention-help retention-problem"
            aria-invalid={problem ? true : undefined}
          />
          %
        </label>
        <button type="submit">{t('retention.save')}</button>
        {problem && (
          <p id="retention-problem" role="alert" className="status-error">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}
