/**
 * Deleting EC2 resources the way every path of the action needs: gone is
 * success, an instance is waited for until terminated (its security group
 * cannot go before), and a group still held by a terminated instance's network
 * interface (AWS reports it for a while) is tried again.
 */
import {
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DeleteSnapshotCommand,
  DeregisterImageCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  EC2Client,
  Image,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { errorCode, isNotFound, isTransient } from '../lib/aws-errors';
import type { Clock } from '../lib/clock';
import type { Log } from '../lib/log';
import { backoff } from '../lib/retry';

/** Terminates the instances and waits (at most ten minutes) until EC2 reports them terminated. */
export async function terminateInstances(ec2: EC2Client, ids: string[], log: Log, clock: Clock): Promise<void> {
  if (!ids.length) return;
  try {
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
  } catch (error) {
    if (isNotFound(error, 'InvalidInstanceID.NotFound')) return;
    throw error;
  }
  log.info(`Terminating ${ids.join(', ')}…`);
  const until = clock.now() + 10 * 60_000;
  const pause = backoff(2_000, 15_000);
  while (clock.now() < until) {
    try {
      const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
      if ((out.Reservations ?? []).flatMap((r) => r.Instances ?? []).every((i) => i.State?.Name === 'terminated')) return;
    } catch (error) {
      if (isNotFound(error, 'InvalidInstanceID.NotFound')) return;
      if (!isTransient(error)) throw error;
    }
    await clock.sleep(pause.next());
  }
  throw new Error(`${ids.join(', ')} still not terminated after 10 minutes`);
}

/** Deletes a security group, trying again (at most five minutes) while a terminated instance still holds it; false when it was already gone. */
export async function deleteSecurityGroup(ec2: EC2Client, groupId: string, log: Log, clock: Clock): Promise<boolean> {
  const until = clock.now() + 5 * 60_000;
  const pause = backoff(3_000, 20_000);
  for (;;) {
    try {
      await ec2.send(new DeleteSecurityGroupCommand({ GroupId: groupId }));
      return true;
    } catch (error) {
      if (isNotFound(error, 'InvalidGroup.NotFound', 'InvalidGroupId.NotFound')) return false;
      if ((errorCode(error) !== 'DependencyViolation' && !isTransient(error)) || clock.now() >= until) throw error;
    }
    const ms = pause.next();
    log.info(`Security group ${groupId} still in use; trying again in ${Math.round(ms / 1000)} s.`);
    await clock.sleep(ms);
  }
}

/** Deletes a key pair; one that does not exist is success. */
export async function deleteKeyPair(ec2: EC2Client, keyName: string): Promise<void> {
  try {
    await ec2.send(new DeleteKeyPairCommand({ KeyName: keyName }));
  } catch (error) {
    if (!isNotFound(error, 'InvalidKeyPair.NotFound')) throw error;
  }
}

/** The snapshots behind an image's block devices. */
export const imageSnapshots = (image: Image | undefined): string[] =>
  (image?.BlockDeviceMappings ?? []).map((b) => b.Ebs?.SnapshotId).filter((s): s is string => !!s);

/** How long a snapshot may stay "in use" after its image is deregistered, and is tried again meanwhile (boto#3019 saw minutes). */
const SNAPSHOT_IN_USE_MS = 10 * 60_000;

/** Deletes a snapshot, trying again while EC2 still holds it for an image just deregistered; gone is success. */
export async function deleteSnapshot(ec2: EC2Client, snapshotId: string, log: Log, clock: Clock): Promise<void> {
  const until = clock.now() + SNAPSHOT_IN_USE_MS;
  const pause = backoff(2_000, 30_000);
  for (;;) {
    try {
      await ec2.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }));
      return;
    } catch (error) {
      if (isNotFound(error, 'InvalidSnapshot.NotFound')) return;
      if ((errorCode(error) !== 'InvalidSnapshot.InUse' && !isTransient(error)) || clock.now() >= until) throw error;
    }
    const ms = pause.next();
    log.info(`Snapshot ${snapshotId} still in use by the image just deregistered; trying again in ${Math.round(ms / 1000)} s.`);
    await clock.sleep(ms);
  }
}

/**
 * Deregisters an image and deletes its snapshots; one already gone is success. Returns what it
 * removed. DeregisterImage deletes the snapshots itself with DeleteAssociatedSnapshots (in EC2's API
 * since 2025-05; "If a snapshot is associated with multiple AMIs, it is not deleted", API reference)
 * and answers per snapshot: `skipped` is a snapshot another image uses, kept. An endpoint that does
 * not know the parameter (EC2 answers UnknownParameter to a parameter it does not know) gets the
 * older way: deregister, then DeleteSnapshot, tried again while the snapshot is still "in use" by
 * the image just deregistered (InvalidSnapshot.InUse for up to minutes, boto#3019). A snapshot
 * whose deletion failed for the image is deleted the older way too.
 */
export async function deregisterImage(ec2: EC2Client, imageId: string, log: Log, clock: Clock): Promise<string[]> {
  let snapshots: string[] = [];
  let left: string[];
  try {
    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    if (!image || image.State === 'deregistered') return [];
    snapshots = imageSnapshots(image);
    try {
      const out = await ec2.send(new DeregisterImageCommand({ ImageId: imageId, DeleteAssociatedSnapshots: true }));
      const results = out.DeleteSnapshotResults ?? [];
      const kept = results.filter((r) => r.ReturnCode === 'skipped').map((r) => r.SnapshotId);
      if (kept.length) log.info(`Kept snapshot ${kept.join(', ')} of ${imageId}: another image uses it.`);
      snapshots = snapshots.filter((id) => !kept.includes(id));
      left = snapshots.filter((id) => results.find((r) => r.SnapshotId === id)?.ReturnCode !== 'success');
    } catch (error) {
      if (errorCode(error) !== 'UnknownParameter') throw error;
      await ec2.send(new DeregisterImageCommand({ ImageId: imageId }));
      left = snapshots;
    }
  } catch (error) {
    if (isNotFound(error, 'InvalidAMIID.NotFound')) return [];
    throw error;
  }
  for (const snapshotId of left) await deleteSnapshot(ec2, snapshotId, log, clock);
  return [`image ${imageId}`, ...snapshots.map((s) => `snapshot ${s}`)];
}
