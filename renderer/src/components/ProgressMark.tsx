import { useTranslation } from 'react-i18next';
import type { StepProgressState } from '../../../common/contract/step-progress.js';

/** The symbols; the words are under progressMark in the locales. */
const SYMBOLS: Record<StepProgressState, string> = {
  'not-started': '○',
  'in-progress': '◐',
  done: '✓',
  mastered: '★',
};

/** A step's progress as a symbol and words, never colour alone; the symbol is not read out. */
export function ProgressMark({ state }: { state: StepProgressState }) {
  const { t } = useTranslation();
  return (
    <span className={`progress-mark progress-${state}`} data-testid="progress-mark" data-state={state}>
      <span aria-hidden="true">{SYMBOLS[state]}</span> {t(`progressMark.${state}`)}
    </span>
  );
}

/** A module's progress from its steps' states: mastered or done once all are, else how many of how many. */
export function moduleState(states: readonly StepProgressState[]): StepProgressState {
  if (states.length > 0 && states.every((s) => s === 'mastered')) return 'mastered';
  if (states.length > 0 && states.every((s) => s === 'mastered' || s === 'done')) return 'done';
  return states.some((s) => s !== 'not-started') ? 'in-progress' : 'not-started';
}

export function ModuleProgress({ states }: { states: readonly StepProgressState[] }) {
  const { t } = useTranslation();
  const finished = states.filter((s) => s === 'done' || s === 'mastered').length;
  const state = moduleState(states);
  return (
    <span className="module-progress">
      <ProgressMark state={state} />
      {state === 'in-progress' && (
        <span className="progress-count"> {t('progressMark.count', { finished, count: states.length })}</span>
      )}
    </span>
  );
}
