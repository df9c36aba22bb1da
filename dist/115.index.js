"use strict";
exports.id = 115;
exports.ids = [115];
exports.modules = {

/***/ 5348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ coreLog)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7484);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_actions_core__WEBPACK_IMPORTED_MODULE_0__);

/** The Log the entry points hand to every step: the runner's log, groups and masking. */
function coreLog() {
    return {
        info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(m),
        warning: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(m),
        error: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(m),
        debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(m),
        group: (name, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.group(name, fn),
        mask(secret) {
            // The runner masks line by line; a multi-line secret (a private key) is registered one line
            // at a time, leaving out PEM armour lines, which are not secret.
            const lines = secret.split(/\r?\n/).map((l) => l.trim());
            if (lines.length === 1)
                return _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret);
            for (const line of lines)
                if (line.length >= 4 && !/^-----(BEGIN|END) /.test(line))
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(line);
        },
    };
}


/***/ }),

/***/ 4115:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js
var core = __webpack_require__(7484);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/lib/aws.ts
var aws = __webpack_require__(2986);
// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/action/core-log.ts
var core_log = __webpack_require__(5348);
// EXTERNAL MODULE: ./src/inputs.ts + 2 modules
var src_inputs = __webpack_require__(8141);
// EXTERNAL MODULE: ./src/resources/ledger.ts
var resources_ledger = __webpack_require__(428);
// EXTERNAL MODULE: ./src/pipeline.ts + 6 modules
var pipeline = __webpack_require__(1207);
// EXTERNAL MODULE: ./src/resources/run-tags.ts
var run_tags = __webpack_require__(236);
;// CONCATENATED MODULE: ./src/action/summary.ts
function seconds(ms) {
    return ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}
function cell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
function stepResult(s) {
    const warned = s.warnings ? `, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}` : '';
    return s.ok ? (warned ? `⚠️ ok${warned}` : 'ok') : `failed${warned}`;
}
/** The summary of a run refused for its inputs: each error, and that nothing was done. */
function renderInputErrors(platformName, errors, warnings = []) {
    return [
        `## Elastic Beanstalk custom platform ${platformName ? `\`${cell(platformName)}\` ` : ''}❌ refused: ${errors.length === 1 ? 'an input is' : `${errors.length} inputs are`} invalid`,
        '',
        ...errors.map((e) => `- ${cell(e)}`),
        '',
        'Nothing was done: no AWS call was made, nothing was packaged or created. Fix the inputs above and run again.',
        '',
        ...(warnings.length ? [`**Warnings** (${warnings.length})`, '', ...warnings.map((w) => `- ⚠️ ${cell(w)}`), ''] : []),
    ].join('\n');
}
/** The most changed packages the summary lists; the SBOM files hold all. */
const MAX_CHANGES = 50;
function sbomLines(sbom) {
    const out = [
        `**SBOM** (CycloneDX 1.5, the \`sbom-path\` output): ${sbom.packages} packages (${sbom.packageManager ?? 'no package manager found'}), ${cell(sbom.os ?? 'unknown OS')}, kernel ${cell(sbom.kernel)}${sbom.docker ? `, Docker ${cell(sbom.docker)}` : ''}`,
        '',
    ];
    const since = sbom.since;
    if (!since)
        return out;
    const { added, removed, changed } = since.changes;
    out.push(`Since ${since.imageId ?? 'the previous image'}${since.version ? ` (${cell(since.version)})` : ''}${since.verified ? '' : " (its SBOM not verified against the image's tag)"}: ${changed.length} changed, ${added.length} added, ${removed.length} removed`, '');
    const rows = [
        ...changed.map((c) => `| ${cell(c.name)} | ${cell(c.from)} | ${cell(c.to)} |`),
        ...added.map((a) => `| ${cell(a)} | — | added |`),
        ...removed.map((r) => `| ${cell(r)} | removed | — |`),
    ];
    if (rows.length)
        out.push('| Package | Before | After |', '| --- | --- | --- |', ...rows.slice(0, MAX_CHANGES), '');
    if (rows.length > MAX_CHANGES)
        out.push(`…and ${rows.length - MAX_CHANGES} more (compare the two SBOM files).`, '');
    return out;
}
function headline(report, error) {
    if (error)
        return report.rolledBack ? '❌ rollback failed' : '❌ failed';
    if (report.plan)
        return '📝 dry run';
    if (report.rolledBack)
        return '↩️ rolled back';
    return report.reused ? '♻️ reused (built from the same inputs before: no build, no smoke test)' : '✅ built';
}
/** The job summary as Markdown: what was built, how long each step took, the smoke checks, what was torn down. */
function renderSummary(report, error) {
    const rows = [
        ['Platform', report.platformName],
        ['Version', report.version ?? '—'],
        ['ARN', report.platformArn ?? '—'],
        ['AMI', report.amiId ?? '—'],
        ['Bundle SHA-256', report.bundle?.sha256 ?? '—'],
    ];
    if (report.bundle?.key)
        rows.push(['Bundle', report.bundle.key]);
    const out = [
        `## Elastic Beanstalk custom platform ${headline(report, error)}`,
        '',
        '| | |',
        '| --- | --- |',
        ...rows.map(([k, v]) => `| ${k} | \`${cell(v)}\` |`),
        '',
    ];
    if (error)
        out.push('**Error**', '', '```', error, '```', '');
    if (report.steps.length) {
        out.push('| Step | Result | Duration |', '| --- | --- | --- |');
        for (const s of report.steps)
            out.push(`| ${cell(s.name)} | ${stepResult(s)} | ${seconds(s.ms)} |`);
        out.push('');
    }
    if (report.warnings.length)
        out.push(`**Warnings** (${report.warnings.length})`, '', ...report.warnings.map((w) => `- ⚠️ ${cell(w)}`), '');
    if (report.plan)
        out.push('**Plan**', '', '```', ...report.plan, '```', '');
    if (report.smoke) {
        out.push(`**Smoke test** on ${report.smoke.instanceId ?? 'the instance'}${report.smoke.hostKeyPinned ? '' : ' (host key not pinned: trusted on first use)'}`, '');
        out.push('| Check | Result | Duration | Output |', '| --- | --- | --- | --- |');
        for (const c of report.smoke.checks)
            out.push(`| ${cell(c.name)} | ${c.ok ? 'pass' : 'FAIL'} | ${seconds(c.durationMs)} | ${cell(c.excerpt.slice(0, 200))} |`);
        out.push('');
    }
    if (report.sbom)
        out.push(...sbomLines(report.sbom));
    if (report.amiIds && Object.keys(report.amiIds).length > 1) {
        out.push('| Region | Image |', '| --- | --- |', ...Object.entries(report.amiIds).map(([region, id]) => `| ${region} | \`${id}\` |`), '');
    }
    if (report.release.length) {
        out.push('**Release**', '', ...report.release.map((l) => `- ${cell(l)}`), '');
    }
    if (report.teardown.length) {
        out.push('**Teardown**', '');
        for (const t of report.teardown)
            out.push(`- ${t.what}: ${t.ok ? t.detail : `FAILED: ${t.detail}`}`);
        out.push('');
    }
    return out.join('\n');
}

