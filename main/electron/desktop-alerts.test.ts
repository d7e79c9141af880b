import { describe, expect, it } from 'vitest';
import type { LearnEvent } from '../../common/contract/events.js';
import { refOf, say } from '../../common/i18n/message.js';
import type { LanguagePreference } from '../../common/contract/learners.js';
import { EventHub } from '../core/event-hub.js';
import { windowIcon } from './app-identity.js';
import { bindDesktopAlerts } from './desktop-alerts.js';
import type { DesktopNotification, SystemNotifications } from './desktop-alerts.js';
import { shellLanguage, shellTranslators } from './shell-language.js';

// A stand-in for Electron's Notification: the Electron binary cannot run on this machine, the binding can.
class FakeSystemNotifications implements SystemNotifications {
  readonly shown: (Omit<DesktopNotification, 'route'> & { click: () => void })[] = [];
  constructor(private readonly supported = true) {}
  isSupported() {
    return this.supported;
  }
  show(options: Omit<DesktopNotification, 'route'>, onClick: () => void) {
    this.shown.push({ ...options, click: onClick });
  }
}

const event = (alerts: Extract<LearnEvent, { type: 'notifications' }>['alerts']): LearnEvent => ({
  type: 'notifications',
  learnerId: 'l1',
  unread: alerts.length,
  alerts,
});

const ICON = windowIcon('/opt/lionagi-learn/resources/app.asar');

describe('desktop alerts (Electron face)', () => {
  it("shows each alert the core decided on with the app's icon, and a click opens its item or the inbox", () => {
    const hub = new EventHub<LearnEvent>();
    const system = new FakeSystemNotifications();
    const opened: string[] = [];
    bindDesktopAlerts(hub.subscribe, system, ICON, (route) => opened.push(route));
    hub.emit({ type: 'catalog-changed' });
    hub.emit(event([]));
    hub.emit(
      event([
        { title: 'Quiz Friday', body: 'Bring a pen', itemId: 'm 1', link: '#/lessons/x' },
        { title: '3 review reminders', body: 'a; b; c', itemId: null, link: '#/notifications' },
      ]),
    );
    expect(system.shown.map(({ click: _click, ...options }) => options)).toEqual([
      {
        title: 'Quiz Friday',
        body: 'Bring a pen',
        icon: '/opt/lionagi-learn/resources/app.asar/build/icons/256x256.png',
      },
      { title: '3 review reminders', body: 'a; b; c', icon: ICON },
    ]);
    system.shown.forEach((shown) => shown.click());
    expect(opened).toEqual(['#/notifications?item=m%201', '#/notifications']);
  });

  it('says a burst the core made in the language its learner chose in the app, whatever the system speaks', () => {
    const hub = new EventHub<LearnEvent>();
    const system = new FakeSystemNotifications();
    const speak = shellTranslators();
    // An English system: one learner chose German in the app, the other follows the system.
    const chosen: Record<string, LanguagePreference> = { l1: 'de', l2: 'system' };
    const systemLanguages = ['en-US', 'de-DE'];
    bindDesktopAlerts(
      hub.subscribe,
      system,
      ICON,
      () => undefined,
      (learnerId) => speak(shellLanguage([chosen[learnerId]], systemLanguages)),
    );
    const title = say('alert-reviews-due', { count: 3 });
    const body = say('alert-titles-3', { a: 'a', b: 'b', c: 'c' });
    const burst = {
      title: title.text,
      body: body.text,
      titleI18n: refOf(title),
      bodyI18n: refOf(body),
      itemId: null,
      link: '#/notifications',
    };
    hub.emit(event([burst, { title: 'Quiz Friday', body: 'Bring a pen', itemId: 'm 1', link: null }]));
    hub.emit({ ...event([burst]), learnerId: 'l2' } as LearnEvent);
    expect(system.shown.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: '3 Erinnerungen zum Wiederholen', body: 'a; b; c' },
      { title: 'Quiz Friday', body: 'Bring a pen' },
      { title: '3 review reminders', body: 'a; b; c' },
    ]);
  });

  it('does nothing where the system has no notifications', () => {
    const hub = new EventHub<LearnEvent>();
    const system = new FakeSystemNotifications(false);
    bindDesktopAlerts(hub.subscribe, system, ICON, () => undefined);
    hub.emit(event([{ title: 't', body: 'b', itemId: 'i', link: null }]));
    expect(system.shown).toEqual([]);
  });
});
