import { createLedger, parseLedger, Resource } from '../../src/resources/ledger';

describe('ledger', () => {
  it('persists on every change, and merges ids learnt later into the same entry', () => {
    const saved: string[] = [];
    const ledger = createLedger((s) => saved.push(s));
    const instance: Resource = { kind: 'instance', region: 'eu-west-1', clientToken: 'tok-1' };
    ledger.record(instance);
    ledger.record({ ...instance, instanceId: 'i-0abc' });
    expect(ledger.list()).toEqual([{ kind: 'instance', region: 'eu-west-1', clientToken: 'tok-1', instanceId: 'i-0abc' }]);
    expect(saved).toHaveLength(2);
    expect(JSON.parse(saved[0])).toEqual([instance]);
    ledger.release(instance);
    expect(ledger.list()).toEqual([]);
    expect(JSON.parse(saved[2])).toEqual([]);
    // Releasing what is not there changes nothing and saves nothing.
    ledger.release(instance);
    expect(saved).toHaveLength(3);
  });

  it('round-trips through the saved form and survives garbage', () => {
    const saved: string[] = [];
    const ledger = createLedger((s) => saved.push(s));
    ledger.record({ kind: 'key-pair', region: 'us-east-1', keyName: 'k' });
    ledger.record({ kind: 'builder-environment', region: 'us-east-1', environmentName: 'eb-custom-platform-builder-packer' });
    expect(parseLedger(saved.at(-1)!)).toEqual(ledger.list());
    const bad: string[] = [];
    expect(parseLedger('{not json', (w) => bad.push(w))).toEqual([]);
    expect(bad[0]).toMatch(/unreadable/);
    expect(parseLedger('')).toEqual([]);
    expect(parseLedger('[{"kind":"instance"}, 3, {"kind":"key-pair","region":"r","keyName":"k"}]')).toEqual([{ kind: 'key-pair', region: 'r', keyName: 'k' }]);
  });
});
