/**
 * The version rules both builders share, the EB CLI's: `auto` is the next
 * patch after the newest version of the platform whatever its state (a failed
 * 1.0.3 makes the next 1.0.4), 1.0.0 when there is none; an explicit version
 * that exists already is refused before anything starts.
 */
import { StepError } from '../lib/errors';
import { compareVersions, SEMVER } from '../lib/semver';
import type { VersionRequest } from '../inputs';

export { compareVersions };

export function newestVersion(versions: string[]): string | undefined {
  return versions
    .filter((v) => SEMVER.test(v))
    .sort(compareVersions)
    .at(-1);
}

export function nextPatchOf(versions: string[]): string {
  const newest = newestVersion(versions);
  if (!newest) return '1.0.0';
  const [major, minor, patch] = newest.split('.').map(Number);
  return `${major}.${minor}.${patch + 1}`;
}

export interface ResolvedVersion {
  version: string;
  /** How it was chosen, for the log. */
  reason: string;
}

/**
 * Chooses the version from what exists: every version counts for `auto`;
 * `live` names the ones an explicit version may not repeat, with what to say
 * about each.
 */
export function chooseVersion(name: string, request: VersionRequest, all: string[], live: Map<string, string>): ResolvedVersion {
  if (request.kind === 'auto') {
    const newest = newestVersion(all);
    return { version: nextPatchOf(all), reason: `auto: ${newest ? `newest of ${all.length} existing is ${newest}` : 'no version exists yet'}` };
  }
  const clash = live.get(request.version);
  if (clash !== undefined) {
    throw new StepError(
      'version',
      `Platform version ${name}/${request.version} already exists (${clash}). Set platform-version to a new version, or to 'auto' for ${nextPatchOf(all)}.`,
    );
  }
  return { version: request.version, reason: 'given' };
}
