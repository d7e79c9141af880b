import { ADMIN_SESSION_HEADER } from '../../common/contract/admin.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackArchive } from '../../content-packs/format/pack-archive.js';
import { writePackFixture } from '../../content-packs/format/pack-fixture.js';
import { generateSigningKeys } from '../../content-packs/format/signing.js';
import { rawRequest, startWebServerFixture, TEST_TOKEN } from './web-server-fixture.js';
import type { RawResponse, WebServerFixture } from './web-server-fixture.js';

const SECRET_NAME = 'Zebulon Quartermain';

/**
 * Spellings of one API path that a router may take for it: percent-encoded letters and slashes,
 * double encoding, case changes, dot segments, doubled and trailing slashes, parameters, absolute form.
 */
function spellingsOf(path: string, port: number): string[] {
  const [, first, ...rest] = path.split('/') as [string, string, ...string[]];
  const tail = rest.join('/');
  const encodeAll = (s: string) => [...s].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  return [
    path,
    `/%61${first.slice(1)}/${tail}`,
    `/${encodeAll(first)}/${tail}`,
    `/${encodeAll(first).toUpperCase()}/${tail}`,
    `/${first}/${encodeAll(tail).replaceAll('%2f', '/')}`,
    `/${first}%2F${tail.replaceAll('/', '%2F')}`,
    `/${first}%2f${tail.replaceAll('/', '%2f')}`,
    `%2F${first}/${tail}`,
    `/%2561${first.slice(1)}/${tail}`,
    `/${first}%252F${tail}`,
    `/%252561${first.slice(1)}/${tail}`,
    `/${first.toUpperCase()}/${tail}`,
    `/${first[0]!.toUpperCase()}${first.slice(1)}/${tail.toUpperCase()}`,
    `/x/../${first}/${tail}`,
    `/./${first}/${tail}`,
    `/${first}/./${tail}`,
    `/${first}/x/../${tail}`,
    `/x/%2e%2e/${first}/${tail}`,
    `/x/%2E%2E%2F${first}/${tail}`,
    `/%2e/${first}/${tail}`,
    `/${first}\\${tail.replaceAll('/', '\\')}`,
    `${path}/`,
    `${path}//`,
    `//${first}/${tail}`,
    `/${first}//${tail}`,
    `${path}?x=1`,
    `${path}?token=`,
    `${path};x=1`,
    `${path}%00`,
    `${path}%20`,
    `${path}#x`,
    `http://127.0.0.1:${port}${path}`,
    `http://evil.example/%61${first.slice(1)}/${tail}`,
  ];
}

const refusalOf = (response: RawResponse) => ({
  status: response.status,
  leaks: response.body.includes(SECRET_NAME) || response.body.includes('"ok":true'),
});

/**
 * A request line Node cannot parse is answered 400 on the raw socket, before the method is known;
 * a HEAD client then sees a body it did not expect and fails to parse the answer. Both are refusals.
 */
const sendOrRefused = (request: Promise<RawResponse>) =>
  request.catch((error: Error) => {
    if (!/Parse Error/.test(error.message)) throw error;
    return { status: 400, headers: {}, body: '' };
  });

