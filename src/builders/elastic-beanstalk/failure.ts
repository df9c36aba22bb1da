import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { describeError } from '../../lib/errors';
import { parseMachineLine } from '../packer/output';
import type { BuildEvent } from './events';

/**
 * The ERROR events a failed build ends with that only say it failed, in the
 * order public transcripts of real `ebp create` runs show them: Packer's own
 * error comes before them and is the one worth reading.
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

/** Where Elastic Beanstalk keeps Packer's output for a build (the EB CLI's `ebp logs`, ebcli/operations/platformops.py). */
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
 * What a person reads of one line of the builder's log. The builder runs Packer
 * with machine-readable output and logs each line through its own logger
 * (`I, [2017-11-21T19:13:21.560213+0000#29667]  INFO -- Packer: 1511291601,,ui,message,    HVM AMI builder: …`,
 * the form the EB CLI's tests parse, tests/unit/operations/test_platformops.py):
 * both layers come off, and a ui line gives its text (which may hold several
 * lines). Anything else is kept as it is.
 */
export function builderLogText(line: string): string[] {
  const logged = /^[A-Z], \[[^\]]*\]\s+[A-Z]+ -- Packer: (.*)$/.exec(line);
  const packer = parseMachineLine(logged ? logged[1] : line);
  if (!packer) return [logged ? logged[1] : line];
  return packer.type === 'ui' ? packer.data.slice(1).join(',').split('\n') : [];
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
      lines: provisionerTail((out.events ?? []).flatMap((e) => (e.message ?? '').replace(/\n$/, '').split('\n')).flatMap(builderLogText), lines),
    };
  } catch (error) {
    return { lines: [], error: describeError(error) };
  }
}