;// CONCATENATED MODULE: ./src/action/main.ts











/**
 * The main step: parse, run the pipeline, write the summary. The clock is the
 * runner's, or a test's virtual one shared with the AWS stand-in.
 */
async function main(clock = lib_clock/* realClock */.d) {
    const log = (0,core_log/* coreLog */.u)();
    let inputs;
    try {
        inputs = (0,src_inputs/* parseInputs */.TL)((name) => core.getInput(name));
    }
    catch (error) {
        // One line per bad input, then fail: no AWS call has been made.
        const errors = error instanceof src_inputs/* InputErrors */.G ? error.errors : [error];
        if (errors.length > 1)
            for (const e of errors)
                core.error(e.message);
        await writeSummary(renderInputErrors(core.getInput('platform-name') || (process.env.GITHUB_REPOSITORY ?? '').split('/')[1] || '', errors.map((e) => e.message)), log);
        core.setFailed(errors.length === 1 ? errors[0].message : `${errors.length} inputs are invalid (each is named above)`);
        return;
    }
    // GitHub sets INPUT_<NAME> for each input given (@actions/core reads them so): names the action does not read are misspellings.
    const given = Object.keys(process.env)
        .filter((k) => k.startsWith('INPUT_'))
        .map((k) => k.slice('INPUT_'.length).toLowerCase());
    const report = (0,pipeline/* newReport */.b)(inputs.platformName);
    for (const w of [...(0,src_inputs/* unknownInputs */.qs)(given, inputs).map(src_inputs/* unknownInputWarning */.p6), ...inputs.warnings]) {
        log.warning(w);
        report.warnings.push(w);
    }
    const ledger = (0,resources_ledger/* createLedger */.M5)((serialized) => core.saveState(resources_ledger/* LEDGER_STATE */.Kp, serialized));
    const controller = new AbortController();
    const onSignal = (signal) => {
        if (controller.signal.aborted)
            process.exit(1);
        log.warning(`Received ${signal}: stopping, then tearing down what this run created (the post step finishes anything left).`);
        controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let failure;
    const pool = (0,aws/* clientPool */.u)();
    try {
        await (0,pipeline/* runPipeline */.a)(inputs, {
            clientsFor: (region) => pool.clientsFor(region),
            ledger,
            log,
            workDir: process.env.RUNNER_TEMP || external_node_os_.tmpdir(),
            runTags: (0,run_tags/* runTags */.He)(),
            setOutput: (name, value) => core.setOutput(name, value),
            clock,
            signal: controller.signal,
        }, report);
    }
    catch (error) {
        failure = (0,errors/* describeError */.Uc)(error);
        if (error instanceof errors/* StepError */.zg)
            for (const line of error.details)
                log.info(line);
    }
    finally {
        pool.destroy();
    }
    await writeSummary(renderSummary(report, failure), log);
    if (failure)
        core.setFailed(failure);
    // A signal from here on ends the process as Node's default does: the summary is written.
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
}
async function writeSummary(markdown, log) {
    try {
        await core.summary.addRaw(markdown).write();
    }
    catch (error) {
        log.warning(`Could not write the job summary: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
/** The main step under GitHub's @github/local-action (`npm run local-action`), which imports this module and calls run(). */
const run = main;


/***/ })

};
;
//# sourceMappingURL=115.index.js.map