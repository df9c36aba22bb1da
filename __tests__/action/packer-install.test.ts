/**
 * Installing Packer and its amazon plugin from a release site laid out as
 * HashiCorp's (releases.hashicorp.com: PRODUCT/VERSION/PRODUCT_VERSION_SHA256SUMS,
 * its .KEYID.sig and .sig, PRODUCT_VERSION_linux_amd64.zip), served on
 * 127.0.0.1 and signed with a key made for the test: the signature and the sums
 * are checked before anything is unpacked or run, the plugin goes in with
 * `packer plugins install --path`, and a Packer too old for it is refused. The
 * packer in the zips is the fake Packer of the version it claims.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as openpgp from 'openpgp';
import { preparePacker } from '../../src/builders/packer/install';
import { HASHICORP_FINGERPRINT, HASHICORP_PUBLIC_KEY } from '../../src/builders/packer/hashicorp-key';
import type { ReleaseSource } from '../../src/builders/packer/releases';
import { memoryLog } from '../../src/lib/log';

const FAKE = path.resolve(__dirname, '../helpers/fake-packer.sh');

interface Site {
  source: ReleaseSource;
  requests: string[];
  root: string;
  /** Publishes a product's zip (files: name → content, all executable), its sums, and their signatures. */
  publish(
    product: string,
    version: string,
    files: Record<string, string>,
    options?: { signer?: openpgp.PrivateKey; keyIdSig?: boolean; corrupt?: boolean },
  ): Promise<void>;
  stop(): Promise<void>;
}

async function signingKey(name: string): Promise<{ privateKey: openpgp.PrivateKey; armored: string }> {
  const { privateKey, publicKey } = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name }], format: 'object' });
  return { privateKey, armored: publicKey.armor() };
}

async function releaseSite(key: { privateKey: openpgp.PrivateKey; armored: string }): Promise<Site> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'releases-'));
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const file = path.join(root, decodeURIComponent(req.url ?? '/'));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const fingerprint = key.privateKey.getFingerprint().toUpperCase();
  const source: ReleaseSource = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    publicKey: key.armored,
    fingerprint,
    keyId: fingerprint.slice(-8),
  };
  return {
    source,
    requests,
    root,
    async publish(product, version, files, options = {}) {
      const dir = path.join(root, product, version);
      const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'release-files-'));
      fs.mkdirSync(dir, { recursive: true });
      for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(staging, name), content, { mode: 0o755 });
      const zip = `${product}_${version}_linux_amd64.zip`;
      execFileSync('zip', ['-q', '-j', path.join(dir, zip), ...Object.keys(files).map((f) => path.join(staging, f))]);
      fs.rmSync(staging, { recursive: true });
      const digest = createHash('sha256')
        .update(fs.readFileSync(path.join(dir, zip)))
        .digest('hex');
      const sums = `${digest}  ${zip}\n${'0'.repeat(64)}  ${product}_${version}_linux_arm64.zip\n`;
      const sumsFile = path.join(dir, `${product}_${version}_SHA256SUMS`);
      fs.writeFileSync(sumsFile, sums);
      const signature = await openpgp.sign({
        message: await openpgp.createMessage({ binary: new Uint8Array(Buffer.from(sums)) }),
        signingKeys: options.signer ?? key.privateKey,
        detached: true,
        format: 'binary',
      });
      fs.writeFileSync(`${sumsFile}${options.keyIdSig === false ? '' : `.${source.keyId}`}.sig`, Buffer.from(signature as Uint8Array));
      if (options.corrupt) fs.appendFileSync(path.join(dir, zip), 'tampered');
    },
    stop: () => new Promise<void>((r) => server.close(() => (fs.rmSync(root, { recursive: true, force: true }), r()))),
  };
}

const fakePacker = (version: string) => `#!/usr/bin/env bash\nFAKE_PACKER_VERSION=${version} exec ${FAKE} "$@"\n`;
const fakePlugin = (version: string) =>
  `#!/usr/bin/env bash\n[ "$1" = describe ] && echo '{"version":"${version}","sdk_version":"0.6.10","api_version":"x5.0","builders":["ebs","chroot","ebssurrogate","ebsvolume","instance"]}'\n`;

