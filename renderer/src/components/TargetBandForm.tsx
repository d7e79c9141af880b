import { useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_TARGET_SUCCESS, TARGET_SUCCESS_LIMITS } from '../../../common/contract/learners.js';
import type { TargetSuccess } from '../../../common/contract/learners.js';

const asPercent = (share: number) => Math.round(share * 100);
const [MIN, MAX] = [asPercent(TARGET_SUCCESS_LIMITS.min), asPercent(TARGET_SUCCESS_LIMITS.max)];

/** Why a band cannot be saved, in the learner's words; undefined when it can. */
function problemWith(low: number, high: number): string | undefined {
  if (!Number.isInteger(low) || !Number.isInteger(high)) return 'Enter both ends as whole percentages.';
  if (low < MIN || high > MAX) return `Keep the band between ${MIN}% and ${MAX}%.`;
  if (low >= high) return 'The lowest share must be below the highest.';
  return undefined;
}

/** The share of right answers practice aims for, as two percentages. */
export function TargetBandForm({ band, onSave }: { band: TargetSuccess; onSave: (band: TargetSuccess) => void }) {
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
        <legend id="band-heading">How hard practice should be</legend>
        <p className="status" id="band-help">
          Exercises are picked so you get about this share right: lower is harder. {MIN}–{MAX}%; most people learn best
          at {asPercent(DEFAULT_TARGET_SUCCESS.low)}–{asPercent(DEFAULT_TARGET_SUCCESS.high)}%.
        </p>
        <PercentInput label="At least" value={low} onChange={setLow} invalid={invalid} />
        <PercentInput label="At most" value={high} onChange={setHigh} invalid={invalid} />
        <button type="submit">Save</button>
        <button type="button" onClick={reset}>
          Back to {asPercent(DEFAULT_TARGET_SUCCESS.low)}–{asPercent(DEFAULT_TARGET_SUCCESS.high)}%
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
      % right
    </label>
  );
}
