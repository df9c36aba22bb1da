import { describeError } from '../lib/errors';

/**
 * The bundle's single entry: dist/main.js, dist/post.js and dist/plan.js each
 * call one of these. Each loads its own modules (ncc puts every import() in
 * a chunk of its own), so a step starts by reading only what it runs.
 */
export async function run(entry: 'main' | 'post' | 'plan'): Promise<void> {
  try {
    if (entry === 'main') await (await import('./main')).main();
    else if (entry === 'post') await (await import('./post')).post();
    else process.exitCode = await (await import('./plan')).plan();
  } catch (error) {
    // Last resort: entry points report their own failures; this catches a bug. Its stack shows with debug
    // logging on, mapped into src/ (the entry files turn source maps on then).
    process.stderr.write(`::error::${describeError(error)}\n`);
    process.exitCode = 1;
    if (error instanceof Error && error.stack) (await import('@actions/core')).debug(error.stack);
  }
}
