import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizQuestion, QuizResult } from '../../../common/contract/quiz.js';
import { i18next } from '../i18n/i18n.js';
import { ContentLanguageProvider } from './content-language.js';
import { QuestionBody } from './QuestionBody.js';
import { QuizFeedback } from './QuizFeedback.js';

afterEach(() => i18next.changeLanguage('en'));

const question: QuizQuestion = {
  kind: 'choice',
  id: 'demo/range-stop',
  prompt: 'What is the last number `range(1, 5)` yields?',
  choices: ['5', '4'],
  multiple: false,
  difficulty: 1,
  skills: [],
};
const body = (
  <QuestionBody
    question={question}
    promptId="p"
    problemId="x"
    problem={undefined}
    picked={[]}
    onPick={() => undefined}
    text=""
    onText={() => undefined}
    result={undefined}
  />
);
const missed: QuizResult = {
  itemId: 'demo/range-stop',
  correct: false,
  expected: '4',
  explanation: 'range stops *before* its stop value.',
};

/** The `lang` of the element holding `text` in the markup. */
const langAround = (html: string, text: string): string | undefined => {
  const before = html.slice(0, html.indexOf(text));
  return [...before.matchAll(/<(\w+)[^>]*?\slang="([^"]+)"[^>]*>/g)].at(-1)?.[2];
};

describe("a pack's content in the app", () => {
  it("is marked with the pack's language while the app speaks another", async () => {
    await i18next.changeLanguage('de');
    const html = renderToStaticMarkup(
      <ContentLanguageProvider language="pt-BR">
        {body}
        <QuizFeedback result={missed} />
      </ContentLanguageProvider>,
    );
    expect(langAround(html, 'What is the last number')).toBe('pt-BR');
    expect(html).toMatch(/<code lang="pt-BR">4<\/code>/);
    expect(langAround(html, 'stops <em>before</em>')).toBe('pt-BR');
    // The app's own words around it are not marked: they follow <html lang="de">.
    expect(html).toContain('Nicht ganz.');
    expect(html.slice(0, html.indexOf('Nicht ganz.'))).not.toMatch(/<p[^>]*lang=/);
  });

  it('is English where no screen named a language (an older core, a review)', () => {
    expect(langAround(renderToStaticMarkup(body), 'What is the last number')).toBe('en');
  });
});
