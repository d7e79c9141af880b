import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnMethods } from '../../../common/contract/api.js';
import type { LearnBridge } from '../../../common/contract/bridge.js';
import { LearnError } from '../../../common/contract/errors.js';
import type { ApiResult } from '../../../common/contract/errors.js';
import { refOf, say } from '../../../common/i18n/message.js';
import { SandboxHelp } from '../components/SandboxHelp.js';
import { learn } from '../learn.js';
import { i18next } from './i18n.js';

/** What the core answers, built with the core's own error and catalog, as a transport delivers it. */
const answers: Partial<Record<string, ApiResult<unknown>>> = {
  openLearnerSession: {
    ok: false,
    error: new LearnError('too-many-attempts', say('pin-locked', { name: 'Ada', seconds: 1500 }), {
      retryAfterMs: 1_500_000,
    }).toBody(),
  },
  getPlaygroundStatus: {
    ok: true,
    value: {
      state: 'docker-missing',
      message: say('docker-missing').text,
      messageI18n: refOf(say('docker-missing')),
      help: say('while-code-cannot-run').text,
      helpI18n: refOf(say('while-code-cannot-run')),
      fix: 'Install Docker (on Debian: apt-get install docker.io).',
      runtime: 'python-3.11',
      image: 'lionlearn-sandbox/python-3.11:abc',
      canRun: false,
    },
  },
  // A core newer than this face: a key the catalog does not have yet keeps the English it came with.
  listLearners: {
    ok: false,
    error: { code: 'internal', message: 'A sentence from the future.', messageI18n: { key: 'not-in-the-catalog' } },
  },
};

const bridge = {
  ...Object.fromEntries(learnMethods.map((name) => [name, () => Promise.resolve(answers[name])])),
  onEvent: () => () => {},
} as unknown as LearnBridge;

describe("the core's sentences in the learner's language", () => {
  beforeAll(async () => {
    (globalThis as { window?: unknown }).window = { learn: bridge };
    await i18next.changeLanguage('de');
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
    delete (globalThis as { window?: unknown }).window;
  });

  it('shows a core error with a code in German, its numbers in German form, and keeps the code', async () => {
    const error = await learn()
      .openLearnerSession({ learnerId: 'x' } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LearnError);
    expect((error as LearnError).code).toBe('too-many-attempts');
    expect((error as LearnError).retryAfterMs).toBe(1_500_000);
    expect((error as LearnError).message).toBe('Zu viele falsche PINs für Ada: Versuche es in 1.500 s erneut.');
  });

  it('shows why code cannot run in German on the screen that says it', async () => {
    const status = await learn().getPlaygroundStatus({} as never);
    const html = renderToStaticMarkup(<SandboxHelp status={status} admin={false} />);
    expect(html).toContain('Docker, das Code sicher ausführt, ist auf diesem Computer nicht installiert');
    expect(html).toContain('Inzwischen kannst du Lektionen lesen');
    expect(html).not.toContain('Meanwhile');
  });

  it('keeps the English a newer core sent for a key this face does not know', async () => {
    await expect(learn().listLearners()).rejects.toThrow('A sentence from the future.');
  });
});

describe("the core's events in the learner's language", () => {
  it("says a live check's outcome in German", async () => {
    const { onLearnEvent } = await import('../learn.js');
    let emit: (event: unknown) => void = () => {};
    (globalThis as { window?: unknown }).window = {
      learn: { ...bridge, onEvent: (listener: (event: unknown) => void) => ((emit = listener), () => {}) },
    };
    await i18next.changeLanguage('de');
    try {
      const seen: unknown[] = [];
      const stop = onLearnEvent((event) => seen.push(event));
      const outcome = say('run-timed-out', { seconds: 5 });
      emit({
        type: 'live-feedback',
        liveId: 'live-x',
        state: 'done',
        result: { status: 'error', message: outcome.text, messageI18n: refOf(outcome), tests: [] },
      });
      stop();
      expect(seen).toEqual([
        expect.objectContaining({
          result: expect.objectContaining({ message: expect.stringMatching(/^Es war nicht innerhalb von 5 s fertig/) }),
        }),
      ]);
    } finally {
      await i18next.changeLanguage('en');
      delete (globalThis as { window?: unknown }).window;
    }
  });
});
