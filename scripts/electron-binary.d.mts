/** Why the Electron executable was not found; null when it was. */
export type MissingElectronReason = 'packageMissing' | 'neverDownloaded' | 'binaryMissing' | 'overrideMissing';

export interface ElectronBinary {
  found: boolean;
  reason: MissingElectronReason | null;
  /** Executable path, or the path where it was expected; null when no path is known. */
  path: string | null;
  /** Folder of the installed electron package, or null when it is not installed. */
  packageDir: string | null;
  version: string | null;
}

export function locateElectronBinary(options?: { packageDir?: string | null; env?: NodeJS.ProcessEnv }): ElectronBinary;

export function describeMissingElectron(binary: ElectronBinary): string;
