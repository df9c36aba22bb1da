/**
 * Packer's machine-readable output (`packer build -machine-readable`): one
 * line per message, `timestamp,target,type,data…`, with commas in the data
 * written `%!(PACKER_COMMA)` and newlines `\n` (Packer's docs, "Machine-readable
 * output"). From it the action takes what Packer says, the resources its
 * amazon-ebs builder announces as it makes them, its error, and the AMI.
 */

export interface PackerLine {
  /** Epoch ms, from Packer's own timestamp. */
  at: number;
  target: string;
  type: string;
  data: string[];
}

export function parseMachineLine(line: string): PackerLine | undefined {
  const parts = line.split(',');
  if (parts.length < 3 || !/^\d+$/.test(parts[0])) return undefined;
  const unescape = (s: string) =>
    s
      .replace(/%!\(PACKER_COMMA\)/g, ',')
      .replace(/\\n/g, '\n')
      .replace(/\\r/g, '');
  return { at: Number(parts[0]) * 1000, target: parts[1], type: parts[2], data: parts.slice(3).map(unescape) };
}

/**
 * What Packer's amazon-ebs builder announces making, in its own words (the amazon plugin's
 * builder/common/step_key_pair.go, step_security_group.go, step_run_source_instance.go,
 * builder/ebs/step_create_ami.go). The plugin prints the AMI with ui.Message; Packer before 1.13
 * shows a message indented (`    amazon-ebs.NAME: AMI: ami-…`), 1.13 and later as a say
 * (`==> amazon-ebs.NAME: AMI: ami-…`). A finished build's summary names every AMI again
 * (Packer's command/build.go: `--> NAME: ` and the artifact's String(), `AMIs were created:` then
 * `REGION: ami-…` a line; the plugin's builder/common/artifact.go).
 */
export interface Announced {
  /** Where the ledger's record of the build keeps it. */
  list: 'keyNames' | 'groupNames' | 'instanceIds' | 'imageIds';
  value: string;
}

const ANNOUNCEMENTS: [RegExp, Announced['list']][] = [
  [/Creating temporary keypair: (\S+)/, 'keyNames'],
  [/Creating temporary security group for this instance: (\S+)/, 'groupNames'],
  [/Instance ID: (i-[0-9a-f]+)/, 'instanceIds'],
  [/^\s*(?:==> )?\S+: AMI: (ami-[0-9a-f]+)/, 'imageIds'],
];

/** Everything one message of Packer's announces: one resource, or each AMI of a build's summary. */
export function announcements(message: string): Announced[] {
  const summary = /AMIs were created:\n([\s\S]*)/.exec(message);
  if (summary) return [...summary[1].matchAll(/^\s*[a-z0-9-]+: (ami-[0-9a-f]+)\s*$/gm)].map((m): Announced => ({ list: 'imageIds', value: m[1] }));
  for (const [re, list] of ANNOUNCEMENTS) {
    const m = re.exec(message);
    if (m) return [{ list, value: m[1] }];
  }
  return [];
}

/** The AMI of a finished build, from its artifact line (`artifact,0,id,REGION:ami-…`). */
export function artifactAmi(line: PackerLine, region: string): string | undefined {
  if (line.type !== 'artifact' || line.data[1] !== 'id') return undefined;
  for (const pair of line.data[2]?.split(',') ?? []) {
    const [r, ami] = pair.split(':');
    if (r === region && /^ami-[0-9a-f]+$/.test(ami ?? '')) return ami;
  }
  return undefined;
}

/** A human line of Packer's output, as the log shows it, with Packer's timestamp. */
export function formatPackerLine(line: PackerLine): string | undefined {
  if (line.type !== 'ui') return undefined;
  const text = line.data.slice(1).join(',').replace(/\s+$/, '');
  return text ? `${new Date(line.at).toISOString()} ${text}` : undefined;
}
