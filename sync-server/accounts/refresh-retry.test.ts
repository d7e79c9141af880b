import { afterEach, describe, expect, it } from 'vitest';
import type { SyncServer } from '../server.js';
import { login, registerAccount, request, startTestServer } from '../testing/test-server.js';
import { RETRY_WINDOW_MS } from './refresh-tokens.js';
import type { SessionTokens } from './sessions.js';

// The lost-answer grace is exactly one retry of the last spent token, soon, while its successor is unused.
// Every other reuse of a spent token ends the whole sign-in: these are its edges.

let server: SyncServer;
let now: number;
afterEach(() => server.app.close());

const refresh = (refreshToken: string) => request(server.app, 'POST', '/auth/refresh', { body: { refreshToken } });
const me = (accessToken: string) => request(server.app, 'GET', '/me', { token: accessToken });
const pair = async (refreshToken: string) => {
  const answer = await refresh(refreshToken);
  if (answer.statusCode !== 200) throw new Error(`refresh: ${answer.statusCode} ${answer.body}`);
  return answer.json() as SessionTokens;
};

/** A signed-in device whose first refresh reached the server but whose answer it never got. */
async function lostAnswer() {
  now = Date.parse('2025-03-01T10:00:00Z');
  server = await startTestServer({ now: () => new Date(now) });
  await registerAccount(server.app, 'ada@example.org');
  const held = await login(server.app, 'ada@example.org');
  const lost = await pair(held.refreshToken);
  return { held, lost };
}

/** Every token of the sign-in is refused: its refresh tokens and its access tokens. */
async function expectSignInEnded(...sessions: SessionTokens[]) {
  for (const session of sessions) {
    expect((await me(session.accessToken)).statusCode).toBe(401);
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
  }
}

const expectReuse = (answer: Awaited<ReturnType<typeof refresh>>) => {
  expect(answer.statusCode).toBe(401);
  expect(answer.json()).toMatchObject({ error: 'unauthorized', message: expect.stringMatching(/already used/) });
};

describe('the lost-answer grace of a refresh token', () => {
  it('takes one retry up to the end of the window, and the pair it gets keeps the sign-in going', async () => {
    const { held, lost } = await lostAnswer();
    now += RETRY_WINDOW_MS;
    const retried = await pair(held.refreshToken);
    expect((await me(retried.accessToken)).statusCode).toBe(200);
    expect((await pair(retried.refreshToken)).account.email).toBe('ada@example.org');
    // The successor it never received was retired: whoever presents it holds a copy.
    expectReuse(await refresh(lost.refreshToken));
  });

  it('ends the sign-in at a second retry of the same spent token', async () => {
    const { held, lost } = await lostAnswer();
    const retried = await pair(held.refreshToken);
    expectReuse(await refresh(held.refreshToken));
    await expectSignInEnded(retried, lost, held);
  });

  it('ends the sign-in at a retry after the window', async () => {
    const { held, lost } = await lostAnswer();
    now += RETRY_WINDOW_MS + 1;
    expectReuse(await refresh(held.refreshToken));
    await expectSignInEnded(lost, held);
  });

  it('ends the sign-in at a retry once the successor was used', async () => {
    const { held, lost } = await lostAnswer();
    const next = await pair(lost.refreshToken);
    expectReuse(await refresh(held.refreshToken));
    await expectSignInEnded(next, lost);
  });

  it('ends the sign-in at a retry of an older spent token, not the last one', async () => {
    const { held, lost } = await lostAnswer();
    // `lost` was received after all and spent; its own successor is unused, so `lost` is the last spent token.
    const last = await pair(lost.refreshToken);
    expectReuse(await refresh(held.refreshToken));
    await expectSignInEnded(last);
  });

  it('ends the sign-in at a retry of a token whose retry was already taken, even after the next rotation', async () => {
    const { held } = await lostAnswer();
    const retried = await pair(held.refreshToken);
    const next = await pair(retried.refreshToken);
    expectReuse(await refresh(held.refreshToken));
    await expectSignInEnded(next);
  });

  it('gives at most one of several concurrent retries a pair, and ends the sign-in', async () => {
    const { held, lost } = await lostAnswer();
    const answers = await Promise.all(Array.from({ length: 5 }, () => refresh(held.refreshToken)));
    const granted = answers.filter((answer) => answer.statusCode === 200);
    expect(granted.length).toBeLessThanOrEqual(1);
    const refused = answers.filter((answer) => answer.statusCode !== 200);
    expect(refused.map((answer) => answer.statusCode)).toEqual(refused.map(() => 401));
    // The first refused one saw the reuse; those after it find the sign-in already ended.
    expectReuse(refused[0]!);
    await expectSignInEnded(lost, ...granted.map((answer) => answer.json() as SessionTokens));
  });

  it('leaves the other sign-ins of the account alone when one ends for reuse', async () => {
    const { held } = await lostAnswer();
    const phone = await login(server.app, 'ada@example.org');
    await pair(held.refreshToken);
    expectReuse(await refresh(held.refreshToken));
    expect((await me(phone.accessToken)).statusCode).toBe(200);
    expect((await refresh(phone.refreshToken)).statusCode).toBe(200);
  });
});
