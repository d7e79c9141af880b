import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../common/security/content-security-policy.js';
import { APP_ENTRY, isAppUrl, resolveAppFile } from './app-protocol.js';
import { isSafeExternalUrl } from './external-url.js';
import { isTrustedSender } from './trusted-sender.js';
import { secureWebPreferences } from './web-preferences.js';

describe('window security policy', () => {
  it('isolates the renderer and gives it no Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('allows no inline script, eval, plugin or framing in the CSP', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
  });
});

describe('app protocol', () => {
  const root = '/opt/app/renderer';

  it('serves files of the built renderer', () => {
    expect(resolveAppFile(root, APP_ENTRY)).toBe('/opt/app/renderer/index.html');
    expect(resolveAppFile(root, 'app://lionlearn/')).toBe('/opt/app/renderer/index.html');
    expect(resolveAppFile(root, 'app://lionlearn/assets/index-1.js')).toBe('/opt/app/renderer/assets/index-1.js');
  });

  it.each([
    'app://lionlearn/../../etc/passwd',
    'app://lionlearn/%2e%2e/%2e%2e/etc/passwd',
    'app://lionlearn/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
    'app://lionlearn/..%5c..%5cetc/passwd',
  ])('never leaves the renderer folder for %s', (url) => {
    const file = resolveAppFile(root, url);
    expect(file === undefined || file.startsWith(`${root}/`)).toBe(true);
  });

  it.each(['app://lionlearn/%00index.html', 'app://other/index.html', 'file:///etc/passwd', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(resolveAppFile(root, url)).toBeUndefined();
    },
  );

  it('knows its own origin', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl('https://lionlearn/index.html')).toBe(false);
  });
});

describe('IPC sender trust', () => {
  it('trusts only the top-level app page', () => {
    expect(isTrustedSender({ url: APP_ENTRY, parent: null })).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('external links', () => {
  it('opens only https links without credentials', () => {
    expect(isSafeExternalUrl('https://docs.python.org/3/')).toBe(true);
    expect(isSafeExternalUrl('http://docs.python.org/3/')).toBe(false);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
  });
});
