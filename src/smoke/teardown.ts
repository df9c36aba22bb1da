/** Removing what the smoke test created, from whatever the ledger knew when the run ended or died. */
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { Clock, realClock } from '../lib/clock';
import { describeResource } from '../resources/describe';
import type { Resource } from '../resources/ledger';
import { deleteKeyPair, deleteSecurityGroup, terminateInstances } from '../resources/ec2-delete';
import { Ec2Deps, findGroup } from './instance';

async function instanceIds(ec2: EC2Client, r: Extract<Resource, { kind: 'instance' }>): Promise<string[]> {
  if (r.instanceId) return [r.instanceId];
  const out = await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: [r.clientToken] }] }));
  return (out.Reservations ?? [])
    .flatMap((res) => res.Instances ?? [])
    .filter((i) => i.State?.Name !== 'terminated')
    .map((i) => i.InstanceId as string);
}

async function terminateInstance(deps: Ec2Deps, r: Extract<Resource, { kind: 'instance' }>, clock: Clock): Promise<void> {
  await terminateInstances(deps.ec2, await instanceIds(deps.ec2, r), deps.log, clock);
}

async function deleteGroup(deps: Ec2Deps, r: Extract<Resource, { kind: 'security-group' }>, clock: Clock): Promise<void> {
  const groupId = r.groupId ?? (await findGroup(deps.ec2, r.groupName, r.vpcId));
  if (groupId) await deleteSecurityGroup(deps.ec2, groupId, deps.log, clock);
}

/**
 * Deletes one recorded smoke-test resource and releases it from the ledger.
 * Works from whatever the ledger knew when the run died: a client token, a
 * group name. Something already gone is success.
 */
export async function teardownSmokeResource(resource: Resource, deps: Ec2Deps): Promise<void> {
  const clock = deps.clock ?? realClock;
  await removeOnce(resource, deps, clock);
  // Without an id, the creating call's fate is unknown: a request sent just before the run died
  // can still land after the first look. Look once more a little later.
  const inDoubt =
    (resource.kind === 'instance' && !resource.instanceId) ||
    (resource.kind === 'security-group' && !resource.groupId) ||
    (resource.kind === 'key-pair' && !resource.keyPairId);
  if (inDoubt) {
    await clock.sleep(deps.doubtMs ?? 15_000);
    await removeOnce(resource, deps, clock);
  }
  deps.ledger.release(resource);
  deps.log.info(`Removed ${describeResource(resource)}.`);
}

async function removeOnce(resource: Resource, deps: Ec2Deps, clock: Clock): Promise<void> {
  switch (resource.kind) {
    case 'instance':
      await terminateInstance(deps, resource, clock);
      break;
    case 'security-group':
      await deleteGroup(deps, resource, clock);
      break;
    case 'key-pair':
      await deleteKeyPair(deps.ec2, resource.keyName);
      break;
    default:
      throw new Error(`not a smoke-test resource: ${resource.kind}`);
  }
}
