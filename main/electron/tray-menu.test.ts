import { describe, expect, it } from 'vitest';
import type { LearnEvent } from '../../common/contract/events.js';
import { EventHub } from '../core/event-hub.js';
import { isAppUrl } from './policy/app-protocol.js';
import { shellTranslators } from './shell-language.js';
import { bindTray, REVIEWS_TARGET, trayModel, trayTooltip } from './tray-menu.js';
import type { TrayModel, TrayPort } from './tray-menu.js';

// A stand-in for Electron's Tray (the Electron binary cannot run here): it records what the tray would show.
class FakeTray implements TrayPort {
  readonly tooltips: string[] = [];
  readonly menus: TrayModel[] = [];
  setToolTip(text: string) {
    this.tooltips.push(text);
  }
  setMenu(model: TrayModel) {
    this.menus.push(model);
  }
}

const labels = (model: TrayModel) => model.menu.map((entry) => entry.label ?? entry.type);

describe('the tray', () => {
  it('says how many reviews are due in its tooltip', () => {
    expect(trayTooltip(null)).toBe('Lionagi Learn');
    expect(trayTooltip(0)).toBe('Lionagi Learn: no reviews due');
    expect(trayTooltip(1)).toBe('Lionagi Learn: 1 review due');
    expect(trayTooltip(12)).toBe('Lionagi Learn: 12 reviews due');
  });

  it('has open the app, the reviews due leading to them, and quit', () => {
    const model = trayModel(3);
    expect(labels(model)).toEqual(['Open Lionagi Learn', '3 reviews due: review now', 'separator', 'Quit']);
    expect(model.menu[0]).toMatchObject({ show: true });
    expect(model.menu[1]).toMatchObject({ go: REVIEWS_TARGET });
    expect(isAppUrl(REVIEWS_TARGET)).toBe(true);
    expect(model.menu[3]).toMatchObject({ role: 'quit' });
  });

  it('shows "no reviews due" disabled at zero, and no count when no profile is open', () => {
    expect(trayModel(0).menu[1]).toEqual({ label: 'No reviews due', enabled: false });
    expect(labels(trayModel(null))).toEqual(['Open Lionagi Learn', 'separator', 'Quit']);
  });

  it('speaks the language the open profile chose, the count with its plural form', () => {
    const german = shellTranslators()('de');
    expect(trayTooltip(1, german)).toBe('Lionagi Learn: 1 Wiederholung fällig');
    expect(labels(trayModel(3, german))).toEqual([
      'Lionagi Learn öffnen',
      '3 Wiederholungen fällig: jetzt wiederholen',
      'separator',
      'Beenden',
    ]);
    expect(trayModel(0, german).menu[1]).toEqual({ label: 'Keine Wiederholungen fällig', enabled: false });

    // The language is asked at each refresh: the learner opened a profile that chose German.
    const hub = new EventHub<LearnEvent>();
    const tray = new FakeTray();
    let language: 'en' | 'de' = 'en';
    const speak = shellTranslators();
    const bound = bindTray(
      hub.subscribe,
      tray,
      () => 2,
      () => speak(language),
    );
    language = 'de';
    bound.refresh();
    expect(tray.tooltips).toEqual(['Lionagi Learn: 2 reviews due', 'Lionagi Learn: 2 Wiederholungen fällig']);
    bound.stop();
  });

  it("follows the core's events, touching the tray only when the count changed", () => {
    const hub = new EventHub<LearnEvent>();
    const tray = new FakeTray();
    let due: number | null = 2;
    const bound = bindTray(hub.subscribe, tray, () => due);
    expect(tray.tooltips).toEqual(['Lionagi Learn: 2 reviews due']);

    due = 1;
    hub.emit({ type: 'pack-install-progress', file: 'a.lpack', bytes: 1, total: 2 });
    expect(tray.tooltips).toHaveLength(1);
    hub.emit({ type: 'notifications', learnerId: 'l1', unread: 0, alerts: [] });
    expect(tray.tooltips).toEqual(['Lionagi Learn: 2 reviews due', 'Lionagi Learn: 1 review due']);
    hub.emit({ type: 'catalog-changed' });
    expect(tray.tooltips).toHaveLength(2);

    due = 0;
    bound.refresh();
    expect(tray.menus.at(-1)!.menu[1]).toMatchObject({ label: 'No reviews due' });

    // A count that cannot be read (the core closing) shows the app's name alone, not a stale count.
    const failing = new FakeTray();
    bindTray(hub.subscribe, failing, () => {
      throw new Error('database closed');
    });
    expect(failing.tooltips).toEqual(['Lionagi Learn']);

    bound.stop();
    due = 5;
    hub.emit({ type: 'catalog-changed' });
    expect(tray.tooltips.at(-1)).toBe('Lionagi Learn: no reviews due');
  });
});
