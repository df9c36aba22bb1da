import { decidePrune, describeDecision, PruneCandidate } from '../../src/release/prune-rules';

const v = (version: string, extra: Partial<PruneCandidate> = {}): PruneCandidate => ({
  id: `id-${version}`,
  version,
  failed: false,
  building: false,
  usedBy: [],
  ...extra,
});

describe('which versions a prune removes', () => {
  it('keeps the newest N that work and what is in use or building, removes failed ones first, then the oldest', () => {
    const decisions = decidePrune(
      [
        v('1.0.0'),
        v('1.0.1', { failed: true }),
        v('1.0.2', { usedBy: ['environment web-prod'] }),
        v('1.0.10'),
        v('1.0.3'),
        v('1.0.11', { building: true }),
        v('1.0.12'),
        v('1.0.13', { failed: true }),
      ],
      2,
      '1.0.12',
    );
    expect(decisions.map(describeDecision)).toEqual([
      'remove 1.0.1 (id-1.0.1): failed',
      'remove 1.0.13 (id-1.0.13): failed',
      'remove 1.0.0 (id-1.0.0): older than the newest 2',
      'keep 1.0.2 (id-1.0.2): used by environment web-prod',
      'remove 1.0.3 (id-1.0.3): older than the newest 2',
      'keep 1.0.10 (id-1.0.10): one of the newest 2',
      'keep 1.0.11 (id-1.0.11): still being made',
      "keep 1.0.12 (id-1.0.12): this run's version",
    ]);
  });

  it("never removes this run's version, even failed or beyond N, nor one whose version it cannot read", () => {
    const decisions = decidePrune([v('2.0.0'), v('1.0.0'), v('nightly')], 1, '1.0.0');
    expect(decisions.filter((d) => d.remove)).toEqual([]);
    expect(decisions.find((d) => d.candidate.version === 'nightly')?.reason).toMatch(/not MAJOR.MINOR.PATCH/);
  });

  it('a failed version in use stays', () => {
    expect(decidePrune([v('1.0.0', { failed: true, usedBy: ['instance i-1'] })], 1, '2.0.0')[0]).toMatchObject({
      remove: false,
      reason: 'used by instance i-1',
    });
  });
});
