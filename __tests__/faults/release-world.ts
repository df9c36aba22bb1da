/**
 * What the release scenarios share: the promotion inputs, a platform whose smoke test declares one
 * check, a local sshd standing in for the booted instance, and how to find the copies a run made.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Standin } from '../../test/aws-standin/server';
import type { Image } from '../../test/aws-standin/ec2';
import { ScenarioOptions, smokeScenario } from './harness';
import { Sshd, startSshd } from '../helpers/sshd';
import { freePort } from '../helpers/processes';
import { platformFixture } from '../helpers/platform-fixture';

export const BUILD_REGION = 'eu-west-1';
export const COPY_TOKEN_TAG = 'eb-platform-action:copy-token';
export const PROMOTION = {
  'ami-regions': 'eu-central-1, us-east-1',
  'ami-kms-key-ids': 'us-east-1=alias/ami-copies',
  'ami-share-accounts': '210987654321',
  'ami-share-org-arns': 'arn:aws:organizations::123456789012:organization/o-abcdefghij',
  'ssm-parameter': '/platform/web/ami-id',
  'ssm-parameter-platform-arn': '/platform/web/platform-arn',
};

/** An image of the account's in a region, as an earlier release left it. */
export const plainImage = (s: Standin, region: string, name: string, tags: Record<string, string>): string =>
  s
    .ec2In(region)
    .registerImage(
      { name, ownerId: s.account, architecture: 'x86_64', rootDeviceName: '/dev/sda1', virtualizationType: 'hvm', enaSupport: true, volumeSize: 16, tags },
      { sizeGiB: 16 },
    ).id;
export const copiesIn = (s: Standin, region: string): Image[] =>
  s
    .ec2In(region)
    .images()
    .filter((i) => i.tags[COPY_TOKEN_TAG]);
export const liveCopies = (s: Standin) =>
  ['eu-central-1', 'us-east-1'].flatMap((r) =>
    copiesIn(s, r)
      .filter((i) => i.state !== 'deregistered')
      .map((i) => `${r} ${i.id} ${i.state}`),
  );
export const copySnapshots = (s: Standin) =>
  ['eu-central-1', 'us-east-1'].flatMap((r) =>
    s
      .ec2In(r)
      .snapshots()
      .filter((x) => x.tags[COPY_TOKEN_TAG]),
  );

/**
 * Starts the sshd and the platform before the file's tests and stops them after; `release` runs a
 * scenario with the smoke test on that host, in the platform's workspace.
 */
export function releaseWorld() {
  let sshd: Sshd;
  let fixture: ReturnType<typeof platformFixture>;
  beforeAll(async () => {
    sshd = await startSshd({ bootedHost: true });
    fixture = platformFixture();
    fs.writeFileSync(path.join(fixture.dir, 'smoke.yaml'), 'checks:\n  - name: the host answers\n    run: echo ok\n    expect: "^ok$"\n');
  });
  afterAll(async () => {
    await sshd?.stop();
    fixture?.cleanup();
  });
  return {
    release: async (options: ScenarioOptions = {}) =>
      smokeScenario({ ...sshd, sshPort: sshd.port, httpPort: await freePort() }, { workspace: fixture.root, ...options }),
    /** The platform's directory and its workspace (after the file's beforeAll). */
    fixture: () => fixture,
  };
}
