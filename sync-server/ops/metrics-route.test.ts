import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSyncMetrics } from './metrics.js';
import { bearerMatches, isLoopback, registerMetricsRoute } from './metrics-route.js';
import { SYNC_CLOSE } from '../../common/contract/sync-wire.js';

function serverWith(token?: string) {
  const metrics = createSyncMetrics();
  const app = Fastify();
  registerMetricsRoute(app, metrics, token);
  return { app, metrics };
}

describe('/metrics', () => {
  it('reports sockets, documents, commits, relay and ack latency in the Prometheus text format', async () => {
    const { app, metrics } = serverWith();
    metrics.socketOpened();
    metrics.socketOpened();
    metrics.socketClosed(SYNC_CLOSE.restart);
    metrics.docLoaded();
    const timer = metrics.updateReceived();
    timer.relayed();
    timer.committed();
    timer.acked();
    metrics.updateReceived().committed();

    const response = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
    await app.close();

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toMatch(/^lionlearn_sync_open_sockets 1$/m);
    expect(text).toMatch(/^lionlearn_sync_closed_sockets_total\{code="1012"\} 1$/m);
    expect(text).toMatch(/^lionlearn_sync_loaded_docs 1$/m);
    expect(text).toMatch(/^lionlearn_sync_committed_updates_total 2$/m);
    expect(text).toMatch(/^lionlearn_sync_ack_latency_seconds_count 1$/m);
    expect(text).toMatch(/^lionlearn_sync_commit_latency_seconds_count 2$/m);
    expect(text).toMatch(/^lionlearn_sync_relay_latency_seconds_count 1$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds /m);
    expect(text).toMatch(/^process_resident_memory_bytes /m);
  });

  it('keeps two servers in one process apart', async () => {
    const one = serverWith();
    const two = serverWith();
    one.metrics.socketOpened();
    const text = (await two.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).body;
    await Promise.all([one.app.close(), two.app.close()]);
    expect(text).toMatch(/^lionlearn_sync_open_sockets 0$/m);
  });

  it('answers a remote scraper only with the metrics token, whatever X-Forwarded-For says', async () => {
    const { app } = serverWith('scrape-secret');
    const remote = { method: 'GET' as const, url: '/metrics', remoteAddress: '10.0.0.7' };
    const bare = await app.inject({ ...remote, headers: { 'x-forwarded-for': '127.0.0.1' } });
    const wrong = await app.inject({ ...remote, headers: { authorization: 'Bearer nope' } });
    const right = await app.inject({ ...remote, headers: { authorization: 'Bearer scrape-secret' } });
    await app.close();
    expect([bare.statusCode, wrong.statusCode, right.statusCode]).toEqual([401, 401, 200]);
    expect(bare.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('refuses every remote scraper when no token is configured', async () => {
    const { app } = serverWith();
    const response = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '192.168.1.20' });
    const v6 = await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::ffff:127.0.0.1' });
    await app.close();
    expect(response.statusCode).toBe(403);
    expect(v6.statusCode).toBe(200);
  });

  it('recognises loopback and bearer tokens exactly', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '::', undefined, '1127.0.0.1'].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(bearerMatches('Bearer t0ken', 't0ken')).toBe(true);
    expect(bearerMatches('Bearer t0ken2', 't0ken')).toBe(false);
    expect(bearerMatches('t0ken', 't0ken')).toBe(false);
    expect(bearerMatches(undefined, 't0ken')).toBe(false);
  });
});
