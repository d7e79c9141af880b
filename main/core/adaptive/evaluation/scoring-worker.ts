import { scoreFolds } from './fold-scoring.js';
import type { FoldPair } from './fold-scoring.js';
import type { ScoringMessage, ScoringRequest } from './scoring-processes.js';

// The entry of a scoring process (ScoringProcesses): one model's folds, fitted here, its predictions
// sent back. It ends when its parent does: a fit nobody waits for only holds a core.
const send = (message: ScoringMessage) => process.send!(message);
process.once('disconnect', () => process.exit(1));
process.once('message', (request: ScoringRequest) => {
  const { recipe, learners, folds } = request;
  const pairs = folds.map(([train, test]): FoldPair => [train.map((i) => learners[i]!), test.map((i) => learners[i]!)]);
  scoreFolds(recipe, pairs, (fold, report) => send({ type: 'epoch', fold, report })).then(
    (scored) => send({ type: 'scored', scored }),
    (error: unknown) => send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
