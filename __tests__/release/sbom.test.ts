/**
 * The image's SBOM: the inventory script run for real on this machine (dpkg,
 * as on the Debian-family images the platform builds), read, written as
 * CycloneDX 1.5 and validated against CycloneDX's published schema; an rpm
 * host's output; the packages that changed between two images.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderSummary } from '../../src/action/summary';
import { newReport } from '../../src/pipeline';
import { cycloneDx, packageChanges, readSbom, writeSbom } from '../../src/release/sbom';
import { INVENTORY_SCRIPT, Inventory, parseInventory } from '../../src/smoke/inventory';
import { cycloneDxErrors } from '../helpers/cyclonedx-schema';

const SUBJECT = { platformName: 'web', taggedVersion: '1.0.0', amiId: 'ami-0123456789abcdef0', region: 'eu-west-1' };
const TOOL = { version: '1.0.0' };

describe("the image's SBOM", () => {
  let tmp: string;
  let here: Inventory;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sbom-'));
    here = parseInventory(execFileSync('sh', ['-s'], { input: INVENTORY_SCRIPT, encoding: 'utf8' })) as Inventory;
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads what this machine holds, as dpkg says, with the OS release and the running kernel', () => {
    const listed = execFileSync('dpkg-query', ['-W', '-f', '${db:Status-Abbrev} ${Package}\n'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => /^[ih]i/.test(l)).length;
    expect(here.packageManager).toBe('dpkg');
    expect(here.packages).toHaveLength(listed);
    expect(here.packages.find((p) => p.name === 'dpkg')?.version).toBe(execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'dpkg'], { encoding: 'utf8' }));
    expect(here.kernel).toBe(execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim());
    expect(here.os.ID).toBe(/^ID=(.*)$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1].replace(/"/g, ''));
  });

  it('is a valid CycloneDX 1.5 document: one component per package with its package URL, the OS, the kernel and the image as its subject', () => {
    const bom = cycloneDx(here, SUBJECT, TOOL, '2026-12-05T10:00:00.000Z');
    expect(cycloneDxErrors(bom)).toEqual([]);
    // The schema does refuse: a component kind CycloneDX does not know, a missing name.
    expect(cycloneDxErrors({ ...bom, components: [{ type: 'os', 'bom-ref': 'x' }] })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\/components\/0\/type must be equal to one of the allowed values/),
        expect.stringMatching(/must have required property 'name'/),
      ]),
    );
    const dpkg = bom.components.find((c) => c.name === 'dpkg');
    expect(dpkg?.purl).toMatch(new RegExp(`^pkg:deb/${here.os.ID}/dpkg@[^?]+\\?arch=\\w+&distro=${here.os.ID}-${here.os.VERSION_ID}$`));
    expect(bom.components.filter((c) => c.type === 'library')).toHaveLength(here.packages.length);
    expect(bom.components.find((c) => c['bom-ref'] === 'kernel')?.version).toBe(here.kernel);
    expect(bom.metadata.component).toMatchObject({ type: 'platform', name: 'web', version: '1.0.0' });
    // bom-refs are unique, as the schema's references need.
    expect(new Set(bom.components.map((c) => c['bom-ref'])).size).toBe(bom.components.length);
  });

  it("takes the platform's name and version from the image's release file over its tag, and escapes what a purl must", () => {
    const inventory: Inventory = {
      ...here,
      platform: { NAME: 'web-ubuntu', VERSION: '2.1.0' },
      packages: [{ name: 'libstdc++6', version: '1:14.2.0-4ubuntu2~24.04', arch: 'amd64' }],
      os: { ID: 'ubuntu', VERSION_ID: '24.04', PRETTY_NAME: 'Ubuntu 24.04.1 LTS' },
    };
    const bom = cycloneDx(inventory, SUBJECT, TOOL, '2026-12-05T10:00:00.000Z');
    expect(cycloneDxErrors(bom)).toEqual([]);
    expect(bom.metadata.component).toMatchObject({ name: 'web-ubuntu', version: '2.1.0' });
    expect(bom.components.at(-1)?.purl).toBe('pkg:deb/ubuntu/libstdc%2B%2B6@1%3A14.2.0-4ubuntu2~24.04?arch=amd64&distro=ubuntu-24.04');
  });

  it("reads an rpm host's packages, and leaves out dpkg's removed-but-configured ones", () => {
    const rpm = parseInventory(
      [
        '== os-release',
        'ID="amzn"',
        'VERSION_ID="2023"',
        '== kernel',
        '6.1.0',
        '== machine',
        'x86_64',
        '== platform',
        '== docker',
        '== rpm',
        'ii \tbash\t5.2.15-1.amzn2023\tx86_64',
        'ii \tkernel\t6.1.0-1.amzn2023\tx86_64',
        '== end',
      ].join('\n'),
    );
    expect(rpm).toMatchObject({ packageManager: 'rpm', os: { ID: 'amzn', VERSION_ID: '2023' }, packages: [{ name: 'bash' }, { name: 'kernel' }] });
    expect(cycloneDxErrors(cycloneDx(rpm as Inventory, SUBJECT, TOOL, '2026-12-05T10:00:00.000Z'))).toEqual([]);
    const deb = parseInventory(['== dpkg', 'ii \tnginx\t1.24.0-2ubuntu7\tamd64', 'rc \told\t1.0\tamd64', 'un \tgone\t\t', '== end'].join('\n'));
    expect(deb?.packages.map((p) => p.name)).toEqual(['nginx']);
    expect(parseInventory('== os-release\nID=debian\n')).toBeUndefined();
  });

  it('lists the packages that changed between two images, and the summary shows them', () => {
    const before = cycloneDx(
      {
        ...here,
        packages: [
          { name: 'nginx', version: '1.24.0-2', arch: 'amd64' },
          { name: 'old', version: '1', arch: 'all' },
        ],
      },
      SUBJECT,
      TOOL,
      '2026-12-01T10:00:00.000Z',
    );
    const after = cycloneDx(
      {
        ...here,
        packages: [
          { name: 'nginx', version: '1.24.0-3', arch: 'amd64' },
          { name: 'new', version: '2', arch: 'all' },
        ],
      },
      { ...SUBJECT, amiId: 'ami-0fedcba9876543210', taggedVersion: '1.0.1' },
      TOOL,
      '2026-12-05T10:00:00.000Z',
    );
    const read = readSbom(JSON.stringify(before));
    expect(read).toMatchObject({ imageId: SUBJECT.amiId, version: '1.0.0' });
    const changes = packageChanges(read.packages, readSbom(JSON.stringify(after)).packages);
    expect(changes).toEqual({ added: ['new:all 2'], removed: ['old:all 1'], changed: [{ name: 'nginx:amd64', from: '1.24.0-2', to: '1.24.0-3' }] });

    const facts = writeSbom(tmp, after, { ...here, packages: [{ name: 'nginx', version: '1.24.0-3', arch: 'amd64' }] });
    expect(JSON.parse(fs.readFileSync(facts.path, 'utf8'))).toEqual(after);
    const report = { ...newReport('web'), sbom: { ...facts, since: { imageId: SUBJECT.amiId, version: '1.0.0', verified: true, changes } } };
    const summary = renderSummary(report);
    expect(summary).toMatch(/\*\*SBOM\*\* \(CycloneDX 1\.5, the `sbom-path` output\): 1 packages \(dpkg\)/);
    expect(summary).toMatch(/Since ami-0123456789abcdef0 \(1\.0\.0\): 1 changed, 1 added, 1 removed/);
    expect(summary).toMatch(/\| nginx:amd64 \| 1\.24\.0-2 \| 1\.24\.0-3 \|/);
  });
});
