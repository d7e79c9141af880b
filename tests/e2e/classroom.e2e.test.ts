import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/accessibility.js';
import { appInChromium } from './support/app-in-chromium.js';
import { SCREENSHOTS } from './support/browser.js';
import { PASSWORD, startClassServer } from './support/class-server.js';
import type { Started } from './support/processes.js';
import { AssignmentsPanel, ClassesPage } from './pages/classroom-pages.js';
import { LessonPage } from './pages/lesson-page.js';
import { ModuleListPage } from './pages/module-list-page.js';
import { ProfilePickerPage } from './pages/profile-picker-page.js';
import { SettingsPage } from './pages/settings-page.js';
import { SyncSettingsPage } from './pages/sync-settings-page.js';
import { DateField } from './pages/time-field.js';
import { englishLeftovers } from './pages/untranslated-text.js';

/** A refused join or an unreachable call is an HTTP error Chromium logs as a failed resource; anything else is a bug. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of (403|404)/.test(e));

/** The local date `days` from today, as a date field takes it (yyyy-mm-dd). */
const localDate = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// A class server and two app instances (the real browser face, each its own process and data folder), each
// driven by Chromium: a teacher creates a class and assigns a lesson, a learner joins with the code, sees the
// assignment first on home, completes it, and the teacher sees them in the class.
describe('the classroom in Chromium', () => {
  const teacherApp = appInChromium('e2e-classes-teacher-');
  const learnerApp = appInChromium('e2e-classes-learner-');
  let server: Started;
  let serverUrl: string;
  let joinCode = '';

  beforeAll(async () => {
    const classServer = await startClassServer('e2e-classes-server-');
    ({ server, url: serverUrl } = classServer);
    await classServer.register('ms.t@school.example', 'Ms T', 'teacher');
    await classServer.register('ada@school.example', 'Ada');
  });
  afterAll(() => server?.stop());

  async function signIn(app: typeof teacherApp, name: string, email: string) {
    await new ModuleListPage(app.page).open(app.url, name);
    await new SettingsPage(app.page).open();
    const sync = new SyncSettingsPage(app.page);
    await sync.link(serverUrl, email, PASSWORD);
    await sync.waitForStatus(`Synced with ${serverUrl}`);
  }

  it('a teacher creates a class and assigns a lesson due in two days', async () => {
    const { page } = teacherApp;
    await signIn(teacherApp, 'Ms T', 'ms.t@school.example');
    // Signing in is enough: the teacher's role shows the Classes screen at once.
    const classes = new ClassesPage(page);
    await classes.open();
    await page.getByText('You have no classes yet').waitFor();
    await classes.createClass('Python 1');
    joinCode = (await classes.joinCode.innerText()).trim();
    expect(joinCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await classes.assign('Lesson', 'Python foundations: First steps', 'Hello, Python', localDate(2));
    await page.getByText('Nobody has joined yet').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '60-classes-teacher.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    expect(unexpected(teacherApp.errors)).toEqual([]);
  });

  it('a learner joins with the code, sees the lesson first on home as due in 2 days, and completes it', async () => {
    const { page } = learnerApp;
    await signIn(learnerApp, 'Ada', 'ada@school.example');
    const panel = new AssignmentsPanel(page);
    await panel.goHome();
    await panel.section.getByText('You are not in a class yet').waitFor();
    // A learner account gets no Classes screen: it is not in the menu, and its address explains why.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Classes' }).count()).resolves.toBe(0);
    await page.evaluate(() => (location.hash = '#/classes'));
    await page.getByText('Only teachers manage classes.').waitFor();
    await panel.goHome();

    await panel.join('ZZZZ-ZZZZ');
    await panel.section.getByRole('alert').filter({ hasText: 'No class has this join code' }).waitFor();
    await panel.join(joinCode.toLowerCase());
    await panel.section.getByRole('status').filter({ hasText: 'You joined Python 1.' }).waitFor();
    const item = panel.item('Hello, Python');
    await expect(item.innerText()).resolves.toMatch(/due in 2 days.*Not started/s);
    // First on home: the Assignments panel comes before everything else on the screen.
    const firstHeading = await page.locator('main h2, main h1').first().innerText();
    expect(firstHeading).toBe('Assignments');
    await page.screenshot({ path: join(SCREENSHOTS, '61-classes-learner-home.png'), fullPage: true });
    await expectNoSeriousViolations(page);

    await item.getByRole('link', { name: 'Hello, Python' }).click();
    await new LessonPage(page).waitForLesson('Hello, Python');
    await page.getByRole('button', { name: 'Mark lesson as done' }).click();
    await page.getByRole('status').filter({ hasText: 'Done on' }).waitFor();
    await panel.goHome();
    await expect.poll(() => panel.item('Hello, Python').innerText()).toMatch(/Done/);

    // A narrow window in the dark theme: still readable, nothing serious for axe.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.screenshot({ path: join(SCREENSHOTS, '62-classes-learner-narrow-dark.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    expect(unexpected(learnerApp.errors)).toEqual([]);
  });

  /** Switches the open profile's language in Settings and waits for the menu to speak it. */
  async function speak(app: typeof teacherApp, language: 'de' | 'en') {
    await app.page.evaluate(() => (location.hash = '#/settings'));
    await app.page.getByLabel(language === 'de' ? 'Language' : 'Sprache').selectOption(language);
    await app.page.getByRole('navigation', { name: language === 'de' ? 'Hauptmenü' : 'Main' }).waitFor();
  }

  it('in German: the teacher’s class, its member, assignment and forms, and the learner’s assignments', async () => {
    const { page } = teacherApp;
    await new ModuleListPage(page).open(teacherApp.url, 'Ms T');
    await speak(teacherApp, 'de');
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Klassen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Klassen' }).waitFor();
    await page.getByRole('button', { name: /Python 1.*1 Mitglied/ }).click();
    await page.getByRole('button', { name: 'Ada entfernen' }).waitFor();
    // The assignment's kind and due date in German words, the date in German.
    await page.getByText(/^Lektion · (morgen fällig|fällig in \d Tagen|heute fällig)/).waitFor();
    await page.getByRole('form', { name: 'Arbeit aufgeben' }).waitFor();
    // The due date as German writes it (day, month by name, year), not the OS's mm/dd/yyyy date input.
    const due = new DateField(page.getByRole('form', { name: 'Arbeit aufgeben' }), 'Abgabetermin (optional)');
    expect(await due.order()).toEqual(['Tag', 'Monat', 'Jahr']);
    await due.group.getByRole('combobox', { name: 'Monat' }).locator('option', { hasText: 'Dezember' }).waitFor({
      state: 'attached',
    });
    expect(await englishLeftovers(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, '63-classes-teacher-de.png'), fullPage: true });
    await expectNoSeriousViolations(page);
    // The message form, opened, in the inbox.
    await page.evaluate(() => (location.hash = '#/notifications'));
    await page.getByText('Eine Nachricht senden', { exact: true }).click();
    await page.getByLabel('Beitrittscode', { exact: true }).waitFor();
    // The class server's welcome travels as catalog keys: the teacher reads it in German too.
    await page.getByText('Willkommen, Ms T').first().waitFor();
    expect(await englishLeftovers(page)).toEqual([]);
    await speak(teacherApp, 'en');
    expect(unexpected(teacherApp.errors)).toEqual([]);

    const learner = learnerApp.page;
    await new ModuleListPage(learner).open(learnerApp.url, 'Ada');
    await speak(learnerApp, 'de');
    await learner.evaluate(() => (location.hash = '#/'));
    const panel = learner.getByRole('region', { name: 'Aufgaben' });
    await panel
      .getByTestId('assignment')
      .filter({ hasText: /Erledigt/ })
      .waitFor();
    await panel.getByText(/^Deine Klasse:/).waitFor();
    expect(await englishLeftovers(learner)).toEqual([]);
    await learner.screenshot({ path: join(SCREENSHOTS, '61-classes-learner-home-de.png'), fullPage: true });
    await speak(learnerApp, 'en');
    expect(unexpected(learnerApp.errors)).toEqual([]);
  });

  it('the teacher sees the learner in the class and removes them after confirming', async () => {
    const { page } = teacherApp;
    await new ModuleListPage(page).open(teacherApp.url, 'Ms T');
    const classes = new ClassesPage(page);
    await classes.open();
    await page.getByRole('button', { name: /Python 1/ }).click();
    await classes.members().filter({ hasText: 'Ada' }).waitFor();
    await page.getByRole('button', { name: 'Remove Ada' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Ada from Python 1?' });
    await dialog.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '63-classes-remove-confirm.png') });
    await expectNoSeriousViolations(page);
    await dialog.getByRole('button', { name: 'Remove from class' }).click();
    await page.getByRole('status').filter({ hasText: 'Ada is no longer in Python 1.' }).waitFor();
    await page.getByText('Nobody has joined yet').waitFor();
    expect(unexpected(teacherApp.errors)).toEqual([]);
  });

  it('a shared lab machine switches learners by keyboard: Ctrl+Shift+S, a letter, Enter, the PIN, Enter', async () => {
    const { page } = learnerApp;
    await new ModuleListPage(page).open(learnerApp.url, 'Ada');
    const panel = new AssignmentsPanel(page);
    await panel.section.waitFor();
    const picker = new ProfilePickerPage(page);
    await page.keyboard.press('Control+Shift+S');
    await picker.heading.waitFor();
    await picker.create('Bo', { pin: '4321' });
    await new ModuleListPage(page).heading.waitFor();

    const focusedProfile = () => page.evaluate(() => document.activeElement?.getAttribute('data-name') ?? null);
    for (const [letter, name, pin] of [
      ['a', 'ada', undefined],
      ['b', 'bo', '4321'],
    ] as const) {
      await page.keyboard.press('Control+Shift+S');
      await picker.heading.waitFor();
      await expect.poll(focusedProfile).not.toBeNull();
      await page.keyboard.press(letter);
      expect(await focusedProfile()).toBe(name);
      await page.keyboard.press('Enter');
      if (pin) {
        const field = page.getByRole('textbox', { name: 'PIN for Bo' });
        await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.type(pin);
        await page.keyboard.press('Enter');
      }
      await new ModuleListPage(page).heading.waitFor();
      await expect(page.locator('.who').innerText()).resolves.toContain(name === 'ada' ? 'Ada' : 'Bo');
    }
    // Bo is not signed in to the class server: nothing of Ada's classes stays on screen.
    await expect(panel.section.count()).resolves.toBe(0);
    await page.keyboard.press('Control+Shift+S');
    await picker.heading.waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '64-classes-switch-profile.png') });
    await expectNoSeriousViolations(page);
    expect(unexpected(learnerApp.errors)).toEqual([]);
  });
});
