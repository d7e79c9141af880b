import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { stepStates } from '../../../common/contract/step-progress.js';
import '../i18n/i18n.js';
import { ModuleProgress, moduleState, ProgressMark } from './ProgressMark.js';

const words = (html: string) => html.replace(/<span aria-hidden="true">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '');

describe('progress marks', () => {
  it.each(stepStates)('say %s in words, with the symbol hidden from screen readers', (state) => {
    const html = renderToStaticMarkup(<ProgressMark state={state} />);
    expect(words(html).trim()).toMatch(/^(Not started|In progress|Done|Mastered)$/);
    expect(html).toMatch(/<span aria-hidden="true">[○◐✓★]<\/span>/);
  });

  it('sum a module up: mastered or done once every step is, else how many of how many', () => {
    expect(moduleState([])).toBe('not-started');
    expect(moduleState(['not-started', 'not-started'])).toBe('not-started');
    expect(moduleState(['done', 'not-started'])).toBe('in-progress');
    expect(moduleState(['not-started', 'in-progress'])).toBe('in-progress');
    expect(moduleState(['done', 'mastered'])).toBe('done');
    expect(moduleState(['mastered', 'mastered'])).toBe('mastered');
    const html = renderToStaticMarkup(<ModuleProgress states={['mastered', 'in-progress', 'not-started']} />);
    expect(words(html).replace(/\s+/g, ' ').trim()).toBe('In progress (1 of 3 done)');
  });
});
