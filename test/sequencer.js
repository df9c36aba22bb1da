/**
 * The order jest hands test files to its two workers. The VM tier's files take turns on the
 * machine's one emulated guest (local/lock.ts): two of them at once leave a worker waiting on the
 * lock while the fast and fault tiers queue behind both, which jest's own order (slowest first,
 * from its cache) does whenever the VM files were the slowest last time. So one VM file goes first,
 * the other tiers next, and the remaining VM files last: one worker stays on the guest while the
 * other clears everything else.
 */
const Sequencer = require('@jest/test-sequencer').default;

class TierSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const isVm = (t) => t.context.config.displayName?.name === 'vm';
    const vm = sorted.filter(isVm);
    const rest = sorted.filter((t) => !isVm(t));
    return vm.length ? [vm[0], ...rest, ...vm.slice(1)] : rest;
  }
}

module.exports = TierSequencer;
