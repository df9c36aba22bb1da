import { describeError } from '../lib/errors';
import { main } from './main';
import { plan } from './plan';
import { post } from './post';

/** The bundle's single entry: dist/main.js, dist/post.js and dist/plan.js each call one of these. */
export async function run(entry: 'main' | 'post' | 'plan'): Promise<void> {
  try {
    if (entry === 'main') await main();
    else if (entry === 'post') await post();
    else process.exitCode = await plan();
  } catch (error) {
    // Last resort: entry points report their own failures; this catches a bug.
    process.stderr.write(`::error::${describeError(error)}\n`);
    process.exitCode = 1;
  }
}
