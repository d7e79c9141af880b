import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import { DEFAULT_TARGET_SUCCESS, TARGET_SUCCESS_LIMITS } from '../../../common/contract/learners.js';
import type { TargetSuccess } from '../../../common/contract/learners.js';
import { formatPercent } from '../i18n/format.js';
import { i18next } from '../i18n/i18n.js';

const asPercent = (share: number) => Math.round(share * 100);
const [MIN, MAX] = [asPercent(TARGET_SUCCESS_LIMITS.min), asPercent(TARGET_SUCCESS_LIMITS.max)];

/** Why a band cannot be saved, in the learner's words; undefined when it can. */
function problemWith(low: number, high: number): string | undefined {
  const { t } = i18next;
  if (!Number.isInteger(low) || !Number.isInteger(high)) return t('targetBand.whole');
  if (low < MIN || high > MAX) return t('targetBand.between', { min: formatPercent(MIN), max: formatPercent(MAX) });
  if (low >= high) return t('targetBand.order');
  return undefined;
}

/** The share of right answers practice aims for, as two percentages. */
export function TargetBandForm({ band, onSave }: { band: TargetSuccess; onSave: (band: TargetSuccess) => void }) {
  const { t } = useTranslation();
  const usual = {
    low: formatPercent(asPercent(DEFAULT_TARGET_SUCCESS.low)),
    high: formatPercent(asPercent(DEFAULT_TARGET_SUCCESS.high)),
  };
  const [low, setLow] = useState(String(asPercent(band.low)));
  const [high, setHigh] = useState(String(asPercent(band.high)));
  const [problem, setProblem] = useState<string>();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const found = problemWith(Number(low), Number(high));
    setProblem(found);
    if (!found) onSave({ low: Number(low) / 100, high: Number(high) / 100 });
  };
  const reset = () => {
    setLow(String(asPercent(DEFAULT_TARGET_SUCCESS.low)));
    setHigh(String(asPercent(DEFAULT_TARGET_SUCCESS.high)));
    setProblem(undefined);
    onSave(DEFAULT_TARGET_SUCCESS);
  };
  const invalid = problem ? true : undefined;
  return (
    <form onSubmit={save} noValidate aria-labelledby="band-heading" data-testid="target-band">
      <fieldset className="preference-row">
        <legend id="band-heading">{t('targetBand.legend')}</legend>
        <p className="status" id="band-help">
          {t('targetBand.help', { min: formatPercent(MIN), max: formatPercent(MAX), ...usual })}
        </p>
        <PercentInput label={t('targetBand.atLeast')} value={low} onChange={setLow} invalid={invalid} />
        <PercentInput label={t('targetBand.atMost')} value={high} onChange={setHigh} invalid={invalid} />
        <button type="submit">{t('targetBand.save')}</button>
        <button type="button" onClick={reset}>
          {t('targetBand.reset', usual)}
        </button>
        {problem && (
          <p id="band-problem" role="alert" className="status-error">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}

function PercentInput(props: { label: string; value: string; onChange: (value: string) => void; invalid?: boolean }) {
  const { t } = useTranslation();
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        min={MIN}
        max={MAX}
        step={1}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby="band-help band-problem"
        aria-invalid={props.invalid}
      />
      {t('targetBand.percentRight')}
    </label>
  );
}
