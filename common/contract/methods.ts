/** The API's method names, kept free of zod so the sandboxed preload stays small. */
export const learnMethods = [
  'getAppInfo',
  'listModules',
  'getModule',
  'getLesson',
  'searchContent',
  'getModuleStructure',
  'getPrerequisites',
  'getNextContent',
  'getContentVersion',
  'listPacks',
  'installPack',
  'removePack',
  'activatePackVersion',
  'listTrustedKeys',
  'addTrustedKey',
  'removeTrustedKey',
] as const;
export type LearnMethod = (typeof learnMethods)[number];
