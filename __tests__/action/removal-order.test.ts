import type { Resource } from '../../src/resources/ledger';
import { removeConcurrently } from '../../src/resources/kind';
import { RESOURCE_KINDS } from '../../src/teardown/kinds';

const region = 'eu-west-1';
const builder: Resource = { kind: 'builder-environment', region, environmentName: 'eb-custom-platform-builder-packer' };
const instance: Resource = { kind: 'instance', region, clientToken: 'tok', instanceId: 'i-0abc' };
const group: Resource = { kind: 'security-group', region, groupName: 'g', groupId: 'sg-0abc' };
const key: Resource = { kind: 'key-pair', region, keyName: 'k' };

/** Removals that finish only when the test says so, recording when each started and ended. */
function controlled() {
  const events: string[] = [];
  const finish = new Map<string, () => void>();
  const remove = (r: Resource) => {
    events.push(`start ${r.kind}`);
    return new Promise<string>((resolve) =>
      finish.set(r.kind, () => {
        events.push(`end ${r.kind}`);
        resolve(`removed ${r.kind}`);
      }),
    );
  };
  const tick = () => new Promise((r) => setImmediate(r));
  return { events, finish, remove, tick };
}

describe('removal order', () => {
  it('issues every removal that depends on nothing at once, and the security group once the instance is gone', async () => {
    const c = controlled();
    const done = removeConcurrently([key, group, instance, builder], RESOURCE_KINDS, c.remove);
    await c.tick();
    expect(c.events.sort()).toEqual(['start builder-environment', 'start instance', 'start key-pair']);
    c.finish.get('key-pair')!();
    c.finish.get('builder-environment')!();
    await c.tick();
    expect(c.events).not.toContain('start security-group');
    c.finish.get('instance')!();
    await c.tick();
    expect(c.events.at(-1)).toBe('start security-group');
    c.finish.get('security-group')!();
    expect(await done).toEqual(['removed key-pair', 'removed security-group', 'removed instance', 'removed builder-environment']);
  });

  it('removes a security group at once when no instance is listed', async () => {
    const c = controlled();
    const done = removeConcurrently([group, key], RESOURCE_KINDS, c.remove);
    await c.tick();
    expect(c.events.sort()).toEqual(['start key-pair', 'start security-group']);
    c.finish.get('security-group')!();
    c.finish.get('key-pair')!();
    expect(await done).toEqual(['removed security-group', 'removed key-pair']);
  });
});
