import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { SCREENSHOTS } from './support/browser.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { MAIN_SCREENS, ScreenFit } from './pages/screen-fit.js';
import { ENGLISH_PHRASES, ENGLISH_WORDS, englishLeftovers } from './pages/untranslated-text.js';
import { unmirrored } from './pages/mirroring.js';
import { TimeField } from './pages/time-field.js';

// A second language chosen in Settings, and the layout in a right-to-left direction.
describe('languages in Chromium', () => {
  const app = appInChromium('e2e-languages-', { width: 1280, height: 900 });

  it('switches to German in Settings: the shell, a lesson and its date, <html lang>, and back', async () => {
    const { page, errors } = app;
    await new ModuleListPage(page).open(app.url, 'Greta');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Language').selectOption('de');
    const nav = page.getByRole('navigation', { name: 'Hauptmenü' });
    await nav.getByRole('link', { name: 'Fortschritt' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');

    await page.evaluate(() => (location.hash = '#/lessons/python-foundations/hello-python'));
    await page.getByRole('button', { name: 'Lektion als erledigt markieren' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Erledigt am' });
    // A German date (day.month.year), where English says "Dec 5, 2026".
    expect(await done.innerText()).toMatch(/Erledigt am \d{2}\.\d{2}\.\d{4}$/);
    await page.getByRole('link', { name: /^Weiter: .+\(Lektion\)/ }).waitFor();
    // The lesson is the pack's English inside a German page: marked so a screen reader reads it as English.
    expect(await page.getByTestId('lesson-body').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: join(SCREENSHOTS, 'language-de-lesson.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Progress' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(errors).toEqual([]);
  });

  it('says the exercise screen, home, a quiz and the catalog in German: buttons, statuses, counts and progress', async () => {
    const { page, errors } = app;
    await new ModuleListPage(page).open(app.url, 'Hanna');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('navigation', { name: 'Hauptmenü' }).waitFor();

    await page.evaluate(() => (location.hash = '#/exercises/python-foundations/clock-time'));
    await page.getByRole('textbox', { name: /^Code für / }).waitFor();
    const toolbar = page.getByRole('toolbar', { name: 'Aktionen der Übung' });
    for (const name of ['Ausführen', 'Abgeben', 'Auf Startcode zurücksetzen'])
      await toolbar.getByRole('button', { name }).waitFor();
    await toolbar.getByRole('button', { name: /^Hinweis \(0 von \d+\)$/ }).click();
    await page.getByRole('list', { name: 'Hinweise' }).waitFor();
    // The pack's prompt and hints are its English, the buttons around them German.
    expect(await page.locator('.exercise-prompt > div').first().getAttribute('lang')).toBe('en');
    expect(await page.getByRole('list', { name: 'Hinweise' }).getByRole('listitem').first().getAttribute('lang')).toBe(
      'en',
    );
    await page.getByText(/^Schwierigkeit \d von 5$/).waitFor();
    await page.getByTestId('draft-state').filter({ hasText: 'Dein Code ist gespeichert.' }).waitFor();
    await page.getByTestId('results').getByRole('heading', { name: 'Tests' }).waitFor();
    // The reset dialog asks in German, Cancel included.
    await toolbar.getByRole('button', { name: 'Auf Startcode zurücksetzen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Noch einmal mit dem Startcode beginnen?' });
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.screenshot({ path: join(SCREENSHOTS, 'language-de-exercise.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    await page.evaluate(() => (location.hash = '#/'));
    await page.getByRole('heading', { level: 1, name: 'Deine Module' }).waitFor();
    const cards = page.getByRole('list', { name: 'Installierte Module' }).getByTestId('module-link');
    // "3 Lektionen", never the English "lessons"; the learner started the exercise, so one module is under way.
    await cards
      .filter({ hasText: /\d+ Lektion(en)?\b/ })
      .first()
      .waitFor();
    expect(await cards.allInnerTexts()).not.toContainEqual(expect.stringMatching(/lessons?\b/));
    await cards.getByText('Begonnen').first().waitFor();
    await page.getByRole('heading', { name: 'Weitermachen, wo du aufgehört hast' }).waitFor();
    await page.getByRole('heading', { name: /^Dein Weg zu / }).waitFor();
    await page
      .getByRole('link', { name: /^Adaptiver Test: / })
      .first()
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'language-de-home.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    // The quiz and the catalog too: the position, the answer field and the check; the packs' list.
    await page.evaluate(() => (location.hash = '#/quiz/python-foundations/functions'));
    const quiz = page.getByTestId('quiz-item');
    await quiz.getByText(/^Frage 1 von \d+$/).waitFor();
    await quiz.getByRole('button', { name: 'Antwort prüfen' }).waitFor();
    expect(await quiz.locator('.quiz-prompt').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: join(SCREENSHOTS, 'language-de-quiz.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    await page.evaluate(() => (location.hash = '#/catalog'));
    await page.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor();
    // Who may install, and the way to unlock, in one German sentence with its button.
    const gate = page
      .locator('.admin-explain')
      .filter({ hasText: /^Nur ein Admin dieses Rechners kann Pakete installieren/ });
    await gate.getByRole('button', { name: /^(Ein Admin-Passwort festlegen|Admin entsperren)$/ }).waitFor();
    await page
      .getByRole('list', { name: 'Installierte Pakete' })
      .getByText(/^Dein Abschluss: \d+\s%$/)
      .first()
      .waitFor();

    // The search in the header: its label, the count of results, and a respelled typo in one German sentence.
    const search = page.getByRole('searchbox', { name: 'Lektionen, Übungen und Quizze suchen' });
    await search.fill('fucntion');
    await page
      .getByTestId('search-respelled')
      .filter({ hasText: /^Nichts gefunden für „fucntion“\. Ergebnisse für / })
      .waitFor();
    await page.getByRole('list', { name: /^\d+ Ergebnisse?$/ }).waitFor();
    await search.press('Escape');

    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('says Settings, Progress, the inbox and Classes in German, with none of the app’s English phrases left', async () => {
    const { page, errors } = app;
    // The check can fail: it knows the English of these screens.
    expect(ENGLISH_PHRASES).toEqual(expect.arrayContaining(['Trusted pack keys', 'Mark all read', 'Your activity']));
    expect([...ENGLISH_WORDS]).toEqual(expect.arrayContaining(['Remove', 'Skill', 'Inbox']));
    await new ModuleListPage(page).open(app.url, 'Ines');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('navigation', { name: 'Hauptmenü' }).waitFor();
    // Some activity first, so Progress shows its numbers, charts, calendar and time on task, not only its empty state.
    await page.evaluate(() => (location.hash = '#/lessons/python-foundations/hello-python'));
    await page.getByRole('button', { name: 'Lektion als erledigt markieren' }).click();
    await page.getByRole('status').filter({ hasText: 'Erledigt am' }).waitFor();

    const screens = [
      { hash: '#/settings', heading: 'Einstellungen', ready: page.getByRole('heading', { name: 'Synchronisierung' }) },
      { hash: '#/progress', heading: 'Dein Fortschritt', ready: page.getByTestId('time-on-task') },
      { hash: '#/notifications', heading: 'Posteingang', ready: page.getByRole('status').filter({ hasText: /\S/ }) },
      { hash: '#/classes', heading: 'Klassen', ready: page.getByText(/^Klassen liegen auf einem Klassenserver/) },
    ];
    for (const screen of screens) {
      await page.evaluate((hash) => (location.hash = hash), screen.hash);
      await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
      await screen.ready.first().waitFor();
      // Settings' sections and Progress's panels load on their own: wait until nothing says it is loading.
      await page.waitForFunction(() => !document.body.innerText.includes('Lade '));
      expect(await englishLeftovers(page), screen.hash).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `language-de-${screen.hash.slice(2)}.png`), fullPage: true });
      await expectNoSeriousViolations(page);
    }
    // Every other main screen too, and a test from its start to its first question: no English phrase of the app.
    const others = [...MAIN_SCREENS.map((screen) => screen.hash), '#/assess/python-foundations/functions'];
    for (const hash of others) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForFunction(() => !document.body.innerText.includes('Lade '));
      expect(await englishLeftovers(page), hash).toEqual([]);
    }
    await page.getByRole('button', { name: 'Test starten' }).click();
    await page
      .getByTestId('assessment-item')
      .getByText(/^Frage 1 von höchstens \d+$/)
      .waitFor();
    // The core's title around the module's own: "Functions: adaptive test" in English.
    await page.getByRole('heading', { level: 1, name: 'Functions: adaptiver Test' }).waitFor();
    expect(await englishLeftovers(page), 'assessment').toEqual([]);
    await page.getByRole('button', { name: 'Jetzt abgeben' }).click();
    const handIn = page.getByRole('dialog', { name: 'Den Test abgeben?' });
    await handIn.getByRole('button', { name: 'Abgeben' }).click();
    await page
      .getByTestId('assessment-report')
      .getByText(/^Der Test endete, weil du ihn abgegeben hast\./)
      .waitFor();
    expect(await englishLeftovers(page), 'assessment report').toEqual([]);

    // German words run longer than English ones: every screen still fits a 320 px window.
    await page.setViewportSize({ width: 320, height: 800 });
    const fit = new ScreenFit(page);
    for (const hash of [...screens.map((screen) => screen.hash), ...others]) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForFunction(() => !document.body.innerText.includes('Lade '));
      expect(await fit.culprits(), `${hash} at 320px`).toEqual([]);
      expect(await fit.overflow(), `${hash} at 320px`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'language-de-assess-320.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // German numbers and dates in the words: a percentage with its space, a weekday heading of the calendar.
    await page.evaluate(() => (location.hash = '#/progress'));
    const calendar = page.getByTestId('activity-calendar');
    await calendar.getByRole('columnheader', { name: /^Mo\.?$/ }).waitFor();
    await page.getByText(/^An \d+ von \d+ Tagen aktiv\.$/).waitFor();

    // The admin dialog too: its title, help, error and buttons.
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByRole('button', { name: 'Ein Admin-Passwort festlegen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Ein Admin-Passwort festlegen' });
    await dialog.getByLabel('Neues Admin-Passwort').waitFor();
    // A mismatch in German, then the password set: what an unlocked admin sees in Settings and the catalog.
    await dialog.getByLabel('Neues Admin-Passwort').fill('lab-secret-1');
    await dialog.getByLabel('Noch einmal dasselbe').fill('lab-secret-2');
    await dialog.getByRole('button', { name: 'Passwort festlegen und entsperren' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Die beiden Passwörter stimmen nicht überein.' }).waitFor();
    expect(await englishLeftovers(page)).toEqual([]);
    await dialog.getByLabel('Noch einmal dasselbe').fill('lab-secret-1');
    await dialog.getByRole('button', { name: 'Passwort festlegen und entsperren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Admin sperren' }).waitFor();
    await page.getByRole('button', { name: 'Diesem Schlüssel vertrauen' }).waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('Lade '));
    expect(await englishLeftovers(page), 'settings, admin').toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'language-de-settings-admin.png'), fullPage: true });
    await page.evaluate(() => (location.hash = '#/catalog'));
    await page.getByRole('heading', { level: 1, name: 'Katalog' }).waitFor();
    await page.waitForFunction(() => !document.body.innerText.includes('Lade '));
    expect(await englishLeftovers(page), 'catalog, admin').toEqual([]);
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByRole('button', { name: 'Admin sperren' }).click();
    await page.getByRole('button', { name: 'Admin entsperren' }).first().waitFor();

    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(errors).toEqual([]);
  });

  // No right-to-left language ships yet: this sets the direction a future one would set, and checks that every
  // main screen still fits the window, passes axe-core and mirrors its header (pseudo-RTL).
  it("shows quiet hours in the app's language, not the OS's: 24-hour in German, AM/PM in English, set by keyboard", async () => {
    const { page, errors } = app;
    await new ModuleListPage(page).open(app.url, 'Jana');
    await page.evaluate(() => (location.hash = '#/settings'));
    await page.getByLabel('Language').selectOption('de');
    const settings = page.getByRole('group', { name: 'Benachrichtige mich über' });
    await settings.getByLabel('Ruhezeiten').click();
    await expect.poll(() => settings.getByLabel('Ruhezeiten').isChecked()).toBe(true);
    const from = new TimeField(settings, 'von');
    // Chromium's own time field would say "10:00 PM" here, after the OS (en-US in this run).
    expect(await page.evaluate(() => navigator.language)).toMatch(/^en/);
    expect(await from.hasDayPeriod()).toBe(false);
    expect(await from.hourLabels()).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    await expect.poll(() => from.value()).toBe('22:00');
    // By keyboard: Tab reaches the hour, an arrow key moves it, Tab goes on to the minute, typing picks one.
    const hour = from.group.getByRole('combobox', { name: 'Stunde' });
    await hour.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => from.value()).toBe('23:00');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Minute');
    await page.keyboard.type('45');
    await expect.poll(() => from.value()).toBe('23:45');
    await page.screenshot({ path: join(SCREENSHOTS, 'language-de-quiet-hours.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(SCREENSHOTS, 'language-de-quiet-hours-dark.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });

    // The same time in English: 11 PM, the day period a list of its own; it stays what it was set to.
    await page.getByLabel('Sprache').selectOption('en');
    const english = new TimeField(page.getByRole('group', { name: 'Tell me about' }), 'from');
    await expect.poll(() => english.hasDayPeriod()).toBe(true);
    expect(await english.value()).toBe('23:45');
    expect(await english.group.getByRole('combobox', { name: 'Hour' }).locator('option:checked').innerText()).toBe(
      '11',
    );
    expect(await english.group.getByRole('combobox', { name: 'AM or PM' }).locator('option:checked').innerText()).toBe(
      'PM',
    );
    await english.set('06:30');
    await expect.poll(() => english.value()).toBe('06:30');
    await expectNoSeriousViolations(page);
    expect(errors).toEqual([]);
  });

  it('keeps every main screen in the window, mirrored, when the page runs right to left', async () => {
    const { page, errors } = app;
    await new ModuleListPage(page).open(app.url, 'Rtl');
    const fit = new ScreenFit(page);
    for (const width of [400, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const screen of MAIN_SCREENS) {
        await fit.open(screen);
        await page.evaluate(() => (document.documentElement.dir = 'rtl'));
        if (screen.name === 'exercise') await page.getByRole('textbox', { name: /^Code for / }).waitFor();
        const tag = `${screen.name} at ${width}px, rtl`;
        expect(await fit.culprits(), tag).toEqual([]);
        expect(await fit.overflow(), tag).toBeLessThanOrEqual(0);
        // Sideways scroll to the left is the right-to-left overflow: none either.
        expect(await page.evaluate(() => document.documentElement.scrollLeft), tag).toBe(0);
        // Code stays left to right: code blocks, inline code and the editor.
        const codeDirections = await page.evaluate(() =>
          Array.from(document.querySelectorAll('pre, code, .code-editor')).map((el) => getComputedStyle(el).direction),
        );
        expect(new Set(codeDirections), tag).not.toContain('rtl');
        // Paddings, borders and alignment on one side move to the other: logical properties, not left/right.
        expect(await unmirrored(page), tag).toEqual([]);
        // Mirrored, the screen must still pass axe-core (contrast, names, landmarks) like it does left to right.
        await expectNoSeriousViolations(page);
        await page.screenshot({ path: join(SCREENSHOTS, `rtl-${screen.name}-${width}.png`), fullPage: true });
      }
    }
    // The app's name starts the header on the right.
    const [name, nav] = await Promise.all([
      page.locator('.app-name').boundingBox(),
      page.getByRole('navigation', { name: 'Main' }).boundingBox(),
    ]);
    expect(name!.x).toBeGreaterThan(nav!.x);
    expect(errors).toEqual([]);
  });
});
