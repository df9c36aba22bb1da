/**
 * The README's least-privilege IAM policies, and what the action's own code
 * sends: the policies are checked against both, so neither drifts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The actions the json block under the README heading `heading` allows. */
export function readmePolicy(heading: string): Set<string> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(`\n${heading}\n`);
  const block = at < 0 ? null : /```json\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error(`README.md has no '${heading}' section with a json block`);
  const policy = JSON.parse(block[1]) as { Statement: { Effect: string; Action: string[] }[] };
  return new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => s.Action));
}

let sources: string | undefined;

/** Whether the action's code sends the SDK command behind an IAM action (`ec2:RunInstances` → `RunInstancesCommand`). */
export function codeSends(action: string): boolean {
  sources ??= fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true })
    .filter((f) => String(f).endsWith('.ts'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'src', String(f)), 'utf8'))
    .join('\n');
  return new RegExp(`\\b${action.split(':')[1]}Command\\b`).test(sources);
}

/** Whether the action's code gives tags at creation (which AWS authorises as ec2:CreateTags). */
export function codeTagsAtCreation(): boolean {
  codeSends('x:x');
  return /TagSpecifications/.test(sources ?? '');
}

/**
 * EC2 actions the smoke test sends only to find what a create call made when its answer was lost
 * (`InvalidKeyPair.Duplicate`, `InvalidGroup.Duplicate`) or its run died before the id came back
 * (a security group known by name): the fault suite's plain-sshd runs reach them.
 */
export const ONLY_WHEN_AN_ANSWER_IS_LOST = ['ec2:DescribeKeyPairs', 'ec2:DescribeSecurityGroups'];

/**
 * Permissions a call needs besides its own action: DeregisterImage with DeleteAssociatedSnapshots
 * deletes each snapshot as the caller, and answers `missing-permissions` for one it may not delete
 * ("the role lacks DeleteSnapshot permissions": API reference, DeleteSnapshotReturnCode).
 */
const NEEDED_BY: Record<string, string[]> = { 'ec2:DeregisterImage': ['ec2:DeleteSnapshot'] };

/** The actions a set of calls needs: each call's own, and what each needs besides. */
export const neededFor = (seen: string[]): string[] => [...new Set(seen.flatMap((a) => [a, ...(NEEDED_BY[a] ?? [])]))];
