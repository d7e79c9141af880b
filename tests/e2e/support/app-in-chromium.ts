import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium, watchForErrors } from './browser.js';
import { startProcess, tempDir } from './processes.js';
import type { Started } from './processes.js';

export interface AppInChromium {
  dataDir: string;
  url: string;
  /** A fresh page (and browser context) per test. */
  page: Page;
  /** Console errors and page errors of the current page. */
  errors: string[];
}

/**
 * The real browser face (`lionlearn serve`, built) in its own process on a fresh data folder, and
 * Debian's Chromium; registers the suite's hooks and fills in the fields as they become known.
 */
export function appInChromium(prefix: string, viewport = { width: 1200, height: 900 }): AppInChromium {
  const app = { dataDir: tempDir(prefix) } as AppInChromium;
  let server: Started | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startProcess(
      ['bin/lionlearn.js', '--data-dir', app.dataDir, 'serve', '--port', '0'],
      /running at (http:\/\/\S+)/,
    );
    app.url = server.match[1]!;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    app.page = await browser!.newPage({ viewport });
    app.errors = watchForErrors(app.page);
  });
  afterEach(() => app.page.close());
  return app;
}