describe('the browser face authorizes every /api route it matched, however the path is spelled', () => {
  let web: WebServerFixture;
  let host: string;

  beforeAll(async () => {
    web = await startWebServerFixture();
    host = `127.0.0.1:${web.server.port}`;
    const created = await fetch(`${web.base}/api/call/createLearner`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify({ profile: { displayName: SECRET_NAME } }),
    });
    expect(created.status).toBe(200);
  });
  afterAll(() => web.close());

  it('answers the plain path with the token (so the refusals below are not a broken server)', async () => {
    const response = await rawRequest(web.server.port, {
      method: 'POST',
      path: '/api/call/listLearners',
      headers: { Host: host, 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKEN}` },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain(SECRET_NAME);
  });

  it('refuses every spelling of an API call without the token, whatever the method', async () => {
    const port = web.server.port;
    for (const path of spellingsOf('/api/call/listLearners', port))
      for (const method of ['POST', 'GET', 'HEAD', 'OPTIONS', 'PUT']) {
        const response = await sendOrRefused(
          rawRequest(port, {
            method,
            path,
            headers: { Host: host, 'Content-Type': 'application/json' },
            ...(method === 'POST' || method === 'PUT' ? { body: '{}' } : {}),
          }),
        );
        expect({ method, path, ...refusalOf(response) }).toEqual({
          method,
          path,
          status: expect.toSatisfy((s: number) => s >= 400) as number,
          leaks: false,
        });
      }
  });

  it('answers the spellings the router does match with 401 in the contract format', async () => {
    for (const path of ['/%61pi/call/listLearners', '/api/call/%6cistLearners', '/api/call/listLearners/']) {
      const response = await rawRequest(web.server.port, {
        method: 'POST',
        path,
        headers: { Host: host, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect({ path, status: response.status, body: JSON.parse(response.body) as unknown }).toEqual({
        path,
        status: 401,
        body: {
          ok: false,
          error: {
            code: 'forbidden',
            message: expect.any(String) as string,
            messageI18n: { key: 'web-open-served-link', params: { command: 'lionlearn serve' } },
          },
        },
      });
    }
  });

  it('refuses every spelling of the pack upload without the token, and installs nothing', async () => {
    const keys = generateSigningKeys();
    const post = (method: string, body: unknown) =>
      fetch(`${web.base}/api/call/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKEN}` },
        body: JSON.stringify(body),
      });
    const unlocked = (await (await post('setAdminPassword', { password: 'admin password' })).json()) as {
      value: { session: string };
    };
    const session = unlocked.value.session;
    const trusted = await post('addTrustedKey', { session, publicKey: keys.publicKey, label: 'test' });
    expect(trusted.status).toBe(200);
    const archive = await buildPackArchive(writePackFixture({ id: 'sneaky' }), keys.privateKey);
    for (const path of spellingsOf('/api/upload-pack', web.server.port)) {
      const response = await rawRequest(web.server.port, {
        method: 'PUT',
        path,
        headers: { Host: host, 'Content-Type': 'application/octet-stream', [ADMIN_SESSION_HEADER]: session },
        body: archive,
      });
      expect({ path, status: response.status >= 400, leaks: refusalOf(response).leaks }).toEqual({
        path,
        status: true,
        leaks: false,
      });
    }
    const modules = await fetch(`${web.base}/api/call/listModules`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_TOKEN}` },
      body: '{}',
    });
    expect(((await modules.json()) as { value: { id: string }[] }).value.map((m) => m.id)).not.toContain(
      'sneaky/basics',
    );
  });

  const handshake = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(web.server.port, {
      path,
      headers: {
        Host: host,
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });

  it('refuses every spelling of the events WebSocket without the token', async () => {
    for (const path of spellingsOf('/api/events', web.server.port)) {
      const response = await handshake(path, { Origin: `http://${host}` });
      expect({ path, status: response.status }).toEqual({
        path,
        status: expect.toSatisfy((s: number) => s >= 400) as number,
      });
    }
  });

  it('opens the events WebSocket only from the app’s own origin', async () => {
    const withToken = `/api/events?token=${TEST_TOKEN}`;
    expect((await handshake(withToken, { Origin: `http://${host}` })).status).toBe(101);
    for (const origin of [
      'http://evil.example',
      `http://${host}.evil.example`,
      `https://${host}`,
      `http://localhost:${web.server.port + 1}`,
      'null',
      `http://${host}/`,
    ]) {
      const response = await handshake(withToken, { Origin: origin });
      expect({ origin, status: response.status }).toEqual({ origin, status: 403 });
    }
  });

  it('accepts the token in the query string on the WebSocket alone, where a browser cannot send a header', async () => {
    for (const query of [`token=${TEST_TOKEN}`, `token=${TEST_TOKEN}&token=${TEST_TOKEN}`, 'token[]=x']) {
      const response = await rawRequest(web.server.port, {
        method: 'POST',
        path: `/api/call/listLearners?${query}`,
        headers: { Host: host, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect({ query, status: response.status, leaks: refusalOf(response).leaks }).toEqual({
        query,
        status: 401,
        leaks: false,
      });
    }
    const doubled = await handshake(`/api/events?token=${TEST_TOKEN}&token=${TEST_TOKEN}`);
    expect(doubled.status).toBe(401);
  });

  it('refuses, without the token, every route registered under /api and every method it answers', async () => {
    const apiRoutes = web.server.routes.filter((route) =>
      decodeURIComponent(route.url).toLowerCase().startsWith('/api'),
    );
    // The routes the face is known to have must be among them, so the enumeration cannot pass empty.
    const paths = new Set(apiRoutes.map((route) => route.url));
    for (const known of ['/api/call/:method', '/api/upload-pack', '/api/upload-publish', '/api/events'])
      expect(paths).toContain(known);
    for (const route of apiRoutes) {
      const path = route.url.replaceAll(/:\w+/g, 'listLearners').replaceAll('*', 'anything');
      const response = await rawRequest(web.server.port, {
        method: route.method,
        path,
        headers: { Host: host, 'Content-Type': 'application/json' },
        // Node refuses a body on the methods that have no meaning for one, before any route.
        ...(['POST', 'PUT', 'PATCH', 'QUERY'].includes(route.method) ? { body: '{}' } : {}),
      });
      expect({ route: `${route.method} ${route.url}`, status: response.status }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
    }
  });
});
