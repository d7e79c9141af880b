import { describe, expect, it } from 'vitest';
import type { DistributionStatus } from '../../../common/contract/distribution.js';
import { describeDistribution } from './ClassServerPacks.js';

const base: DistributionStatus = {
  state: 'idle',
  serverUrl: 'http://10.0.0.5:4781',
  current: null,
  checkedAt: null,
  message: null,
  outcomes: [],
};

describe('the class server packs panel', () => {
  it('says in words what the pull is doing, including a cut download that resumes later', () => {
    expect(describeDistribution({ ...base, state: 'not-signed-in', serverUrl: null })).toMatch(/No profile .* linked/);
    expect(
      describeDistribution({
        ...base,
        state: 'downloading',
        current: { packId: 'course', version: '1.1.0', bytes: 5, total: 10 },
      }),
    ).toBe('Downloading course 1.1.0 from http://10.0.0.5:4781…');
    expect(describeDistribution({ ...base, state: 'offline', message: 'Cut.' })).toBe(
      'Cut. It tries again later, resuming any download.',
    );
  });
});
