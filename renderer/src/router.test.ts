import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from './router.js';

describe('hash routes', () => {
  it('round-trips every screen', () => {
    expect(parseRoute(hrefFor.modules())).toEqual({ screen: 'modules' });
    expect(parseRoute(hrefFor.module('python-foundations/first-steps'))).toEqual({
      screen: 'module',
      moduleId: 'python-foundations/first-steps',
    });
    expect(parseRoute(hrefFor.lesson('python-foundations/loops'))).toEqual({
      screen: 'lesson',
      lessonId: 'python-foundations/loops',
    });
  });

  it('opens a module quiz, at the item a search hit names', () => {
    expect(parseRoute(hrefFor.quiz('python-foundations/functions'))).toEqual({
      screen: 'quiz',
      moduleId: 'python-foundations/functions',
    });
    expect(parseRoute(hrefFor.quiz('python-foundations/functions', 'python-foundations/fn-closure'))).toEqual({
      screen: 'quiz',
      moduleId: 'python-foundations/functions',
      itemId: 'python-foundations/fn-closure',
    });
  });

  it('opens a test of a pack or a module, and an assessment by its id', () => {
    expect(parseRoute(hrefFor.assess('python-foundations'))).toEqual({
      screen: 'assess',
      topicId: 'python-foundations',
    });
    expect(parseRoute(hrefFor.assess('python-foundations/functions'))).toEqual({
      screen: 'assess',
      topicId: 'python-foundations/functions',
    });
    const id = '0b7e2f6c-3f0a-4c1e-9d55-6d0a1b2c3d4e';
    expect(parseRoute(hrefFor.assessment(id))).toEqual({ screen: 'assessment', assessmentId: id });
    expect(parseRoute('#/assessments/not an id')).toEqual({ screen: 'not-found', path: '/assessments/not an id' });
  });

  it('opens the inbox, at the item an alert names (any id, escaped)', () => {
    expect(parseRoute(hrefFor.notifications())).toEqual({ screen: 'notifications' });
    for (const itemId of ['reviews-due/2026-03-01', 'a b&c?item=x', '0b4e…']) {
      expect(parseRoute(hrefFor.notifications(itemId))).toEqual({ screen: 'notifications', itemId });
    }
  });

  it('knows the catalog and settings screens', () => {
    expect(parseRoute(hrefFor.catalog())).toEqual({ screen: 'catalog' });
    expect(parseRoute(hrefFor.settings())).toEqual({ screen: 'settings' });
  });

  it('treats an empty hash as home and anything else as not found', () => {
    expect(parseRoute('')).toEqual({ screen: 'modules' });
    expect(parseRoute('#/nowhere')).toEqual({ screen: 'not-found', path: '/nowhere' });
  });
});
