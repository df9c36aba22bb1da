/**
 * The packer builder's own logic against the AWS stand-in, with a packer that
 * speaks Packer's machine-readable output as each version does
 * (helpers/fake-packer.sh): what it announces lands in the ledger as it is
 * announced, in either format Packer prints the AMI in, the AMI comes from the
 * artifact line, a failure quotes the failing provisioner, a cancel gives
 * Packer SIGINT and leaves the rest to teardown, the template copy keeps
 * Packer's security group to the runner and tags what it makes with the run,
 * and no Elastic Beanstalk call is made. The real Packer's runs are in
 * __tests__/e2e; the install in packer-install.test.ts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { announcements, artifactAmi, parseMachineLine } from '../../src/builders/packer/output';
import { realClock } from '../../src/lib/clock';
import { packerSdkReadsEndpoints } from '../../src/builders/packer/pipeline';
import { PACKER_CLEANUP_MS, templateForRun } from '../../src/builders/packer/run';
import { createClients } from '../../src/lib/aws';
import { memoryLog } from '../../src/lib/log';
import { parseInputs } from '../../src/inputs';
import { newReport, runPipeline } from '../../src/pipeline';
import { createLedger, parseLedger } from '../../src/resources/ledger';
import { startStandin, Standin } from '../../test/aws-standin/server';
import { platformFixture } from '../helpers/platform-fixture';
import { STANDIN_CREDENTIALS } from '../helpers/standin-clients';
import { standinImage } from '../helpers/standin-images';

const FAKE = path.resolve(__dirname, '../helpers/fake-packer.sh');

/** What each Packer prints while building the same template, machine-readable (the fake's own output for that version). */
function transcript(version: string): string[] {
  const { execFileSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-'));
  try {
    fs.mkdirSync(path.join(dir, 'github.com/hashicorp/amazon'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'github.com/hashicorp/amazon/packer-plugin-amazon_v1.8.2_x5.0_linux_amd64_SHA256SUM'), '0');
    return execFileSync(FAKE, ['build', 't.json'], { env: { ...process.env, FAKE_PACKER_VERSION: version, PACKER_PLUGIN_PATH: dir }, encoding: 'utf8' }).split(
      '\n',
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("Packer's output", () => {
  it('reads a machine-readable line with its timestamp, unescaping commas and newlines', () => {
    expect(parseMachineLine('1700000000,ebpacker,ui,say,==> ebpacker: a%!(PACKER_COMMA) b\\nc')).toEqual({
      at: 1_700_000_000_000,
      target: 'ebpacker',
      type: 'ui',
      data: ['say', '==> ebpacker: a, b\nc'],
    });
    expect(parseMachineLine('not machine readable')).toBeUndefined();
  });

  it("names what Packer's amazon-ebs builder makes, in its own words, the AMI as each Packer prints it and again from the build's summary", () => {
    expect(announcements('==> ebpacker: Creating temporary keypair: packer_6b07')).toEqual([{ list: 'keyNames', value: 'packer_6b07' }]);
    expect(announcements('==> ebpacker: Creating temporary security group for this instance: packer_6b08')).toEqual([
      { list: 'groupNames', value: 'packer_6b08' },
    ]);
    expect(announcements('    ebpacker: Instance ID: i-0123456789abcdef0')).toEqual([{ list: 'instanceIds', value: 'i-0123456789abcdef0' }]);
    const ami = [{ list: 'imageIds', value: 'ami-0123456789abcdef0' }];
    // Before Packer 1.13, and from 1.13 (Message became Say), and for an HCL source.
    expect(announcements('    ebpacker: AMI: ami-0123456789abcdef0')).toEqual(ami);
    expect(announcements('==> ebpacker: AMI: ami-0123456789abcdef0')).toEqual(ami);
    expect(announcements('==> amazon-ebs.ubuntu: AMI: ami-0123456789abcdef0')).toEqual(ami);
    expect(announcements('--> amazon-ebs.ubuntu: AMIs were created:\neu-west-1: ami-0123456789abcdef0\nus-east-1: ami-00000000000000001\n')).toEqual([
      ...ami,
      { list: 'imageIds', value: 'ami-00000000000000001' },
    ]);
    expect(announcements('==> ebpacker: Waiting for SSH to become available...')).toEqual([]);
  });

  it.each(['1.6.6', '1.12.0', '1.13.0', '1.16.0'])('finds the AMI twice in what Packer %s prints: when CreateImage answers, and in the summary', (version) => {
    const images = transcript(version)
      .map(parseMachineLine)
      .filter((l) => l?.type === 'ui')
      .flatMap((l) => announcements(l!.data.slice(1).join(',')))
      .filter((a) => a.list === 'imageIds');
    expect(images).toEqual([
      { list: 'imageIds', value: 'ami-0123456789abcdef0' },
      { list: 'imageIds', value: 'ami-0123456789abcdef0' },
    ]);
  });

  it("takes the AMI of the run's region from the artifact line", () => {
    const line = parseMachineLine('1700000000,ebpacker,artifact,0,id,us-east-1:ami-00000000000000001%!(PACKER_COMMA)eu-west-1:ami-0123456789abcdef0')!;
    expect(artifactAmi(line, 'eu-west-1')).toBe('ami-0123456789abcdef0');
    expect(artifactAmi(line, 'ap-south-1')).toBeUndefined();
  });
});

describe("the run's copy of the template", () => {
  const fixture = platformFixture();
  afterAll(() => fixture.cleanup());
  const copy = (builder: Record<string, unknown>, endpoint?: string, imageTags: Record<string, string> = {}) => {
    fs.writeFileSync(path.join(fixture.dir, 't.json'), JSON.stringify({ builders: [{ type: 'amazon-ebs', region: '', ...builder }, { type: 'null' }] }));
    const file = templateForRun(fixture.dir, 't.json', {
      region: 'eu-west-1',
      endpoint,
      sourceCidr: '203.0.113.7/32',
      runTags: { 'eb-platform-action:run-id': '9' },
      imageTags,
    });
    return JSON.parse(fs.readFileSync(path.join(fixture.dir, file), 'utf8')).builders as Record<string, unknown>[];
  };

  it("sets the region the template leaves empty, lets SSH in from the runner only, and tags Packer's instance and volumes with the run", () => {
    const [ebs, other] = copy({ run_tags: { Name: 'packer' } });
    expect(ebs).toMatchObject({
      region: 'eu-west-1',
      temporary_security_group_source_cidrs: ['203.0.113.7/32'],
      run_tags: { Name: 'packer', 'eb-platform-action:run-id': '9' },
      run_volume_tags: { 'eb-platform-action:run-id': '9' },
    });
    expect(ebs.custom_endpoint_ec2).toBeUndefined();
    expect(other).toEqual({ type: 'null' });
    expect(fs.readFileSync(path.join(fixture.dir, 't.json'), 'utf8')).not.toMatch(/203\.0\.113\.7/);
  });

  it("puts the tags input on the AMI and its snapshots, the template's own keys first", () => {
    const [ebs] = copy({ tags: { eb_platform_name: 'web', Team: 'platform' } }, undefined, { Team: 'web', CostCentre: '42' });
    expect(ebs.tags).toEqual({ Team: 'platform', CostCentre: '42', eb_platform_name: 'web' });
    expect(ebs.snapshot_tags).toEqual({ Team: 'web', CostCentre: '42' });
    expect(copy({})[0].tags).toBeUndefined();
  });

  it('points Packer at an emulator through the template only where its AWS SDK does not read AWS_ENDPOINT_URL (the plugin on SDK v2 from 1.8.0)', () => {
    expect(packerSdkReadsEndpoints({ path: 'packer', version: '1.6.6' })).toBe(false);
    expect(packerSdkReadsEndpoints({ path: 'packer', version: '1.16.0', pluginVersion: '1.7.1' })).toBe(false);
    expect(packerSdkReadsEndpoints({ path: 'packer', version: '1.16.0', pluginVersion: '1.8.0' })).toBe(true);
  });

  it("keeps a template's own region, security group choice and endpoint, and adds an endpoint only when asked", () => {
    expect(copy({ region: 'eu-west-1', security_group_ids: ['sg-1'] }, 'http://127.0.0.1:1')[0]).toMatchObject({ custom_endpoint_ec2: 'http://127.0.0.1:1' });
    expect(copy({ security_group_ids: ['sg-1'] })[0].temporary_security_group_source_cidrs).toBeUndefined();
    expect(copy({ temporary_security_group_source_cidrs: ['10.0.0.0/8'] })[0].temporary_security_group_source_cidrs).toEqual(['10.0.0.0/8']);
  });
});

describe('the packer builder', () => {
  const fixture = platformFixture();
  const savedEnv = { ...process.env };
  let bin: string;
  let log: string;
  let standin: Standin;
  beforeAll(() => {
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-packer-'));
    fs.symlinkSync(FAKE, path.join(bin, 'packer'));
  });
  beforeEach(async () => {
    standin = await startStandin({});
    standinImage(standin, 'eu-west-1', { name: 'web-1.0.4', tags: { eb_platform_name: 'web', eb_platform_version: '1.0.4' } });
    log = path.join(bin, `calls-${Date.now()}.log`);
    Object.assign(process.env, {
      PATH: `${bin}:${savedEnv.PATH}`,
      FAKE_PACKER_LOG: log,
      AWS_ACCESS_KEY_ID: STANDIN_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: STANDIN_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL: standin.url,
    });
    delete process.env.FAKE_PACKER_MODE;
  });
  afterEach(async () => {
    process.env = { ...savedEnv };
    await standin.stop();
  });
  afterAll(() => {
    fixture.cleanup();
    fs.rmSync(bin, { recursive: true, force: true });
  });

  function run(given: Record<string, string> = {}, signal?: AbortSignal) {
    const saved: string[] = [];
    const outputs: Record<string, string> = {};
    const out = memoryLog();
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packer-run-'));
    const inputs = parseInputs(
      (n) =>
        ({
          builder: 'packer',
          'packer-version': 'path',
          'smoke-test': 'false',
          'smoke-allowed-cidr': '203.0.113.7/32',
          'packer-variables': 'docker_source=distro',
          ...given,
        })[n] ?? '',
      { GITHUB_WORKSPACE: fixture.root, GITHUB_REPOSITORY: 'acme/web', AWS_REGION: 'eu-west-1' },
    );
    const report = newReport(inputs.platformName);
    const ledger = createLedger((s) => saved.push(s));
    const runTags = { 'eb-platform-action:managed-by': 'eb-custom-platform-action', 'eb-platform-action:run-id': '7' };
    const done = runPipeline(
      inputs,
      { clientsFor: createClients, ledger, log: out, workDir, runTags, setOutput: (k, v) => (outputs[k] = v), clock: realClock, signal },
      report,
    );
    return {
      done,
      saved,
      outputs,
      out,
      report,
      ledger,
      workDir,
      calls: () => fs.readFileSync(log, 'utf8'),
      cleanup: () => fs.rmSync(workDir, { recursive: true, force: true }),
    };
  }

  it('installs nothing, builds with Packer, records what Packer announces as it announces it, and makes no Elastic Beanstalk call', async () => {
    const r = run();
    await r.done;
    const template = JSON.parse(fs.readFileSync(path.join(r.workDir, 'platform-build/.packer-run-custom_platform.json'), 'utf8'));
    r.cleanup();
    expect(r.outputs).toEqual({
      'bundle-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
      'platform-version': '1.0.5',
      'platform-arn': '',
      'ami-id': 'ami-0123456789abcdef0',
      'ami-ids': JSON.stringify({ 'eu-west-1': 'ami-0123456789abcdef0' }),
      reused: 'false',
    });
    expect(standin.seen.filter((s) => s.service === 'elasticbeanstalk')).toEqual([]);
    expect(r.calls()).toMatch(
      /^version\nvalidate -var docker_source=distro \.packer-run-custom_platform\.json\nbuild -machine-readable -color=false -var docker_source=distro \.packer-run-custom_platform\.json\n$/,
    );
    // Debian's 1.6.6 needs the endpoint in the template; its SSH comes from the runner only.
    expect(template.builders[0]).toMatchObject({
      region: 'eu-west-1',
      custom_endpoint_ec2: standin.url,
      temporary_security_group_source_cidrs: ['203.0.113.7/32'],
    });
    expect(template.builders[0].run_tags).toMatchObject({ 'eb-platform-action:run-id': '7' });
    // The ledger grew with each announcement; the image, the product, is not teardown's.
    const states = r.saved.map((s) => parseLedger(s).find((x) => x.kind === 'packer-build'));
    expect(states.some((s) => s && 'keyNames' in s && s.keyNames?.includes('packer_6b07-key') && !s.instanceIds?.length)).toBe(true);
    expect(states.some((s) => s && 'instanceIds' in s && s.instanceIds?.includes('i-0fa4e1c2b3d4e5f60'))).toBe(true);
    expect(states.at(-2)).toMatchObject({ imageIds: [], builtImageId: 'ami-0123456789abcdef0', runTagged: true, tags: { 'eb-platform-action:run-id': '7' } });
    expect(r.out.text()).toMatch(/\d{4}-\d\d-\d\dT[\d:.]+Z ==> ebpacker: Creating temporary keypair: packer_6b07-key/);
    expect(r.out.text()).toMatch(/Packer 1\.6\.6 builds with the amazon builder it bundles, older than the plugin 1\.8\.2 this action is tested with/);
    expect(r.report.steps.map((s) => s.name)).toEqual([
      'Package platform',
      'Validate platform',
      'Install Packer',
      'Pre-flight checks',
      'Sweep what ended runs left',
      'Fingerprint the build',
      'Resolve version',
      'Build image (Packer on the runner)',
      'Teardown',
    ]);
  });

  it('refuses a version an image of the platform already has', async () => {
    const r = run({ 'platform-version': '1.0.4' });
    await expect(r.done).rejects.toThrow(/Platform version web\/1\.0\.4 already exists \(image ami-[0-9a-f]+, available\)/);
    r.cleanup();
  });

  it('refuses a Packer too old for the plugin asked for before any AWS call', async () => {
    const r = run({ 'packer-amazon-plugin-version': '1.8.2' });
    await expect(r.done).rejects.toThrow(/^Packer 1\.6\.6 cannot use the amazon plugin 1\.8\.2/);
    r.cleanup();
    expect(standin.seen).toEqual([]);
  });

  it("fails with Packer's error and the failing provisioner's last lines", async () => {
    process.env.FAKE_PACKER_MODE = 'fail';
    const r = run();
    const error = await r.done.catch((e) => e);
    r.cleanup();
    expect(error.message).toMatch(
      /^The image build failed: Script exited with non-zero exit status: 100\nThe failing provisioner's last lines:\n[\s\S]*ebpacker: E: Unable to locate package docker-ce, nor docker\.io$/,
    );
  });

  it("gives Packer SIGINT on a cancel, within the runner's time, and records the AMI it had begun for teardown", async () => {
    process.env.FAKE_PACKER_MODE = 'hang-after-ami';
    const controller = new AbortController();
    const r = run({}, controller.signal);
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (/==> 30-nginx\.sh/.test(r.out.text())) {
          clearInterval(t);
          resolve();
        }
      }, 50);
    });
    controller.abort();
    await expect(r.done).rejects.toThrow(/Cancel/);
    r.cleanup();
    expect(r.calls()).toMatch(/interrupted/);
    expect(PACKER_CLEANUP_MS).toBeLessThan(7_500);
    expect(r.out.text()).toMatch(/Stopping Packer: it gets 6 s to clean up after itself/);
    const states = r.saved.map((s) => parseLedger(s).find((x) => x.kind === 'packer-build'));
    expect(states.some((s) => s?.kind === 'packer-build' && s.imageIds?.includes('ami-0fedcba9876543210'))).toBe(true);
  });
});
