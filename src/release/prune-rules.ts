/**
 * Which of a platform's versions a prune keeps, and why: the same rules for
 * Elastic Beanstalk's platform versions and Packer's images. Never removed:
 * this run's version, one still building, and one something uses (an
 * environment, a launch template's default or latest version, an SSM
 * parameter, a running instance). Failed versions go first; of the others the
 * newest `keep` stay.
 */
import { compareVersions, SEMVER } from '../lib/semver';

export interface PruneCandidate {
  /** What is removed: a platform ARN or an image id. */
  id: string;
  version: string;
  failed: boolean;
  /** Still being made (a platform version Creating, an image pending). */
  building: boolean;
  /** What uses it, in words ("environment web-prod", "launch template lt-1 ($Default)"). */
  usedBy: string[];
}

export interface PruneDecision {
  candidate: PruneCandidate;
  remove: boolean;
  reason: string;
}

export function pruneRules(keep: number): string {
  return (
    `keep the newest ${keep} version(s) of the platform and remove the rest, failed ones first; never this run's version, one still being made, ` +
    `or one that an environment, a launch template's default or latest version, the SSM parameter (now, or as its rollback target) or a running instance uses`
  );
}

export function decidePrune(candidates: PruneCandidate[], keep: number, current: string): PruneDecision[] {
  // Ranked: the versions that work; one still being made is not proven yet.
  const healthy = candidates
    .filter((c) => !c.failed && !c.building && SEMVER.test(c.version))
    .sort((a, b) => compareVersions(b.version, a.version))
    .map((c) => c.id);
  // The current version counts among the kept: it is the newest that passed.
  const newest = new Set(healthy.slice(0, keep));
  const decisions = candidates.map((candidate): PruneDecision => {
    if (candidate.version === current) return { candidate, remove: false, reason: "this run's version" };
    if (candidate.building) return { candidate, remove: false, reason: 'still being made' };
    if (candidate.usedBy.length) return { candidate, remove: false, reason: `used by ${candidate.usedBy.join(', ')}` };
    if (candidate.failed) return { candidate, remove: true, reason: 'failed' };
    if (newest.has(candidate.id)) return { candidate, remove: false, reason: `one of the newest ${keep}` };
    if (!SEMVER.test(candidate.version)) return { candidate, remove: false, reason: `its version '${candidate.version}' is not MAJOR.MINOR.PATCH` };
    return { candidate, remove: true, reason: `older than the newest ${keep}` };
  });
  // Failed first, then oldest first.
  return decisions.sort((a, b) => Number(b.candidate.failed) - Number(a.candidate.failed) || compareVersions(a.candidate.version, b.candidate.version));
}

export function describeDecision(d: PruneDecision): string {
  return `${d.remove ? 'remove' : 'keep'} ${d.candidate.version} (${d.candidate.id}): ${d.reason}`;
}
