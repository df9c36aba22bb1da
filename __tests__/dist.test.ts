import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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
