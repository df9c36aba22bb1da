import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ACTION_NODE } from './helpers/run-action';

const root = path.resolve(__dirname, '..');

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

describe('dist/', () => {
  let fresh: string;
  beforeAll(() => {
    fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    execFileSync(process.execPath, [path.join(root, 'scripts/build.js'), fresh], { cwd: root, stdio: 'pipe' });
  }, 300_000);
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  it('is what the sources build to today (run `npm run build` and commit dist/ when this fails)', () => {
    const committed = path.join(root, 'dist');
    expect(listFiles(committed)).toEqual(listFiles(fresh));
    const stale = listFiles(fresh).filter((f) => !fs.readFileSync(path.join(fresh, f)).equals(fs.readFileSync(path.join(committed, f))));
    expect(stale).toEqual([]);
  });

  it('runs under the runtime action.yml names (node24), its stack traces pointing into src/', () => {
    const version = execFileSync(ACTION_NODE, ['--version'], { encoding: 'utf8' }).trim();
    expect(version).toMatch(/^v24\./);
    // A dry run of the bundle, as `npm run plan` runs it, under Node 24.
    const out = execFileSync(ACTION_NODE, [path.join(root, 'dist/plan.js'), '--platform-name', 'web', '--platform-version', '1.0.0'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toMatch(/Dry run: no AWS call made/);
    // Stack traces point into src/: the entry files turn Node's source maps on, and the map names the sources.
    for (const entry of ['main', 'post', 'plan'])
      expect(fs.readFileSync(path.join(root, `dist/${entry}.js`), 'utf8')).toContain('process.setSourceMapsEnabled(true)');
    const map = JSON.parse(fs.readFileSync(path.join(root, 'dist/index.js.map'), 'utf8')) as { sources: string[] };
    expect(map.sources).toEqual(
      expect.arrayContaining([expect.stringMatching(/(^|\/)src\/pipeline\.ts$/), expect.stringMatching(/(^|\/)src\/action\/main\.ts$/)]),
    );
    expect(fs.readFileSync(path.join(root, 'dist/index.js'), 'utf8')).toMatch(/\/\/# sourceMappingURL=index\.js\.map\s*$/);
  });

  it('holds the entry points action.yml names', () => {
    const action = fs.readFileSync(path.join(root, 'action.yml'), 'utf8');
    expect(action).toMatch(/using: 'node24'/);
    for (const entry of ['main', 'post']) {
      expect(action).toContain(`${entry}: 'dist/${entry}.js'`);
      expect(fs.existsSync(path.join(root, 'dist', `${entry}.js`))).toBe(true);
    }
    expect(action).toContain("post-if: 'always()'");
  });
});
