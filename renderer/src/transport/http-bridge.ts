import { ADMIN_SESSION_HEADER } from '../../../common/contract/admin.js';
import { learnMethods } from '../../../common/contract/api.js';
import type {
  ImportProgress,
  LearnBridge,
  PackImportBridge,
  PackImportOptions,
  PackPublishBridge,
  PackPublishOptions,
} from '../../../common/contract/bridge.js';
import { LEARNER_SESSION_HEADER } from '../../../common/contract/distribution.js';
import type { ApiResult } from '../../../common/contract/errors.js';
import { learnEventSchema } from '../../../common/contract/events.js';
import type { LearnEvent } from '../../../common/contract/events.js';
import { readResultEnvelope } from '../../../common/contract/result-envelope.js';
import { i18next } from '../i18n/i18n.js';

const MAX_RECONNECT_DELAY_MS = 30_000;
/** How long calls that wait for the event stream wait at most. */
const EVENTS_WAIT_MS = 5_000;

async function call(token: string, method: string, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const response = await fetch(`/api/call/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
    return readResultEnvelope(response.status, await response.text());
  } catch {
    return {
      ok: false,
      error: { code: 'unavailable', message: i18next.t('app.serverGone') },
    };
  }
}

/** Events over one WebSocket, reconnecting with capped exponential backoff and jitter; `opened` at each open. */
function eventStream(token: string, deliver: (event: LearnEvent) => void, opened: () => void): void {
  let attempt = 0;
  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/events?token=${encodeURIComponent(token)}`);
    socket.onopen = () => {
      attempt = 0;
      opened();
    };
    socket.onmessage = (message) => {
      const parsed = learnEventSchema.safeParse(JSON.parse(String(message.data)));
      if (parsed.success) deliver(parsed.data);
    };
    socket.onclose = () => {
      const delay = Math.min(MAX_RECONNECT_DELAY_MS, 500 * 2 ** attempt++) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  };
  connect();
}

/**
 * Uploads a pack with XMLHttpRequest, the one browser API that reports upload progress, to `path` with the
 * sessions in headers (a header, not the query string: a session must not land in a log line).
 */
function upload<T>(
  token: string,
  path: string,
  file: File,
  query: Record<string, string>,
  headers: Record<string, string>,
  onProgress: (p: ImportProgress) => void,
) {
  return new Promise<ApiResult<T>>((resolve) => {
    const request = new XMLHttpRequest();
    // The file's own name, so an error names what the learner chose rather than the server's temp copy.
    request.open('PUT', `${path}?${new URLSearchParams({ ...query, name: file.name })}`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress({ phase: 'upload', bytes: event.loaded, total: event.total });
    request.onload = () => resolve(readResultEnvelope(request.status, request.responseText) as ApiResult<T>);
    request.onerror = () =>
      resolve({
        ok: false,
        error: { code: 'unavailable', message: i18next.t('app.uploadCut') },
      });
    request.send(file);
  });
}

type Bridge = LearnBridge & PackImportBridge<File> & PackPublishBridge<File>;

/** The browser face's `window.learn`: the contract over HTTP, events over WebSocket. */
export function createHttpBridge(token: string): Bridge {
  const listeners = new Set<(event: LearnEvent) => void>();
  let streaming = false;
  let markOpen = () => undefined as void;
  const open = new Promise<void>((resolve) => (markOpen = resolve));
  const stream = () => {
    if (streaming) return;
    streaming = true;
    eventStream(token, (event) => listeners.forEach((l) => l(event)), markOpen);
  };
  const calls = learnMethods.map((method) => [method, (input?: unknown) => call(token, method, input)]);
  return {
    ...Object.fromEntries(calls),
    importPackFile: (file: File, options: PackImportOptions, onProgress: (p: ImportProgress) => void) =>
      upload(
        token,
        '/api/upload-pack',
        file,
        { allowDowngrade: String(options.allowDowngrade) },
        { [ADMIN_SESSION_HEADER]: options.session },
        onProgress,
      ),
    publishPackFile: (file: File, options: PackPublishOptions, onProgress: (p: ImportProgress) => void) =>
      upload(
        token,
        '/api/upload-publish',
        file,
        {},
        { [ADMIN_SESSION_HEADER]: options.session, [LEARNER_SESSION_HEADER]: options.learnerSession },
        onProgress,
      ),
    onEvent(listener: (event: LearnEvent) => void) {
      listeners.add(listener);
      stream();
      return () => listeners.delete(listener);
    },
    // A socket that cannot open (a proxy without WebSocket) must not hold the app back: calls go ahead after a while.
    eventsReady: () => {
      stream();
      return Promise.race([open, new Promise<void>((resolve) => setTimeout(resolve, EVENTS_WAIT_MS))]);
    },
  } as Bridge;
}
