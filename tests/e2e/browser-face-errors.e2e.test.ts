import { describe, expect, it } from 'vitest';
import { appInChromium } from './support/app-in-chromium.js';
import { ModuleListPage } from './pages/module-list-page.js';

interface BridgeResult {
  ok: boolean;
  error?: { code?: unknown; message?: unknown };
}

/** The renderer's `window.learn`, as far as this test calls it (the renderer's own typing is DOM-side). */
type PageWindow = { learn: { createLearner(input: unknown): Promise<BridgeResult> } };

// The renderer's own transport in Chromium, against the real server: a refusal the framework raises
// (here a body over the 1 MB limit) reaches the app as a contract error it can show.
describe('the browser face’s refusals in Chromium', () => {
  const app = appInChromium('e2e-errors-');

  it('gives the app a real code and message for an over-limit call', async () => {
    await new ModuleListPage(app.page).open(app.url);
    const result = await app.page.evaluate(() =>
      (window as unknown as PageWindow).learn.createLearner({ profile: { displayName: 'x'.repeat(2 * 1024 * 1024) } }),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: expect.stringContaining('1 MB') as string,
        // The catalog's reference, so the German app says it in German.
        messageI18n: { key: 'web-request-too-large', params: { megabytes: 1 } },
      },
    });
  });
});