describe('installing Packer and the amazon plugin from the release site', () => {
  let key: Awaited<ReturnType<typeof signingKey>>;
  let site: Site;
  let work: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    key = await signingKey('release signing key of the test');
  });
  beforeEach(async () => {
    site = await releaseSite(key);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'packer-install-'));
    fs.mkdirSync(path.join(work, 'cache'));
    fs.mkdirSync(path.join(work, 'temp'));
    fs.mkdirSync(path.join(work, 'bin'));
    Object.assign(process.env, {
      RUNNER_TOOL_CACHE: path.join(work, 'cache'),
      RUNNER_TEMP: path.join(work, 'temp'),
      FAKE_PACKER_LOG: path.join(work, 'calls.log'),
    });
    // @actions/tool-cache reports each step as a ::debug:: line on stdout, for the runner: not for the test's output.
    const write = process.stdout.write.bind(process.stdout) as (chunk: string) => boolean;
    jest
      .spyOn(process.stdout, 'write')
      .mockImplementation(((chunk: string) => String(chunk).startsWith('::debug::') || write(chunk)) as typeof process.stdout.write);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    process.env = { ...saved };
    await site.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });
  const calls = () => (fs.existsSync(path.join(work, 'calls.log')) ? fs.readFileSync(path.join(work, 'calls.log'), 'utf8') : '');
  const install = (version: string, pluginVersion?: string) =>
    preparePacker({ version, pluginVersion, workDir: path.join(work, 'run') }, memoryLog(), site.source);

  it('pins the key HashiCorp signs its releases with, by its published fingerprint, valid past today', async () => {
    const pinned = await openpgp.readKey({ armoredKey: HASHICORP_PUBLIC_KEY });
    expect(pinned.getFingerprint().toUpperCase()).toBe(HASHICORP_FINGERPRINT);
    expect(HASHICORP_FINGERPRINT).toBe('C874 011F 0AB4 0511 0D02 1055 3436 5D94 72D7 468F'.replace(/ /g, ''));
    expect(Number(await pinned.getExpirationTime())).toBeGreaterThan(Date.parse('2030-01-01'));
  });

  it('installs a verified Packer and hands it the verified plugin with plugins install --path, then takes both from the tool cache', async () => {
    await site.publish('packer', '1.16.0', { packer: fakePacker('1.16.0') });
    await site.publish('packer-plugin-amazon', '1.8.2', { 'packer-plugin-amazon_v1.8.2_x5.0_linux_amd64': fakePlugin('1.8.2'), 'LICENSE.txt': 'MPL' });
    const packer = await install('1.16.0');
    expect(packer).toMatchObject({ version: '1.16.0', pluginVersion: '1.8.2', pluginPath: path.join(work, 'run/packer-plugins') });
    const installed = path.join(work, 'run/packer-plugins/github.com/hashicorp/amazon/packer-plugin-amazon_v1.8.2_x5.0_linux_amd64');
    expect(fs.readFileSync(`${installed}_SHA256SUM`, 'utf8')).toBe(createHash('sha256').update(fs.readFileSync(installed)).digest('hex'));
    expect(calls()).toMatch(/^plugins install --path \S+\/packer-plugin-amazon_v1\.8\.2_x5\.0_linux_amd64 github\.com\/hashicorp\/amazon$/m);
    // Sums and the signature named for the key come before the zip.
    expect(site.requests.filter((r) => r.startsWith('/packer/'))).toEqual([
      '/packer/1.16.0/packer_1.16.0_SHA256SUMS',
      `/packer/1.16.0/packer_1.16.0_SHA256SUMS.${site.source.keyId}.sig`,
      '/packer/1.16.0/packer_1.16.0_linux_amd64.zip',
    ]);
    const asked = site.requests.length;
    await install('1.16.0');
    expect(site.requests).toHaveLength(asked);
  });

  it('takes the plain .sig where the one named for the key is missing', async () => {
    await site.publish('packer', '1.16.0', { packer: fakePacker('1.16.0') }, { keyIdSig: false });
    await site.publish('packer-plugin-amazon', '1.8.2', { 'packer-plugin-amazon_v1.8.2_x5.0_linux_amd64': fakePlugin('1.8.2') }, { keyIdSig: false });
    await expect(install('1.16.0')).resolves.toMatchObject({ version: '1.16.0' });
  });

  it('refuses sums signed by another key, and runs nothing', async () => {
    const other = await signingKey('someone else');
    await site.publish('packer', '1.16.0', { packer: fakePacker('1.16.0') }, { signer: other.privateKey });
    await expect(install('1.16.0')).rejects.toThrow(
      /^packer_1\.16\.0_SHA256SUMS from http:\/\/127\.0\.0\.1:\d+ is not signed by HashiCorp's key [0-9A-F]{40} \(.*\): nothing from it is used\.$/,
    );
    expect(calls()).toBe('');
    expect(fs.readdirSync(path.join(work, 'cache'))).toEqual([]);
  });

  it('refuses a zip whose SHA-256 is not the signed one, and runs nothing', async () => {
    await site.publish('packer', '1.16.0', { packer: fakePacker('1.16.0') }, { corrupt: true });
    await expect(install('1.16.0')).rejects.toThrow(
      /packer 1\.16\.0 failed verification: packer_1\.16\.0_linux_amd64\.zip has SHA-256 [0-9a-f]{64}, HashiCorp's signed sums say [0-9a-f]{64}/,
    );
    expect(calls()).toBe('');
  });

  it('says a release that does not exist is not there', async () => {
    await expect(install('1.99.0')).rejects.toThrow(
      /Downloading packer 1\.99\.0 from http:\/\/127\.0\.0\.1:\d+ failed \(HTTP 404\): no such release, check the version\./,
    );
  });

  it('refuses, naming both versions and the fix, a Packer before 1.10 asked to use a plugin; builds with its own builder when none is asked', async () => {
    fs.writeFileSync(path.join(work, 'bin/packer'), fakePacker('1.6.6'), { mode: 0o755 });
    process.env.PATH = `${path.join(work, 'bin')}:${saved.PATH}`;
    await expect(install('path', '1.8.2')).rejects.toThrow(
      /^Packer 1\.6\.6 cannot use the amazon plugin 1\.8\.2 \(packer-amazon-plugin-version\): it bundles its own amazon builder, and plugins install --path came with Packer 1\.10\.0\. Set packer-version to 1\.16\.0/,
    );
    await expect(install('path')).resolves.toEqual({ path: path.join(work, 'bin/packer'), version: '1.6.6' });
    expect(site.requests).toEqual([]);
  });

  it('says so when packer-version is path and no packer is on PATH', async () => {
    process.env.PATH = path.join(work, 'bin');
    await expect(install('path')).rejects.toThrow(/^No packer on PATH \(packer-version: path\)/);
  });
});

