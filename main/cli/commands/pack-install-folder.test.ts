import { describe, expect, it } from 'vitest';
import { folderStepLabel } from './pack-install-folder.js';

describe("the folder install's progress text", () => {
  it('counts the file being installed from 1, and says done at the end, never one past the count', () => {
    expect(folderStepLabel({ file: 'a.lpack', index: 0, count: 3 })).toBe('1 of 3: a.lpack');
    expect(folderStepLabel({ file: 'c.lpack', index: 2, count: 3 })).toBe('3 of 3: c.lpack');
    // The core's final event: index = count, no file.
    expect(folderStepLabel({ file: '', index: 3, count: 3 })).toBe('3 of 3 done');
    expect(folderStepLabel({ file: '', index: 0, count: 0 })).toBe('');
  });
});
