/** The API's method names, kept free of zod so the sandboxed preload stays small. */
export const learnMethods = ['getAppInfo', 'listModules', 'getModule', 'getLesson'] as const;
export type LearnMethod = (typeof learnMethods)[number];
