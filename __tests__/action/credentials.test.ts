import { credentialsWarning } from '../../src/lib/credentials';

describe("the credentials' expiry against the run's deadline", () => {
  const now = Date.parse('2026-12-04T12:00:00Z');
  const minutes = (n: number) => now + n * 60_000;

  it('warns when a known expiry falls before the deadline, for any deadline', async () => {
    for (const deadline of [10, 45, 120]) {
      const warning = await credentialsWarning(async () => ({ expiration: new Date(minutes(deadline - 5)), sessionToken: 't' }), minutes(deadline), deadline);
      expect(warning).toMatch(/^The AWS credentials expire at .*, 5 min before this run's deadline \(deadline-minutes: \d+\)/);
    }
    expect(await credentialsWarning(async () => ({ expiration: new Date(minutes(50)) }), minutes(45), 45)).toBeUndefined();
  });

  it("warns of a session whose expiry is unknown whenever the deadline is past STS's shortest session", async () => {
    expect(await credentialsWarning(async () => ({ sessionToken: 't' }), minutes(30), 30)).toMatch(
      /^The AWS credentials are a session whose expiry is not known here .* this run may take 30 min .* as little as 15 min/,
    );
    expect(await credentialsWarning(async () => ({ sessionToken: 't' }), minutes(15), 15)).toBeUndefined();
    // Long-lived keys have neither expiry nor session.
    expect(await credentialsWarning(async () => ({}), minutes(600), 600)).toBeUndefined();
  });
});
