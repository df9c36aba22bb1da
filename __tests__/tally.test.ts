/**
 * The lines a test run ends with, from what the runs added: figures only
 * from runs that fed them, and a plain statement where none did. An
 * end-to-end run without a smoke test (a failed build, a cancel) adds no checks.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const tally = require('../test/tally') as {
  add(file: string, entry: object): void;
  take(file: string | undefined): object[];
  faultLine(runs: object[]): string;
  endToEndLine(runs: object[]): string;
};

describe('the closing tallies', () => {
  it('add what the runs appended, including runs with no smoke test, and say when nothing fed them', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tally-')), 'e2e.jsonl');
    fs.writeFileSync(file, '');
    tally.add(file, { packerSeconds: 300.4, smoke: { seconds: 90, passed: 14, total: 14 }, leaked: 0 });
    tally.add(file, { packerSeconds: 120, leaked: 0 });
    tally.add(file, { leaked: 1 });
    expect(tally.endToEndLine(tally.take(file))).toBe('end-to-end: 3 runs, packer 420 s, smoke 90 s, checks 14/14 passed, leaked resources: 1');
    expect(fs.existsSync(file)).toBe(false);
    expect(tally.endToEndLine([{ leaked: 0 }])).toBe('end-to-end: 1 runs, packer 0 s, smoke 0 s, checks none run, leaked resources: 0');
    expect(tally.endToEndLine(tally.take(undefined))).toBe('end-to-end: none (no end-to-end run in this selection)');
    expect(tally.faultLine([{ leaked: 0 }, { leaked: 2 }])).toBe('runs: 2, leaked resources: 2');
    expect(tally.faultLine([])).toBe('runs: none (no fault run in this selection), leaks not counted');
  });
});
