import { describe, expect, it } from 'vitest';
import { newMarks, readInbox } from './inbox-state.js';

const item = (id: string, title = id) => ({ id, kind: 'class-message', title, body: 'b', at: '2026-03-01T10:00:00Z' });

describe('the inbox document, read', () => {
  it('shows each id once (the first copy), whatever was delivered twice', () => {
    const state = readInbox([item('a', 'first'), item('b'), item('a', 'again'), item('b')]);
    expect(state.items.map((i) => [i.id, i.title])).toEqual([
      ['a', 'first'],
      ['b', 'b'],
    ]);
  });

  it('reads marks from any device and skips entries it does not understand', () => {
    const state = readInbox([
      item('a'),
      item('b'),
      { mark: 'read', itemId: 'a', at: 'x' },
      { mark: 'read', itemId: 'a', at: 'y' },
      { mark: 'dismissed', itemId: 'b', at: 'x' },
      { mark: 'pinned', itemId: 'a', at: 'x' },
      { id: '', kind: 'x', title: '', body: '', at: '' },
      'text',
      null,
      { ...item('c'), link: 'https://elsewhere.example/' },
    ]);
    expect(state.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect([...state.read]).toEqual(['a']);
    expect([...state.dismissed]).toEqual(['b']);
  });

  it('adds marks only for known items not yet marked so', () => {
    const state = readInbox([item('a'), item('b'), { mark: 'read', itemId: 'a', at: 'x' }]);
    expect(newMarks(state, ['a', 'b', 'b', 'nope'], 'read', 'now')).toEqual([{ mark: 'read', itemId: 'b', at: 'now' }]);
  });
});
