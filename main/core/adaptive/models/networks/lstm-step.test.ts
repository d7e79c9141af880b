import { describe, expect, it } from 'vitest';
import { calibrate } from '../calibration.js';
import { DeepKt } from '../deep-kt.js';
import { Dkt } from '../dkt.js';
import { answerStarts } from '../sequence.js';
import type { Sequence } from '../sequence.js';
import { tokenOf } from './kt-network.js';

/** Learners on 6 skills whose answers depend on the ones before, so the trained network is not trivial. */
function learners(count: number, length: number, seed: number): Sequence[] {
  let x = seed;
  const random = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const skills: number[] = [];
    const correct: (0 | 1)[] = [];
    for (let i = 0; i < length; i++) {
      skills.push(Math.floor(random() * 6));
      correct.push(random() < (i > 0 && correct[i - 1] ? 0.8 : 0.4) ? 1 : 0);
    }
    return { skills, correct };
  });
}

describe('the LSTM one answer at a time', () => {
  it('after N incremental steps gives the logits of a full TensorFlow.js pass over the N answers', async () => {
    const model = new Dkt({ hidden: 16, embedding: 12, window: 100, epochs: 2, validation: 0 });
    await model.fit(learners(40, 30, 3));
    const stepper = model.stepper()!;
    for (const learner of learners(3, 60, 11)) {
      // The full pass: every answer predicted from the ones before it, the whole sequence in one tensor.
      const full = model.predict(learner);
      const state = stepper.start();
      learner.skills.forEach((skill, i) => {
        const [incremental] = stepper.logits(state, [skill]);
        expect(calibrate(model.calibration, incremental!)).toBeCloseTo(full[i]!, 5);
        stepper.step(state, tokenOf(skill, learner.correct[i]!));
      });
      expect(state.steps).toBe(learner.skills.length);
      // And the next answer on every skill, as predictNext reads it.
      const next = model.predictNext(learner, [0, 1, 2, 3, 4, 5]);
      stepper.logits(state, [0, 1, 2, 3, 4, 5]).forEach((x, k) => {
        expect(calibrate(model.calibration, x)).toBeCloseTo(next[k]!, 5);
      });
    }
    model.dispose();
  }, 30_000);

  it('with history features and multi-skill answers, gives the logits of a full pass after N incremental steps', async () => {
    // Every fourth row continues the answer before it: its rows are predicted together, from the state before the answer.
    const withAnswers = (list: Sequence[]) =>
      list.map((s) => ({ ...s, continues: s.skills.map((_, i) => i % 4 === 3 && s.skills[i] !== s.skills[i - 1]) }));
    const model = new DeepKt({
      architecture: 'lstm-history',
      hidden: 16,
      embedding: 12,
      window: 100,
      epochs: 2,
      validation: 0,
    });
    await model.fit(withAnswers(learners(40, 30, 3)));
    const stepper = model.stepper()!;
    for (const learner of withAnswers(learners(3, 60, 11))) {
      const full = model.predict(learner);
      const starts = answerStarts(learner);
      const state = stepper.start();
      learner.skills.forEach((skill, i) => {
        if (starts[i] === i) {
          // The whole answer's rows, from the state before it.
          let end = i + 1;
          while (end < learner.skills.length && starts[end] === i) end += 1;
          stepper.logits(state, learner.skills.slice(i, end)).forEach((x, k) => {
            expect(calibrate(model.calibration, x)).toBeCloseTo(full[i + k]!, 5);
          });
        }
        stepper.step(state, tokenOf(skill, learner.correct[i]!), starts[i] !== i);
      });
      const next = model.predictNext(learner, [0, 1, 2, 3, 4, 5]);
      stepper.logits(state, [0, 1, 2, 3, 4, 5]).forEach((x, k) => {
        expect(calibrate(model.calibration, x)).toBeCloseTo(next[k]!, 5);
      });
    }
    model.dispose();
  }, 30_000);

  it('is offered for the LSTM only, and not before the model has weights', async () => {
    const model = new Dkt({ hidden: 4, embedding: 4, epochs: 1 });
    expect(model.stepper()).toBeUndefined();
    await model.fit(learners(5, 10, 1));
    expect(model.stepper()).toBeDefined();
    model.dispose();
  });
});
