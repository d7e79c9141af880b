import { describe, expect, it } from 'vitest';
import { startWebServerFixture } from './web-server-fixture.js';
import { exposureRefusal, lanWarning } from './web-exposure.js';

describe('listening beyond loopback', () => {
  it('is refused without --allow-lan, with a message that names the flag and the risk', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'lab-12.school.lan', '127.evil.example'])
      expect(exposureRefusal(host, false)?.text).toMatch(/--allow-lan.*read and change every learner/);
    for (const host of ['127.0.0.1', '::1', 'localhost']) expect(exposureRefusal(host, false)).toBeUndefined();
    expect(exposureRefusal('0.0.0.0', true)).toBeUndefined();
    for (const host of ['', ' ']) expect(exposureRefusal(host, true)?.text).toMatch(/--host needs an address/);
  });

  it('warns, with --allow-lan, what is exposed, to whom and how', () => {
    const warning = lanWarning('192.168.1.20', 4780, 'T'.repeat(32));
    expect(warning).toMatch(/WARNING/);
    expect(warning).toMatch(/Anyone on the network who has the link/);
    expect(warning).toMatch(/every learner's progress/);
    expect(warning).toMatch(/plain HTTP/);
    expect(warning).toContain(`http://192.168.1.20:4780/#token=${'T'.repeat(32)}`);
  });

  it('is refused by the server itself, as is a weak token, whoever starts it', async () => {
    await expect(startWebServerFixture({ host: '0.0.0.0' })).rejects.toThrow(/--allow-lan/);
    await expect(startWebServerFixture({ token: 'short-token' })).rejects.toThrow(/at least 32/);
  });
});
