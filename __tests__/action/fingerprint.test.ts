/**
 * A build's fingerprint: the base image found as the amazon plugin finds it
 * (one DescribeImages with the template's filter and owners, the newest with
 * most_recent), and what a later run says changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import { changedInputs, describeBuildInputs, fingerprintOf, resolveBaseImages, BuildInputs } from '../../src/builders/fingerprint';
import type { PackerTemplate } from '../../src/platform/definition';
import { CANONICAL } from '../../test/aws-standin/ec2';
import { standinImage, standinPerTest } from '../helpers/standin-images';

const TEMPLATE = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../platform/custom_platform.json'), 'utf8')) as PackerTemplate;
const noble = (date: string) => `ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-${date}`;

describe("a build's fingerprint", () => {
  const each = standinPerTest();
  const ec2 = () => each.clientsFor('eu-west-1').get(EC2Client);
  const canonical = (date: string, over: { architecture?: string; ownerId?: string } = {}) =>
    standinImage(each.standin(), 'eu-west-1', {
      name: noble(date),
      ownerId: CANONICAL,
      creationDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}T10:00:00.000Z`,
      ...over,
    }).id;

  it("takes the newest of the template's filter's images, from its owners only, as the plugin's most_recent does", async () => {
    canonical('20260101');
    const newest = canonical('20260301');
    canonical('20260201');
    canonical('20260401', { architecture: 'arm64' });
    canonical('20260501', { ownerId: '111122223333' });
    expect(await resolveBaseImages(ec2(), TEMPLATE, {}, {})).toEqual({ ids: [newest], names: [noble('20260301')] });
  });

  it('resolves the filter through the -var values: another release is another base image', async () => {
    canonical('20260101');
    const jammy = standinImage(each.standin(), 'eu-west-1', { name: 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20260101', ownerId: CANONICAL }).id;
    expect(await resolveBaseImages(ec2(), TEMPLATE, { ubuntu_release: '22.04' }, {})).toMatchObject({ ids: [jammy] });
  });

  it('is unknown, as Packer would fail, when nothing matches or several match without most_recent; and when only Packer can resolve a value', async () => {
    expect(await resolveBaseImages(ec2(), TEMPLATE, {}, {})).toEqual({
      unknown: expect.stringMatching(/^no image matches builders\[0\]'s source image \(Packer would fail/),
    });
    canonical('20260101');
    canonical('20260201');
    const loose = structuredClone(TEMPLATE);
    delete (loose.builders?.[0].source_ami_filter as { most_recent?: boolean }).most_recent;
    expect(await resolveBaseImages(ec2(), loose, {}, {})).toEqual({ unknown: expect.stringMatching(/matches 2 images and most_recent is not set/) });
    const timed = structuredClone(TEMPLATE);
    (timed.builders?.[0].source_ami_filter as { filters: Record<string, string> }).filters.name = 'ubuntu-{{timestamp}}';
    expect(await resolveBaseImages(ec2(), timed, {}, {})).toEqual({
      unknown: expect.stringMatching(/filters\.name \("ubuntu-\{\{timestamp\}\}"\) is resolved only by Packer/),
    });
    expect(await resolveBaseImages(ec2(), undefined, {}, {})).toEqual({ unknown: expect.stringMatching(/not JSON/) });
  });

  it('takes a source_ami as it is, checked to exist', async () => {
    const id = canonical('20260101');
    const pinned = { builders: [{ type: 'amazon-ebs', source_ami: '{{user `base`}}' }], variables: { base: id } } as PackerTemplate;
    expect(await resolveBaseImages(ec2(), pinned, {}, {})).toMatchObject({ ids: [id] });
  });

  it('changes with every input, and a later run says which moved', () => {
    const b: BuildInputs = {
      platformName: 'web',
      bundleSha256: 'a'.repeat(64),
      baseImages: ['ami-01'],
      builder: 'packer',
      packer: { version: '1.16.0', plugin: '1.8.2', variables: { x: '1' } },
    };
    const same = fingerprintOf({ ...b, packer: { version: '1.16.0', plugin: '1.8.2', variables: { x: '1' } } });
    expect(same).toBe(fingerprintOf(b));
    const others = [
      { ...b, baseImages: ['ami-02'] },
      { ...b, bundleSha256: 'b'.repeat(64) },
      { ...b, platformName: 'api' },
      { ...b, builder: 'elastic-beanstalk' as const, packer: undefined },
      { ...b, packer: { version: '1.16.1', plugin: '1.8.2', variables: { x: '1' } } },
      { ...b, packer: { version: '1.16.0', plugin: '1.8.2', variables: { x: '2' } } },
    ];
    expect(new Set([fingerprintOf(b), ...others.map(fingerprintOf)]).size).toBe(others.length + 1);
    expect(describeBuildInputs(b).length).toBeLessThanOrEqual(255);
    expect(changedInputs(describeBuildInputs(b), describeBuildInputs(others[0]))).toEqual(['the base image moved: ami-01 → ami-02']);
    expect(changedInputs(describeBuildInputs(b), describeBuildInputs(others[1]))).toEqual([`the bundle changed: ${'a'.repeat(12)}… → ${'b'.repeat(12)}…`]);
    expect(changedInputs(describeBuildInputs(b), describeBuildInputs(others[4]))).toEqual(['the Packer release changed: 1.16.0 → 1.16.1']);
  });
});
