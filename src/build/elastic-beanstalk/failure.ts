import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { describeError } from '../../lib/errors';
import type { BuildEvent } from './events';

/**
 * The ERROR events a failed build ends with that only say it failed, in the
 * order real transcripts show them (EB-FACTS): Packer's own error comes
 * before them and is the one worth reading.
 */
const GENERIC_FAILURE = [
  /^'packer build' failed/,
  /Command failed on instance/,
  /^Unsuccessful command execution on instance/,
  /^Failed to create platform version/,
];

/** Packer's own error from a failed build's events ("Packer failed with error: …"), or the most telling ERROR there is. */
export function buildFailureReason(events: BuildEvent[]): string {
  const errors = events.filter((e) => e.severity === 'ERROR');
  const packer = [...errors].reverse().find((e) => /^Packer failed with error/.test(e.message));
  if (packer) return packer.message;
  const specific = [...errors].reverse().find((e) => !GENERIC_FAILURE.some((re) => re.test(e.message)));
  return (specific ?? errors.at(-1))?.message ?? 'no error event was recorded';
}

/** Where Elastic Beanstalk keeps Packer's output for a build (EB-FACTS). */
export function packerLogStream(name: string, version: string): { group: string; stream: string } {
  return { group: `/aws/elasticbeanstalk/platform/${name}`, stream: version };
}

/** Where Packer's own wrap-up starts after a provisioner failed: what follows is its clean-up, not the failure. */
const PACKER_WRAP_UP = /Provisioning step had errors|^Build '[^']+' errored|==> [^:]+: Terminating the source/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\]8;;[^\u0007\u001b]*(\u0007|\u001b\\)/g;

/** The last lines a failing provisioner printed: Packer's output up to its wrap-up, without terminal colours. */
export function provisionerTail(output: string[], lines = 20): string[] {
  const clean = output.map((l) => l.replace(ANSI, '').replace(/\s+$/, ''));
  const end = clean.findIndex((l) => PACKER_WRAP_UP.test(l.trim()));
  return (end >= 0 ? clean.slice(0, end) : clean).filter((l) => l.trim()).slice(-lines);
}

/**
 * The last lines the failing provisioner printed in Packer's output for a
 * build, where its own words are; or why they could not be read.
 */
export async function packerLogTail(logs: CloudWatchLogsClient, name: string, version: string, lines = 20): Promise<{ lines: string[]; error?: string }> {
  const { group, stream } = packerLogStream(name, version);
  try {
    const out = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: false, limit: 200 }));
    return {
      lines: provisionerTail(
        (out.events ?? []).flatMap((e) => (e.message ?? '').replace(/\n$/, '').split('\n')),
        lines,
      ),
    };
  } catch (error) {
    return { lines: [], error: describeError(error) };
  }
}
