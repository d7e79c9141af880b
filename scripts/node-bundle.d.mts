import type { BuildOptions } from 'esbuild';

export declare function checkoutCacheDir(root: string, name: string): string;
export declare const nodeBundleOptions: BuildOptions;
export declare function bundleNodeScript(entry: string, outfile: string, options?: BuildOptions): Promise<string>;
