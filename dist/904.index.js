"use strict";
exports.id = 904;
exports.ids = [904];
exports.modules = {

/***/ 4904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  inputsHelp: () => (/* binding */ inputsHelp),
  plan: () => (/* binding */ plan)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/lib/errors.ts
var lib_errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/inputs.ts + 2 modules
var src_inputs = __webpack_require__(8141);
// EXTERNAL MODULE: ./src/lib/aws.ts
var aws = __webpack_require__(2986);
// EXTERNAL MODULE: ./src/declarations.ts
var declarations = __webpack_require__(1978);
// EXTERNAL MODULE: ./src/resources/ledger.ts
var ledger = __webpack_require__(428);
// EXTERNAL MODULE: ./src/lib/clock.ts
var clock = __webpack_require__(4517);
;// CONCATENATED MODULE: ./src/lib/log.ts
/** A Log on plain streams that still honours `mask`, for the CLI, benches and tests. */
function streamLog(out = (line) => process.stdout.write(line + '\n'), err = (line) => process.stderr.write(line + '\n')) {
    const secrets = [];
    const scrub = (message) => secrets.reduce((text, secret) => text.split(secret).join('***'), message);
    return {
        secrets,
        info: (m) => out(scrub(m)),
        warning: (m) => err('warning: ' + scrub(m)),
        error: (m) => err('error: ' + scrub(m)),
        debug: (m) => {
            if (process.env.RUNNER_DEBUG === '1')
                out('debug: ' + scrub(m));
        },
        async group(name, fn) {
            out(`▶ ${scrub(name)}`);
            return fn();
        },
        mask(secret) {
            // Multi-line secrets (private keys) are masked line by line too, as the runner does.
            for (const part of [secret, ...secret.split(/\r?\n/)]) {
                if (part.trim().length >= 4 && !secrets.includes(part))
                    secrets.push(part);
            }
            secrets.sort((a, b) => b.length - a.length);
        },
    };
}
/** A Log that keeps every line, for tests. */
function memoryLog() {
    const lines = [];
    const log = streamLog((l) => lines.push(l), (l) => lines.push(l));
    return Object.assign(log, { lines, text: () => lines.join('\n') });
}

// EXTERNAL MODULE: ./src/pipeline.ts + 6 modules
var pipeline = __webpack_require__(1207);
;// CONCATENATED MODULE: ./src/action/plan.ts











const USAGE = `Usage: npm run plan -- [--INPUT VALUE ...]
Validates and packages the platform, then prints the AWS calls a real run would make.
No AWS call is made and no credentials are needed. INPUT is any input of action.yml,
for example --platform-dir platform --platform-name my-platform --platform-version v1.2.3.
Paths (--platform-dir, --smoke-script) are inside GITHUB_WORKSPACE, or the current
directory when it is unset; the platform name defaults to that directory's name outside
GitHub (GITHUB_REPOSITORY unset). With --builder packer, the packer a real run would use
validates the template where this machine has it.`;
/** Every input as a flag, with its default and action.yml's description, from the one table of inputs. */
function inputsHelp() {
    return Object.entries(declarations/* INPUTS */.mc)
        .map(([name, d]) => {
        const shown = (d.shownDefault ?? d.default).replace(/`/g, '');
        return `  --${name}${shown ? ` (default ${shown})` : ''}\n      ${d.description}\n`;
    })
        .join('');
}
/** The offline main job: a dry run of the action from a shell, with inputs as flags. */
async function plan(argv = process.argv.slice(2)) {
    if (argv.includes('--help') || argv.includes('-h')) {
        process.stdout.write(`${USAGE}\n\nInputs:\n${inputsHelp()}`);
        return 0;
    }
    const given = new Map();
    for (let i = 0; i < argv.length; i++) {
        const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(argv[i]);
        if (!m) {
            process.stderr.write(`Unexpected argument '${argv[i]}'.\n${USAGE}\n`);
            return 2;
        }
        given.set(m[1], m[2] ?? argv[++i] ?? '');
    }
    given.set('dry-run', 'true');
    const env = { ...process.env };
    // Outside GitHub the platform name defaults to the checkout's directory name.
    if (!given.get('platform-name') && !env.GITHUB_REPOSITORY)
        given.set('platform-name', external_node_path_.basename(process.cwd()).replace(/[^A-Za-z0-9._-]/g, '-'));
    const log = streamLog();
    try {
        const inputs = (0,src_inputs/* parseInputs */.TL)((name) => given.get(name) ?? '', env);
        const unknown = (0,src_inputs/* unknownInputs */.qs)([...given.keys()], inputs);
        if (unknown.length) {
            for (const u of unknown)
                log.error(`--${u.name} is not an input of this action${u.nearest ? `: did you mean --${u.nearest}?` : ''}`);
            process.stderr.write(`${USAGE}\n`);
            return 2;
        }
        for (const w of inputs.warnings)
            log.warning(w);
        let pool;
        const workDir = external_node_fs_.mkdtempSync(external_node_path_.join(external_node_os_.tmpdir(), 'eb-platform-plan-'));
        try {
            await (0,pipeline/* runPipeline */.a)(inputs, {
                // Only skip-unchanged's look (DescribeImages) calls AWS on a dry run, and only with credentials in the environment.
                clientsFor: (region) => (pool ??= (0,aws/* clientPool */.u)()).clientsFor(region),
                ledger: (0,ledger/* createLedger */.M5)(() => { }),
                log,
                workDir,
                runTags: {},
                // The plan output is the plan itself, printed once already.
                setOutput: (name, value) => name !== 'plan' && log.info(`output ${name}=${value}`),
                clock: clock/* realClock */.d,
            }, (0,pipeline/* newReport */.b)(inputs.platformName));
        }
        finally {
            pool?.destroy();
            external_node_fs_.rmSync(workDir, { recursive: true, force: true });
        }
        return 0;
    }
    catch (error) {
        const errors = error instanceof src_inputs/* InputErrors */.G ? error.errors : [error];
        for (const e of errors)
            log.error((0,lib_errors/* describeError */.Uc)(e));
        return 1;
    }
}


/***/ })

};
;
//# sourceMappingURL=904.index.js.map