import { useState } from 'react';
import type { FormEvent } from 'react';
import { DEFAULT_DESIRED_RETENTION, DESIRED_RETENTION_LIMITS } from '../../../common/contract/reviews.js';

const asPercent = (share: number) => Math.round(share * 100);
const [MIN, MAX] = [asPercent(DESIRED_RETENTION_LIMITS.min), asPercent(DESIRED_RETENTION_LIMITS.max)];

/** How much of what a learner mastered they want to still recall at each review (FSRS's desired retention). */
export function DesiredRetentionForm({ retention, onSave }: { retention: number; onSave: (share: number) => void }) {
  const [value, setValue] = useState(String(asPercent(retention)));
  const [problem, setProblem] = useState<string>();
  const save = (event: FormEvent) => {
    event.preventDefault();
    const percent = Number(value);
    const found =
      value.trim() === '' || !Number.isInteger(percent)
        ? 'Enter a whole percentage.'
        : percent < MIN || percent > MAX
          ? `Keep it between ${MIN}% and ${MAX}%.`
          : undefined;
    setProblem(found);
    if (!found) onSave(percent / 100);
  };
  return (
    <form onSubmit={save} noValidate aria-labelledby="retention-heading" data-testid="desired-retention">
      <fieldset className="preference-row">
        <legend id="retention-heading">How much to remember at each review</legend>
        <p className="status" id="retention-help">
          Reviews are spaced so you still recall about this share when they come due: higher means more, shorter-spaced
          reviews. {MIN}–{MAX}%; {asPercent(DEFAULT_DESIRED_RETENTION)}% suits most people.
        </p>
        <label>
          Desired retention{' '}
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
        <button type="submit">Save</button>
        {problem && (
          <p id="retention-problem" role="alert" className="status-error">
            {problem}
          </p>
        )}
      </fieldset>
    </form>
  );
}
