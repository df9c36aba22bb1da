/** MAJOR.MINOR.PATCH versions: the platform's, Packer's and its plugin's. */

/** A release version as AWS and HashiCorp list them (no pre-release, no metadata). */
export const SEMVER = /^\d+\.\d+\.\d+$/;

/** A version a user writes in an input (platform, Packer, plugin): no leading zeros, each part of at most 9 digits. */
export const VERSION_INPUT = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Whether `version` is `floor` or later. */
export const atLeast = (version: string, floor: string): boolean => compareVersions(version, floor) >= 0;
