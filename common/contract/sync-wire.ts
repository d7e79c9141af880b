import { z } from 'zod';

/**
 * The sync wire, written once for the app, the sync server, the tests and the benchmarks: the frames' message
 * types, the close codes, the token answer of the auth routes and the Yjs root of each document.
 */

/** y-websocket's message types (the first varint of a frame), plus our acknowledgement. */
export const SYNC_MESSAGE = {
  sync: 0,
  awareness: 1,
  queryAwareness: 3,
  /**
   * Ours, only to sockets opened with `?ack=1`: sent after each update the socket wrote, once it is committed,
   * followed by the document's state vector after the commit (a varUint8Array).
   */
  ack: 100,
} as const;

/**
 * How the server closes a sync socket. A refused upgrade answers the HTTP status of the same number without the
 * leading 4 (400, 401, 403, 404, 429), which clients read as the close code.
 */
export const SYNC_CLOSE = {
  /** A frame over the server's limit (ws's own code). */
  tooLarge: 1009,
  /** The server failed (storage unavailable, a commit that failed); reconnect later. */
  internal: 1011,
  /** The server is shutting down; reconnect (to another instance behind a load balancer). */
  restart: 1012,
  /** A frame the server cannot read: a text frame, bad varints, an update Yjs cannot apply. */
  badFrame: 4400,
  /** The access token is missing, expired or revoked: renew it and reconnect. */
  auth: 4401,
  /** This account may not open the document, or wrote to one it may only read. */
  forbidden: 4403,
  /** The document's account does not exist (answered as HTTP 404 before the upgrade). */
  noAccount: 4404,
  /**
   * The socket did not read what the server sent: more than the server's outbound limit waited in its buffer.
   * The client may reconnect; a device that reads as it goes never meets it.
   */
  slowReader: 4408,
  /** Presence or held-back updates over the server's limits. */
  stateTooLarge: 4413,
  /** The account already has as many sync sockets open on this server as it may; close some and retry later. */
  tooManySockets: 4429,
} as const;
export type SyncCloseCode = (typeof SYNC_CLOSE)[keyof typeof SYNC_CLOSE];

/** The close code that means what a refused upgrade's HTTP status means (`undefined` for other statuses). */
export const closeCodeOfStatus = (status: number): SyncCloseCode | undefined =>
  Object.values(SYNC_CLOSE).find((code) => code === 4000 + status);

/** The sync server's account roles. */
export const syncRoleSchema = z.enum(['learner', 'teacher', 'admin']);
export type SyncRole = z.infer<typeof syncRoleSchema>;

/** An account as the auth routes show it. */
export const syncAccountSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: syncRoleSchema,
});
export type SyncAccount = z.infer<typeof syncAccountSchema>;

/** What POST /auth/login and /auth/refresh answer; the refresh token rotates at every refresh. */
export const syncTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Seconds the access token lives. */
  expiresIn: z.number().positive(),
  account: syncAccountSchema,
});
export type SyncTokens = z.infer<typeof syncTokensSchema>;

/** The inbox item (an element of the inbox document's array) lives in ./notifications.ts. */

/**
 * The one root type of each document, by the document's kind (its key before any `/`): defined before any
 * state is applied, so Yjs never has to guess its kind. Progress maps eventId -> DomainEvent.
 */
export const SYNC_ROOTS = {
  prefs: { name: 'prefs', type: 'map' },
  notes: { name: 'notes', type: 'map' },
  inbox: { name: 'items', type: 'array' },
  progress: { name: 'events', type: 'map' },
} as const;
export type SyncRootKind = keyof typeof SYNC_ROOTS;

/** The root of the document stored under `key` (`prefs`, `notes`, `inbox` or `progress/<term>`). */
export const syncRootOf = (key: string): (typeof SYNC_ROOTS)[SyncRootKind] =>
  SYNC_ROOTS[(key.startsWith('progress/') ? 'progress' : key) as SyncRootKind] ?? SYNC_ROOTS.progress;

/**
 * Keys of the notes document (a Y.Map) that hold exercise code rather than notes. A draft is a Y.Text, so
 * edits from two devices merge; the last submission is a plain string, the newer submission winning.
 */
export const NOTES_KEYS = {
  draft: 'draft/',
  submission: 'submission/',
} as const;
export const draftNoteKey = (exerciseId: string): string => `${NOTES_KEYS.draft}${exerciseId}`;
export const submissionNoteKey = (exerciseId: string): string => `${NOTES_KEYS.submission}${exerciseId}`;
