'use strict';
/**
 * Jest's node environment, with one thing mended: a test file runs in a vm context of its own, so an
 * error Node's own modules make (http's "socket hang up", fs's ENOENT) is not `instanceof Error` there
 * (jestjs/jest#2549). The AWS SDK's retry asks exactly that of a failed request (`asSdkError`): in a
 * test it wrapped a dropped connection as "AWS SDK error wrapper for …", lost its code and did not
 * retry, which a run outside jest does. The test realm's Error (and its native subclasses) also answer
 * true for the same kind from Node's realm; a subclass a test declares is untouched.
 *
 * It also tells a test file whether jest runs only some of its tests (`-t`): a check over all of a
 * file's runs (the IAM policy, the masking) is then not a finding (see __tests__/helpers/whole-file.ts).
 */
const { TestEnvironment } = require('jest-environment-node');

const NATIVE_ERRORS = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError'];

class NodeRealmErrors extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__JEST_TEST_NAME_PATTERN__ = config.globalConfig.testNamePattern || '';
    for (const name of NATIVE_ERRORS) {
      const inner = this.global[name];
      const outer = globalThis[name];
      if (!inner || inner === outer) continue;
      Object.defineProperty(inner, Symbol.hasInstance, {
        configurable: true,
        value(value) {
          if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
          return this === inner && value instanceof outer;
        },
      });
    }
  }
}

module.exports = NodeRealmErrors;