describe('the fake Packer refuses what the real versions refuse', () => {
  const run = (version: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    try {
      return { code: 0, out: execFileSync(FAKE, args, { env: { ...process.env, FAKE_PACKER_VERSION: version, ...env }, encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const e = error as { status: number; stderr: string; stdout: string };
      return { code: e.status, out: e.stdout + e.stderr };
    }
  };

  it('fails a plugin install from GitHub, where the plugin publishes no SHA256SUMS since v1.3.10 (packer-plugin-amazon#596, packer#13661)', () => {
    for (const version of ['1.11.2', '1.15.4']) {
      const r = run(version, ['plugins', 'install', 'github.com/hashicorp/amazon', 'v1.8.2']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(
        /could not get sha256 checksum file for github\.com\/hashicorp\/amazon version 1\.8\.2\. .*packer-plugin-amazon_v1\.8\.2_SHA256SUMS: 404/,
      );
    }
  });

  it('has no plugins install --path before 1.10, and no amazon builder from 1.10 until the plugin is installed', () => {
    expect(run('1.9.4', ['plugins', 'install', '--path', '/bin/true', 'github.com/hashicorp/amazon'])).toEqual({
      code: 1,
      out: 'flag provided but not defined: -path\n',
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plugins-'));
    try {
      const r = run('1.16.0', ['build', 'template.json'], { PACKER_PLUGIN_PATH: dir });
      expect(r).toMatchObject({
        code: 1,
        out: expect.stringMatching(/The builder amazon-ebs is unknown by Packer, and is likely part of a plugin that is not installed/),
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
