import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A minimal but valid platform directory in a temp dir, for tests of the action. */
export function platformFixture(): { root: string; dir: string; cleanup(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-fixture-'));
  const dir = path.join(root, 'platform');
  fs.mkdirSync(path.join(dir, 'builder'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'platform.yaml'),
    [
      'version: "1.0"',
      'provisioner:',
      '  type: packer',
      '  template: custom_platform.json',
      '  flavor: ubuntu1604',
      'metadata:',
      '  maintainer: "Platform team <platform@example.com>"',
      '  description: "Test platform"',
      '  operating_system_name: "Ubuntu"',
      '  operating_system_version: "24.04"',
      '  programming_language_name: "Go"',
      '  programming_language_version: "1"',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dir, 'custom_platform.json'),
    JSON.stringify({ variables: { docker_source: 'docker-ce' }, builders: [{ type: 'amazon-ebs', region: '' }] }, null, 2),
  );
  fs.writeFileSync(path.join(dir, 'builder', 'builder.sh'), '#!/usr/bin/env bash\nset -euo pipefail\necho build\n', { mode: 0o755 });
  return { root, dir, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}
