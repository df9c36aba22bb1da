"use strict";
exports.id = 376;
exports.ids = [376];
exports.modules = {

/***/ 9303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ bundleKey),
/* harmony export */   oe: () => (/* binding */ BUILDER_ENVIRONMENT),
/* harmony export */   wP: () => (/* binding */ builderOptionSettings)
/* harmony export */ });
/**
 * The environment Elastic Beanstalk starts to run Packer. The API does not
 * return its name (CreatePlatformVersion gives only an ARN), and the EB CLI
 * hard-codes this one; there is a single builder per region, reused by builds.
 */
const BUILDER_ENVIRONMENT = 'eb-custom-platform-builder-packer';
/**
 * The builder environment's settings, as the EB CLI sends them
 * (ebcli/lib/elasticbeanstalk.py, create_platform_version): the launch
 * configuration and VPC the user chose, and always enhanced health and the
 * service role.
 */
function builderOptionSettings(builder) {
    const settings = [
        { Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'IamInstanceProfile', Value: builder.instanceProfile },
    ];
    if (builder.instanceType)
        settings.push({ Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'InstanceType', Value: builder.instanceType });
    if (builder.vpcId) {
        settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'VPCId', Value: builder.vpcId });
        if (builder.subnets.length)
            settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'Subnets', Value: builder.subnets.join(',') });
        settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'AssociatePublicIpAddress', Value: 'true' });
    }
    settings.push({ Namespace: 'aws:elasticbeanstalk:healthreporting:system', OptionName: 'SystemType', Value: 'enhanced' });
    settings.push({ Namespace: 'aws:elasticbeanstalk:environment', OptionName: 'ServiceRole', Value: builder.serviceRole });
    return settings;
}
/** Where the bundle goes: its content hash is part of the key, so a changed platform never overwrites an old one. */
function bundleKey(platformName, version, sha256) {
    return `custom-platforms/${platformName}/${version}-${sha256}.zip`;
}


/***/ }),

/***/ 4376:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweep: () => (/* binding */ sweep)
/* harmony export */ });
/* unused harmony exports GRACE_MS, isOrphan */
/* harmony import */ var _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6114);
/* harmony import */ var _builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9303);
/* harmony import */ var _builders_elastic_beanstalk_platforms__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23);
/* harmony import */ var _resources_kind__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9639);
/* harmony import */ var _resources_ledger__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(428);
/* harmony import */ var _lib_tags__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2538);
/* harmony import */ var _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(236);
/* harmony import */ var _resources_states__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7391);
/* harmony import */ var _kinds__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9283);









