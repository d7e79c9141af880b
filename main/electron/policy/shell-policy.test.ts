import { describe, expect, it } from 'vitest';
import { APP_ENTRY } from './app-protocol.js';
import { deepLinkInArgv, deepLinkTarget } from './deep-link.js';
import { DEFAULT_SIZE, restoreWindow } from './window-state.js';

describe('deep links', () => {
  it('open a lesson or an exercise by its content id', () => {
    expect(deepLinkTarget('lionlearn://lesson/python-foundations/hello')).toBe(
      `${APP_ENTRY}#/lessons/python-foundations/hello`,
    );
    expect(deepLinkTarget('lionlearn://exercise/demo/count-down')).toBe(`${APP_ENTRY}#/exercises/demo/count-down`);
    expect(deepLinkInArgv(['/opt/app/lionlearn', '--flag', 'lionlearn://lesson/demo/hello'])).toBe(
      `${APP_ENTRY}#/lessons/demo/hello`,
    );
  });

  it('refuse every other shape: other schemes, screens, queries, traversal, encoded tricks', () => {
    for (const url of [
      'https://example.org/lesson/demo/hello',
      'lionlearn://settings',
      'lionlearn://lesson/demo',
      'lionlearn://lesson/demo/hello/extra',
      'lionlearn://lesson/../../etc/passwd',
      'lionlearn://lesson/demo%2F..%2Fx/hello',
      'lionlearn://lesson/demo/hello?x=1',
      'lionlearn://lesson/demo/hello#frag',
      'lionlearn://user:pw@lesson/demo/hello',
      'lionlearn://lesson/Demo/Hello',
      'lionlearn://__proto__/demo/hello',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(deepLinkTarget(url), url).toBeUndefined();
    }
    expect(deepLinkInArgv(['app', '--data-dir', '/tmp'])).toBeUndefined();
  });
});

describe('the window state', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  it('comes back where it was when it still fits', () => {
    const saved = { x: 100, y: 50, width: 1000, height: 700, maximized: false };
    expect(restoreWindow(saved, [screen])).toEqual(saved);
  });

  it('opens at the default size for a corrupt state or a screen that is gone, and shrinks to a smaller screen', () => {
    expect(restoreWindow('garbage', [screen])).toEqual(DEFAULT_SIZE);
    expect(restoreWindow({ x: 3000, y: 0, width: 1000, height: 700, maximized: true }, [screen])).toEqual({
      ...DEFAULT_SIZE,
      maximized: true,
    });
    expect(restoreWindow({ x: 100, y: 100, width: 2500, height: 1400, maximized: false }, [screen])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
      maximized: false,
    });
  });
});
