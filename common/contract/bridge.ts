import type { z } from 'zod';
import { isLearnMethod, learnApi, learnMethods } from './api.js';
import type { LearnApi, LearnMethod, LearnService, OutputOf } from './api.js';
import { localized } from '../i18n/localize.js';
import type { Translate } from '../i18n/localize.js';
import { say } from '../i18n/message.js';
import { parseInput } from '../i18n/input-issues.js';
import { LearnError } from './errors.js';
import type { ApiResult } from './errors.js';
import type { LearnEvent } from './events.js';

/**
 * `window.learn`: the contract as a transport carries it. Results come as envelopes
 * because Electron's contextBridge drops custom properties of thrown errors.
 */
export type LearnBridge = { [M in LearnMethod]: (input?: unknown) => Promise<ApiResult<OutputOf<M>>> } & {
  onEvent(listener: (event: LearnEvent) => void): () => void;
  /**
   * Resolves once events reach this page: an event the core emits before is not delivered. The browser face's
   * WebSocket takes a moment to open, and a call made meanwhile (listing notifications, which decides the alerts
   * due) would tell of its alerts to nobody. Absent where events flow at once (Electron's IPC).
   */
  eventsReady?(): Promise<void>;
};

export interface ImportProgress {
  /** Upload to the app (browser face only), then verify and unpack. */
  phase: 'upload' | 'install';
  bytes: number;
  total: number;
}

/**
 * Importing a pack the learner picked in a file dialog. Not a plain call: the file is a browser
 * object (uploaded by the browser face, turned into a path by the Electron preload).
 */
export interface PackImportOptions {
  allowDowngrade: boolean;
  /** The admin session installing it (installPack is an admin method). */
  session: string;
}

export interface PackImportBridge<F> {
  importPackFile(
    file: F,
    options: PackImportOptions,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ApiResult<OutputOf<'installPack'>>>;
}

/** Publishing a picked pack file on the class server (publishPack), as the admin of `session`. */
export interface PackPublishOptions {
  session: string;
  /** The profile whose linked class server account (a server admin) publishes. */
  learnerSession: string;
}

/** Like the import: the browser face uploads the file (progress 'upload'), the desktop app sends its path. */
export interface PackPublishBridge<F> {
  publishPackFile(
    file: F,
    options: PackPublishOptions,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ApiResult<OutputOf<'publishPack'>>>;
}

/** The one place a transport's caller validates a payload and turns failures into envelopes. */
export async function dispatch(
  service: LearnService,
  methodName: string,
  rawInput: unknown,
  onInternalError: (error: unknown) => void,
): Promise<ApiResult<unknown>> {
  if (!isLearnMethod(methodName)) {
    return {
      ok: false,
      error: new LearnError('unknown-method', say('unknown-method', { method: methodName })).toBody(),
    };
  }
  const parsed = parseInput(learnApi[methodName].input as z.ZodType<unknown>, rawInput);
  if (!parsed.success) {
    const { problem } = parsed;
    return {
      ok: false,
      error: new LearnError('invalid-input', say('input-invalid', { method: methodName, problem })).toBody(),
    };
  }
  try {
    const call = service[methodName] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await call.call(service, parsed.data) };
  } catch (error) {
    if (error instanceof LearnError) return { ok: false, error: error.toBody() };
    onInternalError(error);
    return { ok: false, error: new LearnError('internal', say('internal-error')).toBody() };
  }
}

/**
 * A bridge whose answers and events come with the core's sentences in the face's language: every
 * `foo` with a `fooI18n` reference (an error's message, a run's outcome, a status) is translated here,
 * once, so screens show `foo` as they always did.
 */
export function localizedBridge<B extends LearnBridge>(bridge: B, translate: Translate): LearnBridge {
  const methods = learnMethods.map((name) => {
    const call = async (input?: unknown) => localized(await bridge[name](input), translate);
    return [name, call] as const;
  });
  const answers = Object.fromEntries(methods) as unknown as Omit<LearnBridge, 'onEvent' | 'eventsReady'>;
  return {
    ...answers,
    onEvent: (listener) => bridge.onEvent((event) => listener(localized(event, translate))),
    ...(bridge.eventsReady ? { eventsReady: () => bridge.eventsReady!() } : {}),
  };
}

/** Turns a bridge back into plain async methods that throw `LearnError`. */
export function createApiClient(bridge: LearnBridge): LearnApi {
  const entries = learnMethods.map((name) => {
    const call = async (input?: unknown) => {
      const result = await bridge[name](input);
      if (!result.ok) throw LearnError.fromBody(result.error);
      return result.value;
    };
    return [name, call] as const;
  });
  return Object.fromEntries(entries) as unknown as LearnApi;
}
