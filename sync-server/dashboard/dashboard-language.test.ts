import { afterEach, describe, expect, it } from 'vitest';
import { acceptedLanguages } from '../http/request-language.js';
import type { SyncServer } from '../server.js';
import { listening } from '../testing/documents-app.js';
import { classWithLearners, progressEvent, syncProgress, testCatalog } from '../testing/dashboard-class.js';
import { englishLeftIn } from '../testing/english-phrases.js';
import { startTestServer } from '../testing/test-server.js';

let server: SyncServer;
afterEach(() => server?.app.close());

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
const failing = (ago: number) =>
  progressEvent(
    'ExerciseSubmitted',
    {
      exerciseId: 'py/sum',
      codeHash: 'c'.repeat(64),
      tests: [{ name: 'test_sum', status: 'fail' }],
      durationMs: 1000,
      hintsUsed: 3,
      skills: ['py/loops'],
    },
    daysAgo(ago),
  );

/** What a reader meets on a page: its text and the words in its attributes (labels, the script's sentences). */
const readable = (page: string) =>
  page
    .replace(/<[^>]*?data-messages="([^"]*)"[^>]*>/g, (_, json: string) =>
      Object.values(JSON.parse(json.replace(/&quot;/g, '"')) as Record<string, string>).join(' '),
    )
    .replace(/<[^>]*?(?:aria-label|title)="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the dashboard in the browser’s language', { timeout: 30_000 }, () => {
  it('reads Accept-Language by weight and drops what is refused', () => {
    expect(acceptedLanguages('fr-CH, de;q=0.9, en;q=0.8, *;q=0.5')).toEqual(['fr-CH', 'de', 'en']);
    expect(acceptedLanguages('en;q=0.2, de-AT')).toEqual(['de-AT', 'en']);
    expect(acceptedLanguages('de;q=0, en')).toEqual(['en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it('speaks German to a German browser, page, detail and CSV, with no English phrase left; English otherwise', async () => {
    server = await startTestServer({ dashboard: { catalog: testCatalog } });
    const { base } = await listening(server);
    const { teacher, classId, learners } = await classWithLearners(server, ['Ada', 'Bo']);
    const [ada, bo] = learners as [(typeof learners)[0], (typeof learners)[0]];
    await syncProgress(server, base, ada, [
      progressEvent('LessonCompleted', { lessonId: 'py/hello', timeSpentMs: 120_000 }, daysAgo(1)),
      progressEvent(
        'QuizAnswered',
        { quizItemId: 'py/q1', correct: true, answer: 'a', timeSpentMs: 5000, skills: ['py/printing'] },
        daysAgo(0),
      ),
    ]);
    await syncProgress(server, base, bo, [failing(12), failing(12), failing(12)]);
    const get = (url: string, language?: string) =>
      server.app.inject({
        method: 'GET',
        url,
        headers: {
          authorization: `Bearer ${teacher.accessToken}`,
          ...(language ? { 'accept-language': language } : {}),
        },
      });
    type Pages = [shell: string, report: string, ada: string, bo: string, learnersCsv: string, stuckCsv: string];
    const pages = async (language?: string) =>
      (await Promise.all(
        [
          '/dashboard',
          `/dashboard/classes/${classId}/page`,
          `/dashboard/classes/${classId}/learners/${ada.id}/page`,
          `/dashboard/classes/${classId}/learners/${bo.id}/page`,
          `/dashboard/classes/${classId}/export/learners.csv`,
          `/dashboard/classes/${classId}/export/stuck.csv`,
        ].map(async (url) => {
          const response = await get(url, language);
          expect(response.statusCode, url).toBe(200);
          expect(response.headers.vary, url).toMatch(/accept-language/);
          return response.body;
        }),
      )) as Pages;

    const [shell, report, adaDetail, boDetail, learnersCsv, stuckCsv] = await pages('de-DE,de;q=0.9,en;q=0.5');
    expect(shell).toContain('<html lang="de">');
    expect(readable(shell)).toContain('Klassenübersicht');
    expect(readable(report)).toMatch(/Erstellt \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} UTC · Lernende: 2/);
    expect(readable(report)).toMatch(/Bo ?: 3-mal an Add them up gescheitert; seit 12 Tagen kein Fortschritt/);
    expect(readable(adaDetail)).toContain('Nichts deutet darauf hin, dass Ada feststeckt.');
    expect(learnersCsv.split('\r\n')[0]).toBe(
      'Lernende Person,Lektionen erledigt,Übungen erledigt,Quizantworten richtig,Minuten beim Lernen,Serie (Tage),Zuletzt aktiv',
    );
    for (const [name, page] of Object.entries({ shell, report, adaDetail, boDetail, learnersCsv, stuckCsv })) {
      expect(englishLeftIn(readable(page), 'dash-'), name).toEqual([]);
    }

    const [enShell, enReport, , enBoDetail] = await pages();
    expect(enShell).toContain('<html lang="en">');
    expect(readable(enShell)).toContain('Sign in with your teacher account on this class server.');
    expect(readable(enReport)).toMatch(/Bo ?: failed Add them up 3 times; no progress for 12 days/);
    expect(readable(enBoDetail)).toContain('May be stuck:');
    expect((await pages('fr, en;q=0.5'))[0]).toContain('<html lang="en">');
  });
});
