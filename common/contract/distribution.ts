import { z } from 'zod';
import { messageRefSchema, say } from '../i18n/message.js';
import type { Said } from '../i18n/message.js';
import { localIdSchema } from './content.js';
import { ruleText } from '../i18n/input-issues.js';

/**
 * The class server's distribution wire, written once for the server, the app, the CLI, the tests and the bench:
 * the pack feed (what every app signed in to the server should have), the pack downloads, the publish answer,
 * the app-update feed and what the app shows of it all.
 */
export const DISTRIBUTION_PATHS = {
  /** GET: the pack feed of the signed-in account, with an ETag; POST (admin): publish an .lpack (the raw body). */
  packs: '/distribution/packs',
  /** GET `${packFile}/<sha256>`: one published file, with HTTP Range. */
  packFile: '/distribution/pack-files',
  /** PUT `${classPacks}/<classId>` (admin): the packs one class gets instead of all. */
  classPacks: '/distribution/class-packs',
  /** The electron-updater "generic" feed: `${appFeed}/latest.yml` and the installers beside it. */
  appFeed: '/distribution/app',
  /** PUT `${appFiles}/<name>` (admin): one installer; PUT `${appRelease}` (admin): the latest.yml that names them. */
  appFiles: '/distribution/app-files',
  appRelease: '/distribution/app-release',
  /**
   * PUT `${appSignatures}/<channel file>` (admin): the publisher's signature of that channel file, served as
   * `${appFeed}/<channel file>.sig`. Apps install only a release whose channel file a key they trust signed.
   */
  appSignatures: '/distribution/app-signatures',
} as const;

/** Where the signature of a channel file is served, beside it: `latest.yml` -> `latest.yml.sig`. */
export const channelSignatureName = (channel: string): string => `${channel}.sig`;

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, ruleText('rule-sha256'));

const packIdSchema = localIdSchema;

export const feedPackSchema = z.strictObject({
  packId: packIdSchema,
  version: z.string().min(1).max(64),
  sha256: sha256Schema,
  bytes: z.number().int().positive(),
  /** The key the server verified it with. The app checks the signature again against its own trust store. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publishedAt: z.iso.datetime(),
});
export type FeedPack = z.infer<typeof feedPackSchema>;

/** The newest published version of each pack this account's classes get (all published packs by default). */
export const packFeedSchema = z.strictObject({ packs: z.array(feedPackSchema).max(10_000) });
export type PackFeed = z.infer<typeof packFeedSchema>;

export const publishResultSchema = feedPackSchema.extend({
  /** 'published': new on the server; 'unchanged': these exact bytes were published before. */
  status: z.enum(['published', 'unchanged']),
});
export type PublishResult = z.infer<typeof publishResultSchema>;

/** The browser face's publish upload names the profile whose linked account publishes in this header (not the URL). */
export const LEARNER_SESSION_HEADER = 'x-lionlearn-learner-session';

/** What a publish did, in one sentence (the CLI prints it; the app says it in the learner's language). */
export function publishedMessage(result: PublishResult, server: string): Said {
  const { packId, version } = result;
  return result.status === 'published'
    ? say('pack-published', { packId, version, keyId: result.keyId, sha256: result.sha256.slice(0, 12), server })
    : say('pack-published-already', { packId, version });
}

/** The publish's sentence in English (logs, tests). */
export const publishedSentence = (result: PublishResult, server: string): string =>
  publishedMessage(result, server).text;

export const classPacksSchema = z.strictObject({
  /** The pack ids this class gets; null puts it back on all published packs. */
  packIds: z.array(packIdSchema).max(1_000).nullable(),
});
export type ClassPacks = z.infer<typeof classPacksSchema>;

/** An app's staged rollout: the share of apps (0-100) that see a release. */
export const stagingPercentageSchema = z.number().int().min(0).max(100);

/** An installer's name in the app feed: a plain file name, no path, no hidden file. */
export const appFileNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._ +-]{0,199}$/,
    'an installer name is a plain file name (letters, digits, . _ - + space)',
  )
  .refine((name) => !/^latest.*\.yml(\.sig)?$/.test(name) && !name.includes('..'), ruleText('rule-feed-name'));

/** What one pull of the pack feed did, per pack: the app shows the last one. */
export const pullOutcomeSchema = z.strictObject({
  packId: z.string(),
  version: z.string(),
  status: z.enum(['installed', 'already-installed', 'refused']),
  /** Why it was refused (hash, signature, key pin, older than installed...). */
  reason: z.string().optional(),
});
export type PullOutcome = z.infer<typeof pullOutcomeSchema>;

