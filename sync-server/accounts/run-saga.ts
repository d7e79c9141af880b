export interface SagaStep<Name extends string> {
  name: Name;
  run(): Promise<void>;
  /** Idempotent: it may run for a step whose write never happened. */
  undo(): Promise<void>;
}

/**
 * Runs the steps in order. When one fails, it and every step before it are undone in reverse: a step that
 * throws may still have written (a commit whose answer was lost), so its own undo runs too. A failing undo is
 * reported and the others still run; the original error is rethrown.
 */
export async function runSaga<Name extends string>(
  steps: readonly SagaStep<Name>[],
  hooks: {
    afterStep?: (name: Name) => void | Promise<void>;
    onUndoFailed: (name: Name, error: unknown) => void;
  },
): Promise<void> {
  const started: SagaStep<Name>[] = [];
  try {
    for (const step of steps) {
      started.push(step);
      await step.run();
      await hooks.afterStep?.(step.name);
    }
  } catch (error) {
    for (const step of started.reverse()) {
      try {
        await step.undo();
      } catch (undoError) {
        hooks.onUndoFailed(step.name, undoError);
      }
    }
    throw error;
  }
}
