/**
 * The image's software bill of materials, in CycloneDX 1.5 JSON: the smoke
 * test's inventory of the booted instance (smoke/inventory.ts), one component
 * per installed package with its package URL (`pkg:deb/ubuntu/nginx@…`), the
 * OS and the running kernel as operating-system components, the Docker
 * engine, and the image itself as the subject. CycloneDX rather than SPDX:
 * it names a component's kind (operating system, application, library) and
 * its package URL as fields of their own, so a reader diffs two images'
 * packages without parsing relationship graphs, and its 1.5 schema is one
 * file that the tests validate against.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Inventory, InstalledPackage } from '../smoke/inventory';

export interface SbomSubject {
  platformName: string;
  /** The platform version the image's tag says, for an image whose platform writes no release file. */
  taggedVersion?: string;
  amiId: string;
  region: string;
}

interface Property {
  name: string;
  value: string;
}

interface Component {
  type: 'operating-system' | 'application' | 'library' | 'platform';
  'bom-ref': string;
  name: string;
  version?: string;
  description?: string;
  purl?: string;
  properties?: Property[];
}

export interface CycloneDxBom {
  bomFormat: 'CycloneDX';
  specVersion: '1.5';
  serialNumber: string;
  version: 1;
  metadata: { timestamp: string; tools: { components: Component[] }; component: Component };
  components: Component[];
}

/** The property that names the image an SBOM describes. */
const IMAGE_PROPERTY = 'aws:ec2:image-id';

/** A package URL (purl spec: the type's namespace is the distribution, each part percent-encoded, `arch` and `distro` qualifiers). */
function purl(kind: 'deb' | 'rpm', os: Record<string, string>, p: InstalledPackage): string {
  const distro = os.ID ?? 'unknown';
  const qualifiers = [`arch=${encodeURIComponent(p.arch)}`, ...(os.VERSION_ID ? [`distro=${encodeURIComponent(`${distro}-${os.VERSION_ID}`)}`] : [])];
  return `pkg:${kind}/${encodeURIComponent(distro)}/${encodeURIComponent(p.name)}@${encodeURIComponent(p.version)}?${qualifiers.join('&')}`;
}

export function cycloneDx(inventory: Inventory, subject: SbomSubject, tool: { version: string }, timestamp: string): CycloneDxBom {
  const own = inventory.platform;
  const version = own?.VERSION || subject.taggedVersion;
  const components: Component[] = [
    {
      type: 'operating-system',
      'bom-ref': 'os',
      name: inventory.os.ID ?? 'unknown',
      version: inventory.os.VERSION_ID,
      description: inventory.os.PRETTY_NAME,
    },
    {
      type: 'operating-system',
      'bom-ref': 'kernel',
      name: 'linux',
      version: inventory.kernel,
      description: `the running kernel (uname -r), ${inventory.machine}`,
    },
  ];
  if (inventory.docker)
    components.push({ type: 'application', 'bom-ref': 'docker-engine', name: 'docker-engine', version: inventory.docker, description: 'the Docker engine' });
  const kind = inventory.packageManager;
  if (kind)
    for (const p of inventory.packages) {
      const ref = purl(kind === 'dpkg' ? 'deb' : 'rpm', inventory.os, p);
      components.push({ type: 'library', 'bom-ref': ref, name: p.name, version: p.version, purl: ref, properties: [{ name: 'package-manager', value: kind }] });
    }
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp,
      tools: { components: [{ type: 'application', 'bom-ref': 'tool', name: 'eb-custom-platform-action', version: tool.version }] },
      component: {
        type: 'platform',
        'bom-ref': `image:${subject.amiId}`,
        name: own?.NAME || subject.platformName,
        version,
        description: `Elastic Beanstalk platform image ${subject.amiId} (${subject.region})`,
        properties: [
          { name: IMAGE_PROPERTY, value: subject.amiId },
          { name: 'aws:region', value: subject.region },
          { name: 'platform-version-from', value: own?.VERSION ? '/etc/eb-platform-release on the image' : "the image's eb_platform_version tag" },
        ],
      },
    },
    components,
  };
}

/** What the SBOM holds, in numbers, for the log and the summary. */
export interface SbomFacts {
  path: string;
  sha256: string;
  packages: number;
  packageManager?: string;
  os?: string;
  kernel: string;
  docker?: string;
}

/** Writes the document; returns where, its digest and its counts. */
export function writeSbom(dir: string, bom: CycloneDxBom, inventory: Inventory): SbomFacts {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${bom.metadata.component.name}-${bom.metadata.component.version ?? 'unversioned'}.cdx.json`.replace(/[^\w.-]/g, '-'));
  const text = `${JSON.stringify(bom, null, 2)}\n`;
  fs.writeFileSync(file, text);
  return {
    path: file,
    sha256: createHash('sha256').update(text).digest('hex'),
    packages: inventory.packages.length,
    packageManager: inventory.packageManager,
    os: inventory.os.PRETTY_NAME,
    kernel: inventory.kernel,
    docker: inventory.docker,
  };
}

/** A document's packages by name and architecture → version (its deb and rpm package URLs). */
export function bomPackages(bom: Pick<Partial<CycloneDxBom>, 'components'>): Map<string, string> {
  const packages = new Map<string, string>();
  for (const c of bom.components ?? []) {
    const arch = c.purl ? /[?&]arch=([^&]+)/.exec(c.purl)?.[1] : undefined;
    if (c.purl && /^pkg:(deb|rpm)\//.test(c.purl)) packages.set(`${c.name}${arch ? `:${decodeURIComponent(arch)}` : ''}`, c.version ?? '');
  }
  return packages;
}

/** The image an SBOM describes, and its packages by name and architecture → version. */
export function readSbom(text: string): { imageId?: string; version?: string; packages: Map<string, string> } {
  const bom = JSON.parse(text) as Partial<CycloneDxBom>;
  if (bom.bomFormat !== 'CycloneDX') throw new Error('not a CycloneDX document');
  return {
    imageId: bom.metadata?.component?.properties?.find((p) => p.name === IMAGE_PROPERTY)?.value,
    version: bom.metadata?.component?.version,
    packages: bomPackages(bom),
  };
}

export interface PackageChanges {
  added: string[];
  removed: string[];
  changed: { name: string; from: string; to: string }[];
}

export function packageChanges(before: Map<string, string>, after: Map<string, string>): PackageChanges {
  const added = [...after.keys()].filter((k) => !before.has(k)).map((k) => `${k} ${after.get(k)}`);
  const removed = [...before.keys()].filter((k) => !after.has(k)).map((k) => `${k} ${before.get(k)}`);
  const changed = [...after.keys()]
    .filter((k) => before.has(k) && before.get(k) !== after.get(k))
    .map((k) => ({ name: k, from: before.get(k)!, to: after.get(k)! }));
  return { added, removed, changed };
}
