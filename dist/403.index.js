"use strict";
exports.id = 403;
exports.ids = [403];
exports.modules = {

/***/ 403:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRollback: () => (/* binding */ runRollback)
/* harmony export */ });
/** What a dry run says a rollback would do: read calls only, then the writes. */
function rollbackPlan(inputs) {
    const r = inputs.release;
    const regions = [inputs.region || '<aws-region>', ...r.regions];
    return [
        ...(r.ssmParameter
            ? [
                `ssm:GetParameterHistory ${r.ssmParameter} in ${regions.join(', ')}: find the release before the current one`,
                `ec2:DescribeImages in each: check that image is available and not deprecated`,
            ]
            : []),
        ...(r.ssmParameterPlatformArn
            ? [
                `ssm:GetParameterHistory ${r.ssmParameterPlatformArn} in ${regions[0]}: find the platform version before the current one`,
                `elasticbeanstalk:DescribePlatformVersion: check that version is Ready`,
            ]
            : []),
        'If every target checks out: ssm:PutParameter each back (its description names the value it leaves), and ec2:CreateTags the images left (never reused)',
    ];
}
async function runRollback(inputs, deps, report, step) {
    report.rolledBack = true;
    if (inputs.dryRun) {
        report.plan = rollbackPlan(inputs);
        deps.setOutput('plan', report.plan.join('\n'));
        deps.log.info(['Dry run: no AWS call made. A rollback would:', ...report.plan].join('\n'));
        return report;
    }
    const { rollback } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(114), __webpack_require__.e(736), __webpack_require__.e(425)]).then(__webpack_require__.bind(__webpack_require__, 1425));
    const done = await step('Roll back', () => rollback({
        ...deps,
        region: inputs.region,
        regions: inputs.release.regions,
        imageParameter: inputs.release.ssmParameter,
        platformArnParameter: inputs.release.ssmParameterPlatformArn,
    }));
    report.release.push(...done.lines);
    report.version = done.version;
    if (done.version)
        deps.setOutput('platform-version', done.version);
    if (done.platformArn)
        deps.setOutput('platform-arn', done.platformArn);
    const here = done.amiIds[inputs.region];
    if (here) {
        report.amiId = here;
        report.amiIds = done.amiIds;
        deps.setOutput('ami-id', here);
        deps.setOutput('ami-ids', JSON.stringify(done.amiIds));
        deps.setOutput('rolled-back-from', JSON.stringify(done.from));
    }
    return report;
}


/***/ })

};
;
//# sourceMappingURL=403.index.js.map