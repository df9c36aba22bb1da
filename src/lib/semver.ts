/** MAJOR.MINOR.PATCH versions: the platform's, Packer's and its plugin's. */

/** A release version as AWS and HashiCorp list them (no pre-release, no metadata). */
export const SEMVER = /^\d+\.\d+\.\d+$/;

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** Whether `version` is `floor` or later. */
export const atLeast = (version: string, floor: string): boolean => compareVersions(version, floor) >= 0;
