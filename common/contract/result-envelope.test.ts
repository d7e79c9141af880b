import { describe, expect, it } from 'vitest';
import { readResultEnvelope } from './result-envelope.js';

describe('reading an HTTP answer as a result envelope', () => {
  it('passes envelopes through', () => {
    expect(readResultEnvelope(200, '{"ok":true,"value":[1]}')).toEqual({ ok: true, value: [1] });
    const failure = { ok: false, error: { code: 'invalid-input', message: 'Too large.' } };
    expect(readResultEnvelope(413, JSON.stringify(failure))).toEqual(failure);
    const locked = { ok: false, error: { code: 'too-many-attempts', message: 'Wait.', retryAfterMs: 3000 } };
    expect(readResultEnvelope(429, JSON.stringify(locked))).toEqual(locked);
  });

  it('turns any other answer into an error with a real code and message', () => {
    const fastify413 =
      '{"statusCode":413,"code":"FST_ERR_CTP_BODY_TOO_LARGE","error":"Payload Too Large","message":"x"}';
    for (const [status, text, code] of [
      [413, fastify413, 'invalid-input'],
      [401, '', 'forbidden'],
      [404, '<html>Not Found</html>', 'not-found'],
      [502, 'Bad Gateway', 'unavailable'],
      [500, '{"ok":false,"error":{"code":"made-up","message":"m"}}', 'internal'],
      [200, '{"ok":false}', 'internal'],
      [200, 'null', 'internal'],
    ] as const) {
      const result = readResultEnvelope(status, text);
      expect(result).toEqual({
        ok: false,
        error: {
          code,
          message: expect.stringContaining(String(status)) as string,
          messageI18n: { key: 'no-readable-result', params: { status } },
        },
      });
    }
  });
});
