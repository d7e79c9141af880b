import { describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { ModuleListPage } from './pages/module-list-page.js';

// What the core itself says (reasons, path summaries, errors) in the learner's language, in the real app.
describe("the core's sentences in Chromium", () => {
  const app = appInChromium('e2e-core-language-', { width: 1280, height: 900 });

  it('says why a step comes next, the path and a refusal in German once the learner picks German', async () => {
    const { page, errors } = app;
    await new ModuleListPage(page).open(app.url, 'Ida');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('navigation', { name: 'Hauptmenü' }).waitFor();

    await page.evaluate(() => (location.hash = '#/'));
    const reason = page.getByTestId('up-next-reason');
    await reason.waitFor();
    expect(await reason.innerText()).toMatch(/^(Lies zuerst „|Als Nächstes im Kurs: )/);
    const summary = page.getByRole('status').filter({ hasText: /Schritte? bis / });
    expect(await summary.first().innerText()).toMatch(/^Ein neuer Pfad|^Noch \d+ Schritte? bis .+; als Nächstes: „/);
    const steps = await page.locator('.path-reason').allInnerTexts();
    expect(steps.length).toBeGreaterThan(0);
    for (const words of steps) expect(words).toMatch(/^(Bereit|Wartet auf|Üben|Lesenswert|Erledigt)/);

    await page.evaluate(() => (location.hash = '#/lessons/python-foundations/no-such-lesson'));
    await page.getByText('Keine installierte Lektion „python-foundations/no-such-lesson“.').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('No installed lesson');
    // The browser logs the API's 404 for the missing lesson; nothing else may go wrong.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});
