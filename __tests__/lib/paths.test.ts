import { isInside } from '../../src/lib/paths';

describe('isInside', () => {
  it.each([
    ['/repo', 'platform', true],
    ['/repo', '.', true],
    ['/repo', '/repo/platform/x.sh', true],
    // A name that begins with two dots is still a name.
    ['/repo', '..notes', true],
    ['/repo', '..', false],
    ['/repo', '../other', false],
    ['/repo', '/elsewhere', false],
    ['/repo', 'platform/../../etc', false],
  ])('%s holds %s: %s', (dir, target, inside) => {
    expect(isInside(dir, target)).toBe(inside);
  });
});