/** The app's side of the pack feed, for the progress it shows. */
export const distributionStatusSchema = z.strictObject({
  state: z.enum(['idle', 'checking', 'downloading', 'installing', 'offline', 'not-signed-in']),
  serverUrl: z.string().nullable(),
  /** The download in progress. */
  current: z.strictObject({ packId: z.string(), version: z.string(), bytes: z.number(), total: z.number() }).nullable(),
  checkedAt: z.iso.datetime().nullable(),
  message: z.string().nullable(),
  outcomes: z.array(pullOutcomeSchema),
});
export type DistributionStatus = z.infer<typeof distributionStatusSchema>;

/** What installing every pack of a folder (a USB stick) did: one line per file. */
export const folderInstallItemSchema = z.strictObject({
  file: z.string(),
  status: z.enum(['installed', 'upgraded', 'skipped', 'refused']),
  packId: z.string().nullable(),
  version: z.string().nullable(),
  /** For upgraded: the version before; for skipped and refused: why. */
  detail: z.string().nullable(),
  detailI18n: messageRefSchema.optional(),
});
export type FolderInstallItem = z.infer<typeof folderInstallItemSchema>;

export const folderInstallSummarySchema = z.strictObject({ items: z.array(folderInstallItemSchema) });
export type FolderInstallSummary = z.infer<typeof folderInstallSummarySchema>;

/** "2 installed, 1 upgraded, 0 skipped, 1 refused": the CLI prints it, the app shows it, each in its language. */
export function folderSummaryMessage({ items }: FolderInstallSummary): Said {
  const count = (status: FolderInstallItem['status']) => items.filter((i) => i.status === status).length;
  return say('folder-install-summary', {
    installed: count('installed'),
    upgraded: count('upgraded'),
    skipped: count('skipped'),
    refused: count('refused'),
  });
}

/** The summary in English (logs, tests). */
export const folderSummaryLine = (summary: FolderInstallSummary): string => folderSummaryMessage(summary).text;

/** The DNS-SD service type a class server announces on the LAN (`_lionlearn._tcp`). */
export const DISCOVERY_SERVICE_TYPE = 'lionlearn';

/** A class server found on the LAN, as the app lists it beside the manual address. */
export const foundServerSchema = z.strictObject({
  name: z.string().max(200),
  /** http://address:port, from the address that answered. */
  url: z.string().max(300),
  /** The server's schema version from its announcement, when it gave one. */
  version: z.string().max(40).nullable(),
});
export type FoundServer = z.infer<typeof foundServerSchema>;

/** electron-updater's channel files: latest.yml (Windows), latest-mac.yml, latest-linux.yml, latest-linux-arm64.yml. */
export const channelFileSchema = z.string().regex(/^latest(-[a-z0-9]+){0,2}\.yml$/, ruleText('rule-channel-file'));

/** What an electron-updater "generic" channel file says (the fields this feed keeps). */
export const appUpdateInfoSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, ruleText('rule-semver')),
  files: z
    .array(
      z.object({
        url: appFileNameSchema,
        sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, ruleText('rule-sha512')),
        size: z.number().int().positive(),
      }),
    )
    .min(1)
    .max(20),
  releaseDate: z.string().max(40).optional(),
  releaseNotes: z.string().max(20_000).nullable().optional(),
});
export type AppUpdateInfo = z.infer<typeof appUpdateInfoSchema>;

/** PUT `${appRelease}/<channel file>`: the release an admin publishes, and the share of apps that see it. */
export const appReleaseInputSchema = z.strictObject({
  info: appUpdateInfoSchema,
  stagingPercentage: stagingPercentageSchema.default(100),
});

/**
 * The channel file exactly as the server writes it and the publisher signs it: built field by field (not from a
 * parsed object's key order), so the CLI that signs and the server that stores make the very same bytes. JSON,
 * which is YAML too. The legacy `path`/`sha512` name the first file, for older updaters.
 */
export function channelFileText(info: AppUpdateInfo, stagingPercentage: number, releaseDate: string): string {
  const files = info.files.map((f) => ({ url: f.url, sha512: f.sha512, size: f.size }));
  const channelFile = {
    version: info.version,
    files,
    path: files[0]!.url,
    sha512: files[0]!.sha512,
    releaseDate,
    ...(info.releaseNotes != null ? { releaseNotes: info.releaseNotes } : {}),
    stagingPercentage,
  };
  return `${JSON.stringify(channelFile, null, 2)}\n`;
}