/** How long after a run's deadline its leftovers are taken as a dead run's: its post step has had time to run. */
const GRACE_MS = 60 * 60_000;
/** Whether a resource's tags say it belongs to a run of this repository that ended over an hour ago. */
function isOrphan(tags, own, now) {
    const deadline = Date.parse((0,_lib_tags__WEBPACK_IMPORTED_MODULE_4__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.deadline) ?? '');
    if (!Number.isFinite(deadline) || now - deadline < GRACE_MS)
        return false;
    if ((0,_lib_tags__WEBPACK_IMPORTED_MODULE_4__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository) !== own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository])
        return false;
    const sameRun = (0,_lib_tags__WEBPACK_IMPORTED_MODULE_4__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runId) === own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runId] && (0,_lib_tags__WEBPACK_IMPORTED_MODULE_4__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runAttempt) === own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runAttempt];
    return !sameRun;
}
/** The ended runs' leftovers of every kind that can be found by tags. */
async function orphans(clients, region, own, now) {
    const filters = [
        { Name: `tag:${_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.managedBy}`, Values: [own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.managedBy]] },
        { Name: `tag:${_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository}`, Values: [own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository]] },
    ];
    const kinds = Object.values(_kinds__WEBPACK_IMPORTED_MODULE_3__/* .RESOURCE_KINDS */ .p);
    const found = await Promise.all(kinds.map((k) => k.tagged?.(clients, region, filters) ?? []));
    return found.flat().filter((o) => isOrphan(o.tags, own, now));
}
/** Finds and removes the leftovers of ended runs; returns what it removed. */
async function sweep(clients, request, deps) {
    const { log, clock } = deps;
    const own = request.runTags;
    if (!own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository]) {
        log.info('No repository to sweep for (GITHUB_REPOSITORY is not set).');
        return [];
    }
    const found = await orphans(clients, request.region, own, clock.now());
    const swept = found.map((o) => ({
        what: (0,_kinds__WEBPACK_IMPORTED_MODULE_3__/* .describeResource */ .w)(o.record),
        run: (0,_lib_tags__WEBPACK_IMPORTED_MODULE_4__/* .tagValue */ .E)(o.tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runUrl) ?? `run ${(0,_lib_tags__WEBPACK_IMPORTED_MODULE_4__/* .tagValue */ .E)(o.tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runId) ?? '?'}`,
    }));
    for (const [i, o] of found.entries())
        log.info(`Removing ${swept[i].what}, left by ${swept[i].run} (its deadline was ${(0,_lib_tags__WEBPACK_IMPORTED_MODULE_4__/* .tagValue */ .E)(o.tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.deadline)}).`);
    // Not this run's: nothing of them is recorded, and a removal that fails is the next run's to try.
    const env = { clientsFor: () => clients, ledger: (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_1__/* .createLedger */ .M5)(() => { }), log, clock, keepBuilder: false };
    await (0,_resources_kind__WEBPACK_IMPORTED_MODULE_5__/* .removeConcurrently */ .vI)(found.map((o) => o.record), _kinds__WEBPACK_IMPORTED_MODULE_3__/* .RESOURCE_KINDS */ .p, (r) => (0,_resources_kind__WEBPACK_IMPORTED_MODULE_5__/* .kindOf */ .I)(_kinds__WEBPACK_IMPORTED_MODULE_3__/* .RESOURCE_KINDS */ .p, r).remove(r, env));
    if (request.adoptBuilder && (await idleBuilder(clients.get(_aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_6__/* .ElasticBeanstalkClient */ .E8k), log))) {
        request.adoptBuilder(_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_7__/* .BUILDER_ENVIRONMENT */ .oe);
        log.info(`Builder environment ${_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_7__/* .BUILDER_ENVIRONMENT */ .oe} was left running with no build: this run's build reuses it, and its teardown ends it.`);
        swept.push({ what: `builder environment ${_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_7__/* .BUILDER_ENVIRONMENT */ .oe}`, run: 'a build whose run ended' });
    }
    if (!swept.length)
        log.info('Nothing left by ended runs.');
    return swept;
}
/** Whether Elastic Beanstalk's builder environment is up and idle: Ready, and no platform version of the account Creating. */
async function idleBuilder(eb, log) {
    const env = (await eb.send(new _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_6__/* .DescribeEnvironmentsCommand */ .$8c({ EnvironmentNames: [_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_7__/* .BUILDER_ENVIRONMENT */ .oe], IncludeDeleted: false }))).Environments?.find(_resources_states__WEBPACK_IMPORTED_MODULE_8__/* .isLiveEnvironment */ .e);
    if (!env)
        return false;
    const building = await (0,_builders_elastic_beanstalk_platforms__WEBPACK_IMPORTED_MODULE_0__/* .listOwnPlatformVersions */ .pU)(eb, { status: 'Creating' });
    if (env.Status === 'Ready' && !building.length)
        return true;
    log.info(`Builder environment ${_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_7__/* .BUILDER_ENVIRONMENT */ .oe} is ${env.Status}${building.length ? ` while ${building[0].PlatformArn} builds` : ''}: left alone.`);
    return false;
}


/***/ })

};
;
//# sourceMappingURL=376.index.js.map