/**
 * The packer builder's own logic, with a packer that speaks Packer's
 * machine-readable output (helpers/fake-packer.sh): what it announces lands in
 * the ledger as it is announced, the AMI comes from the artifact line, a
 * failure quotes the failing provisioner, a cancel gives Packer SIGINT, no
 * Elastic Beanstalk call is made, and a pinned Packer is checked against
 * HashiCorp's published sums. The real Packer's runs are in __tests__/e2e.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import { DeleteKeyPairCommand, DescribeImagesCommand, DescribeInstancesCommand, DescribeSecurityGroupsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ElasticBeanstalkClient } from '@aws-sdk/client-elastic-beanstalk';
import { announced, artifactAmi, parseMachineLine } from '../../src/build/packer/output';
import { preparePacker } from '../../src/build/packer/install';
import { createClients } from '../../src/lib/aws';
import { memoryLog } from '../../src/lib/log';
import { parseInputs } from '../../src/inputs';
import { newReport, runPipeline } from '../../src/pipeline';
import { createLedger, parseLedger } from '../../src/resources/ledger';
import { platformFixture } from '../helpers/platform-fixture';

const FAKE = path.resolve(__dirname, '../helpers/fake-packer.sh');

describe("Packer's machine-readable output", () => {
  it('reads a line with its timestamp, unescaping commas and newlines', () => {
    expect(parseMachineLine('1700000000,ebpacker,ui,say,==> ebpacker: a%!(PACKER_COMMA) b\\nc')).toEqual({
      at: 1_700_000_000_000,
      target: 'ebpacker',
      type: 'ui',
      data: ['say', '==> ebpacker: a, b\nc'],
    });
    expect(parseMachineLine('not machine readable')).toBeUndefined();
  });

  it("names what Packer's amazon-ebs builder makes, in its own words", () => {
    expect(announced('==> ebpacker: Creating temporary keypair: packer_6b07')).toEqual({ kind: 'key-pair', name: 'packer_6b07' });
    expect(announced('==> ebpacker: Creating temporary security group for this instance: packer_6b08')).toEqual({
      kind: 'security-group',
      name: 'packer_6b08',
    });
    expect(announced('    ebpacker: Instance ID: i-0123456789abcdef0')).toEqual({ kind: 'instance', id: 'i-0123456789abcdef0' });
    expect(announced('    ebpacker: AMI: ami-0123456789abcdef0')).toEqual({ kind: 'image', id: 'ami-0123456789abcdef0' });
    expect(announced('==> ebpacker: Waiting for SSH to become available...')).toBeUndefined();
  });

  it("takes the AMI of the run's region from the artifact line", () => {
    const line = parseMachineLine('1700000000,ebpacker,artifact,0,id,us-east-1:ami-00000000000000001%!(PACKER_COMMA)eu-west-1:ami-0123456789abcdef0')!;
    expect(artifactAmi(line, 'eu-west-1')).toBe('ami-0123456789abcdef0');
    expect(artifactAmi(line, 'ap-south-1')).toBeUndefined();
  });
});

describe('the packer builder', () => {
  const fixture = platformFixture();
  const savedEnv = { ...process.env };
  let bin: string;
  let log: string;
  const ec2 = mockClient(EC2Client);
  const eb = mockClient(ElasticBeanstalkClient);
  beforeAll(() => {
    bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-packer-'));
    fs.symlinkSync(FAKE, path.join(bin, 'packer'));
  });
  beforeEach(() => {
    ec2.reset();
    eb.reset();
    log = path.join(bin, `calls-${Date.now()}.log`);
    Object.assign(process.env, { PATH: `${bin}:${savedEnv.PATH}`, FAKE_PACKER_LOG: log, AWS_ACCESS_KEY_ID: 'AKIDTEST', AWS_SECRET_ACCESS_KEY: 'secret' });
    delete process.env.FAKE_PACKER_MODE;
    ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
    ec2.on(DeleteKeyPairCommand).resolves({});
    ec2.on(DescribeImagesCommand).resolves({
      Images: [
        {
          ImageId: 'ami-00000000000000001',
          State: 'available',
          Tags: [
            { Key: 'eb_platform_name', Value: 'web' },
            { Key: 'eb_platform_version', Value: '1.0.4' },
          ],
        },
      ],
    });
  });
  afterAll(() => {
    process.env = savedEnv;
    ec2.restore();
    eb.restore();
    fixture.cleanup();
    fs.rmSync(bin, { recursive: true, force: true });
  });

  function run(given: Record<string, string> = {}, signal?: AbortSignal) {
    const saved: string[] = [];
    const outputs: Record<string, string> = {};
    const out = memoryLog();
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packer-run-'));
    const inputs = parseInputs((n) => ({ builder: 'packer', 'smoke-test': 'false', 'packer-variables': 'docker_source=distro', ...given })[n] ?? '', {
      GITHUB_WORKSPACE: fixture.root,
      GITHUB_REPOSITORY: 'acme/web',
      AWS_REGION: 'eu-west-1',
    });
    const report = newReport(inputs.platformName);
    const ledger = createLedger((s) => saved.push(s));
    const done = runPipeline(
      inputs,
      { clientsFor: createClients, ledger, log: out, workDir, runTags: {}, setOutput: (k, v) => (outputs[k] = v), signal },
      report,
    );
    return {
      done,
      saved,
      outputs,
      out,
      report,
      ledger,
      calls: () => fs.readFileSync(log, 'utf8'),
      cleanup: () => fs.rmSync(workDir, { recursive: true, force: true }),
    };
  }

  it('builds with Packer, records what Packer announces as it announces it, and makes no Elastic Beanstalk call', async () => {
    const r = run();
    await r.done;
    r.cleanup();
    expect(r.outputs).toEqual({
      'bundle-sha256': expect.stringMatching(/^[0-9a-f]{64}$/),
      'platform-version': '1.0.5',
      'platform-arn': '',
      'ami-id': 'ami-0123456789abcdef0',
      'ami-ids': JSON.stringify({ 'eu-west-1': 'ami-0123456789abcdef0' }),
    });
    expect(eb.calls()).toHaveLength(0);
    expect(r.calls()).toMatch(
      /^version\nvalidate -var docker_source=distro custom_platform\.json\nbuild -machine-readable -color=false -var docker_source=distro custom_platform\.json\n$/,
    );
    // The ledger grew with each announcement; the image, the product, is not teardown's.
    const states = r.saved.map((s) => parseLedger(s).find((x) => x.kind === 'packer-build'));
    expect(states.some((s) => s && 'keyNames' in s && s.keyNames?.includes('packer_6b07-key') && !s.instanceIds?.length)).toBe(true);
    expect(states.some((s) => s && 'instanceIds' in s && s.instanceIds?.includes('i-0fa4e1c2b3d4e5f60'))).toBe(true);
    expect(r.out.text()).toMatch(/\d{4}-\d\d-\d\dT[\d:.]+Z ==> ebpacker: Creating temporary keypair: packer_6b07-key/);
    expect(r.report.steps.map((s) => s.name)).toEqual([
      'Validate platform',
      'Package platform',
      'Pre-flight checks',
      'Sweep what ended runs left',
      'Resolve version',
      'Install Packer',
      'Build image (Packer on the runner)',
      'Teardown',
    ]);
    expect(ec2.commandCalls(DescribeImagesCommand)[0].args[0].input).toMatchObject({
      Owners: ['self'],
      Filters: [{ Name: 'tag:eb_platform_name', Values: ['web'] }],
    });
  });

  it('refuses a version an image of the platform already has', async () => {
    const r = run({ 'platform-version': '1.0.4' });
    await expect(r.done).rejects.toThrow(/Platform version web\/1\.0\.4 already exists \(image ami-00000000000000001, available\)/);
    r.cleanup();
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

  it('gives Packer SIGINT on a cancel and lets it clean up', async () => {
    process.env.FAKE_PACKER_MODE = 'hang';
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
    expect(r.out.text()).toMatch(/Stopping Packer: it gets 120 s to clean up after itself/);
  });

  describe('a pinned Packer from HashiCorp releases', () => {
    let server: http.Server;
    let zip: Buffer;
    let sums: string;
    let tools: string;
    beforeAll(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packer-release-'));
      fs.copyFileSync(FAKE, path.join(dir, 'packer'));
      execFileSync('zip', ['-q', '-j', path.join(dir, 'p.zip'), path.join(dir, 'packer')]);
      zip = fs.readFileSync(path.join(dir, 'p.zip'));
      fs.rmSync(dir, { recursive: true, force: true });
      server = http.createServer((req, res) => {
        if (req.url === '/packer/1.6.6/packer_1.6.6_linux_amd64.zip') return void res.end(zip);
        if (req.url === '/packer/1.6.6/packer_1.6.6_SHA256SUMS') return void res.end(sums);
        res.writeHead(404).end();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    });
    beforeEach(() => {
      tools = fs.mkdtempSync(path.join(os.tmpdir(), 'tool-cache-'));
      Object.assign(process.env, {
        PACKER_RELEASES_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        RUNNER_TOOL_CACHE: tools,
        RUNNER_TEMP: tools,
      });
    });
    afterEach(() => fs.rmSync(tools, { recursive: true, force: true }));
    afterAll(() => server.close());

    it('downloads it, checks it against the published SHA-256, and caches it', async () => {
      sums = `${createHash('sha256').update(zip).digest('hex')}  packer_1.6.6_linux_amd64.zip\n0000  packer_1.6.6_darwin_amd64.zip\n`;
      const installed = await preparePacker({ version: '1.6.6', pluginVersion: '1.8.2', workDir: tools }, memoryLog());
      expect(installed).toMatchObject({ version: '1.6.6', path: expect.stringContaining(path.join(tools, 'packer', '1.6.6')) });
      expect(installed.pluginPath).toBeUndefined();
    });

    it('refuses a download whose SHA-256 is not the published one', async () => {
      sums = `${'0'.repeat(64)}  packer_1.6.6_linux_amd64.zip\n`;
      await expect(preparePacker({ version: '1.6.6', pluginVersion: '1.8.2', workDir: tools }, memoryLog())).rejects.toThrow(
        /Packer 1\.6\.6 failed verification: packer_1\.6\.6_linux_amd64\.zip has SHA-256 [0-9a-f]{64}, HashiCorp publishes 0{64}/,
      );
    });

    it('installs the amazon plugin first for Packer 1.10 and later', async () => {
      process.env.FAKE_PACKER_VERSION = '1.11.2';
      try {
        const installed = await preparePacker({ pluginVersion: '1.8.2', workDir: tools }, memoryLog());
        expect(installed).toMatchObject({ version: '1.11.2' });
        expect(installed.pluginPath).toBe(path.join(tools, 'packer-plugins'));
        expect(fs.readFileSync(log, 'utf8')).toMatch(/^plugins install github\.com\/hashicorp\/amazon v1\.8\.2$/m);
      } finally {
        delete process.env.FAKE_PACKER_VERSION;
      }
    });
  });
});
