import { GRACE_MS, isOrphan } from '../../src/teardown/sweep';

const own = {
  'eb-platform-action:managed-by': 'eb-custom-platform-action',
  'eb-platform-action:repository': 'acme/web',
  'eb-platform-action:run-id': '9',
  'eb-platform-action:run-attempt': '1',
};
const now = Date.parse('2026-11-26T12:00:00Z');
const tags = (over: Record<string, string | undefined>) =>
  Object.entries({ ...own, 'eb-platform-action:run-id': '5', 'eb-platform-action:run-deadline': new Date(now - GRACE_MS - 1000).toISOString(), ...over })
    .filter(([, v]) => v !== undefined)
    .map(([Key, Value]) => ({ Key, Value }));

describe("the sweep's rule for a dead run's resource", () => {
  it("takes one of this repository's runs whose deadline passed over an hour ago", () => {
    expect(isOrphan(tags({}), own, now)).toBe(true);
  });
  it('leaves a run whose deadline passed less than an hour ago, this run (another attempt is another run), another repository, and anything without a deadline', () => {
    expect(isOrphan(tags({ 'eb-platform-action:run-deadline': new Date(now - GRACE_MS + 60_000).toISOString() }), own, now)).toBe(false);
    expect(isOrphan(tags({ 'eb-platform-action:run-id': '9' }), own, now)).toBe(false);
    expect(isOrphan(tags({ 'eb-platform-action:run-id': '9', 'eb-platform-action:run-attempt': '2' }), own, now)).toBe(true);
    expect(isOrphan(tags({ 'eb-platform-action:repository': 'acme/other' }), own, now)).toBe(false);
    expect(isOrphan(tags({ 'eb-platform-action:run-deadline': undefined }), own, now)).toBe(false);
    expect(isOrphan(tags({ 'eb-platform-action:run-deadline': 'soon' }), own, now)).toBe(false);
    expect(isOrphan([], own, now)).toBe(false);
  });
});
