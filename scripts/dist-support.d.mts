export interface PackageTarget {
  platform: 'linux' | 'win32' | 'darwin';
  arch: 'x64' | 'arm64' | 'ia32' | 'armv7l';
}

export const DEFAULT_TARGETS: PackageTarget[];

export function electronZipName(version: string, target: PackageTarget): string;

export function electronCacheRoot(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, home?: string): string;

export function findMissingZips(cacheRoot: string, version: string, targets?: PackageTarget[]): string[];

export function explainDownloadFailure(output: string, options: { version: string; cacheRoot: string }): string | null;
