/**
 * A check over everything a test file's runs did (every call allowed by the README's policy, no
 * secret in any output) belongs after all of them, not in a test that only passes when the others
 * happened to run first: `afterAllRuns` registers it so, under `--randomize` too. When jest runs only
 * some of the file's tests (`-t`), what they did is not the whole, and the check says it did not run.
 */
declare const __JEST_TEST_NAME_PATTERN__: string | undefined;

export function afterAllRuns(what: string, check: () => void | Promise<void>, timeout?: number): void {
  afterAll(async () => {
    const pattern = typeof __JEST_TEST_NAME_PATTERN__ === 'string' ? __JEST_TEST_NAME_PATTERN__ : '';
    if (pattern) {
      process.stderr.write(`Not checked (only tests matching /${pattern}/ ran): ${what}.\n`);
      return;
    }
    await check();
  }, timeout);
}
