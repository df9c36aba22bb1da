"use strict";
exports.id = 603;
exports.ids = [603];
exports.modules = {

/***/ 8603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ch: () => (/* binding */ builderNameFromArn),
/* harmony export */   Jf: () => (/* binding */ BUILDER_KIND),
/* harmony export */   builderEnvironment: () => (/* binding */ builderEnvironment)
/* harmony export */ });
/* unused harmony export terminateBuilder */
/* harmony import */ var _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6114);
/* harmony import */ var _lib_clock__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4517);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/* harmony import */ var _lib_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1737);
/* harmony import */ var _resources_states__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7391);
/* harmony import */ var _platforms__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23);






/** The environment name in a builder ARN such as `…:environment/APP/NAME`, if it has that shape. */
function builderNameFromArn(arn) {
    const m = arn ? /:environment\/[^/]+\/([^/]+)$/.exec(arn) : null;
    return m?.[1];
}
/** This run's platform version as the service sees it now, if it exists. */
async function ownBuild(eb, r) {
    if (!r.platformName || !r.platformVersion)
        return { arn: r.platformArn };
    const found = (await (0,_platforms__WEBPACK_IMPORTED_MODULE_2__/* .listOwnPlatformVersions */ .pU)(eb, { name: r.platformName, version: r.platformVersion }))[0];
    return { arn: found?.PlatformArn ?? r.platformArn, status: found?.PlatformStatus };
}
/** Whether a listed platform version is this run's build: its ARN, or its name and version (unique in an account). */
function isThisBuild(r, p, arn) {
    if (arn && p.PlatformArn === arn)
        return true;
    return !!r.platformName && !!r.platformVersion && (0,_platforms__WEBPACK_IMPORTED_MODULE_2__/* .matchesPlatform */ .pC)(p, { name: r.platformName, version: r.platformVersion });
}
/** Elastic Beanstalk refuses to terminate an environment that is launching or running a command (a build). */
const BUSY = ['Launching', 'Updating'];
/** TerminateEnvironment's answer for a busy environment: "… is in an invalid state for this operation. Must be Ready." */
const INVALID_STATE = /invalid state for this operation/i;
/** TerminateEnvironment's answers when the environment is already gone or going. */
const ALREADY_GONE = /no environment found|not found|does not exist|already (being )?terminat|is terminating/i;
/**
 * Terminates the builder environment unless another build of the account
 * still needs it, which is known at once and answered at once. Safe to call any
 * number of times. The service starts the builder a little after it accepts a
 * build (about two minutes in real logs), so while this run's build is still
 * Creating (or its create call's fate is unknown) an absent builder is waited
 * for, within a bound, rather than taken as gone; a builder busy with this
 * run's own build is waited for too, since Elastic Beanstalk will not
 * terminate it before the build ends.
 */
async function terminateBuilder(eb, record, log, clock = _lib_clock__WEBPACK_IMPORTED_MODULE_0__/* .realClock */ .d, bounds = {}) {
    const name = record.environmentName;
    const started = clock.now();
    const settleBy = started + (bounds.settleMs ?? 15 * 60_000);
    const appearBy = started + (bounds.appearMs ?? 3 * 60_000);
    const doubtBy = started + (bounds.doubtMs ?? 15_000);
    const pause = (0,_lib_retry__WEBPACK_IMPORTED_MODULE_3__/* .backoff */ .J)(2_000, 20_000);
    let told = '';
    let aborted = false;
    const tell = (line) => {
        if (line !== told)
            log.info(line);
        told = line;
    };
    for (;;) {
        const own = await ownBuild(eb, record);
        const found = await eb.send(new _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_4__/* .DescribeEnvironmentsCommand */ .$8c({ EnvironmentNames: [name], IncludeDeleted: false }));
        const live = (found.Environments ?? []).filter(_resources_states__WEBPACK_IMPORTED_MODULE_5__/* .isLiveEnvironment */ .e);
        const now = clock.now();
        if (!live.length) {
            if (own.status === 'Creating' && now < appearBy) {
                tell(`Builder environment ${name} is not there yet while ${own.arn} builds; waiting for it to appear.`);
            }
            else if (!own.arn && record.platformName && now < doubtBy) {
                // The create call may still be landing: look once more before calling the builder gone.
            }
            else {
                log.info(`Builder environment ${name}: already gone.`);
                return 'already gone';
            }
            await clock.sleep(pause.next());
            continue;
        }
        // Matched by name and version too: the create call may land between the look above and this one.
        const others = (await (0,_platforms__WEBPACK_IMPORTED_MODULE_2__/* .listOwnPlatformVersions */ .pU)(eb, { status: 'Creating' })).filter((p) => !isThisBuild(record, p, own.arn));
        if (others.length) {
            log.warning(`Builder environment ${name} left running: it is still building ${others.map((p) => p.PlatformArn).join(', ')}. ` +
                `Terminate it when those builds end: aws elasticbeanstalk terminate-environment --environment-name ${name}`);
            return 'kept: another build is running';
        }
        const busy = live.find((e) => BUSY.includes(e.Status ?? ''));
        if (busy?.Status === 'Updating' && own.status === 'Creating' && !aborted) {
            aborted = true;
            await abortOwnBuild(eb, busy, own.arn, log);
        }
        if (!busy) {
            const outcome = await terminate(eb, live, name, log);
            if (outcome !== 'busy')
                return outcome;
        }
        if (clock.now() >= settleBy) {
            throw new Error(`builder environment ${name} is still ${busy?.Status ?? 'busy'}${own.status === 'Creating' ? ` building ${own.arn}` : ''} after ${Math.round((settleBy - started) / 60_000)} min, ` +
                `and Elastic Beanstalk terminates it only once it is Ready: aws elasticbeanstalk terminate-environment --environment-name ${name}`);
        }
        tell(`Builder environment ${name} is ${busy?.Status ?? 'busy'}${own.status === 'Creating' ? ` with ${own.arn}` : ''}; Elastic Beanstalk terminates it only once it is Ready, so waiting.`);
        await clock.sleep(pause.next());
    }
}
/**
 * Stops the builder running this run's own build (cancelled, or past its
 * deadline), so it can be terminated. Not documented for a platform build:
 * AbortEnvironmentUpdate "cancels in-progress environment configuration update
 * or application version deployment". If it stops Packer, Packer's instance is
 * left for the teardown to find by its tags; if it is refused or changes
 * nothing, the wait goes on until the build ends or the bound passes.
 */
async function abortOwnBuild(eb, env, arn, log) {
    try {
        await eb.send(new _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_4__/* .AbortEnvironmentUpdateCommand */ .ET7({ EnvironmentId: env.EnvironmentId }));
        log.info(`Builder environment ${env.EnvironmentName} is still building ${arn}; asked it to abort that build.`);
    }
    catch (error) {
        log.info(`Builder environment ${env.EnvironmentName} would not abort the build of ${arn} (${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}); waiting for the build to end.`);
    }
}
async function terminate(eb, live, name, log) {
    for (const env of live) {
        try {
            await eb.send(new _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_4__/* .TerminateEnvironmentCommand */ .iLe({ EnvironmentId: env.EnvironmentId, TerminateResources: true }));
            log.info(`Builder environment ${name} (${env.EnvironmentId}): terminating.`);
        }
        catch (error) {
            const text = (0,_lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error);
            if (INVALID_STATE.test(text))
                return 'busy';
            // Terminating twice, or one already on its way out, is the outcome we want.
            if (ALREADY_GONE.test(text)) {
                log.info(`Builder environment ${name}: already on its way out (${text}).`);
                continue;
            }
            throw error;
        }
    }
    return 'terminated';
}
/** The builder environment as the ledger records it: by name, before a build starts it or when a run adopts it. */
const builderEnvironment = (region, environmentName, build = {}) => ({
    kind: 'builder-environment',
    region,
    environmentName,
    ...build,
});
/** The builder environment's entry in the table of resource kinds: terminated at teardown unless keep-builder. */
const BUILDER_KIND = {
    describe: (r) => `builder environment ${r.environmentName} (${r.region})`,
    async remove(r, env) {
        if (env.keepBuilder) {
            env.log.info(`Keeping ${BUILDER_KIND.describe(r)} (keep-builder is set).`);
            env.ledger.release(r);
            return 'kept (keep-builder)';
        }
        const result = await terminateBuilder(env.clientsFor(r.region).get(_aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_4__/* .ElasticBeanstalkClient */ .E8k), r, env.log, env.clock);
        env.ledger.release(r);
        return result;
    },
};


/***/ }),

/***/ 23:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gq: () => (/* binding */ parsePlatformArn),
/* harmony export */   pC: () => (/* binding */ matchesPlatform),
/* harmony export */   pU: () => (/* binding */ listOwnPlatformVersions)
/* harmony export */ });
/* unused harmony export OWNED_BY_SELF */
/* harmony import */ var _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6114);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6402);


/**
 * The owner value for the account's own platforms: the EB CLI sends `self`
 * (ebcli/core/ebglobals.py, OWNED_BY_SELF) and its fixtures show summaries
 * answering PlatformOwner "self". The API reference names no value, so the
 * EB CLI's, which has worked against the service for years, is the one.
 */
const OWNED_BY_SELF = 'self';
/** NAME and VERSION from arn:aws:elasticbeanstalk:REGION:ACCOUNT:platform/NAME/VERSION. */
function parsePlatformArn(arn) {
    const m = /:platform\/([^/]+)\/([^/]+)$/.exec(arn);
    return m ? { name: m[1], version: m[2] } : undefined;
}
/** The account's own platform versions matching every given field (filters are ANDed, one value each), across all pages. */
async function listOwnPlatformVersions(eb, match = {}) {
    const filters = [{ Type: 'PlatformOwner', Operator: '=', Values: [OWNED_BY_SELF] }];
    if (match.name)
        filters.push({ Type: 'PlatformName', Operator: '=', Values: [match.name] });
    if (match.version)
        filters.push({ Type: 'PlatformVersion', Operator: '=', Values: [match.version] });
    if (match.status)
        filters.push({ Type: 'PlatformStatus', Operator: '=', Values: [match.status] });
    const all = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_0__/* .allPages */ .S)('ListPlatformVersions', async (token) => {
        const page = await eb.send(new _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_1__/* .ListPlatformVersionsCommand */ .ENR({ Filters: filters, MaxRecords: 100, NextToken: token }));
        return { items: page.PlatformSummaryList, next: page.NextToken };
    });
    // The service applies the filters; keep only exact matches in case one is looser than '='.
    return all.filter((s) => matchesPlatform(s, match));
}
/** Whether a listed platform version has every given field (its name read from its ARN). */
function matchesPlatform(s, match) {
    const id = s.PlatformArn ? parsePlatformArn(s.PlatformArn) : undefined;
    if (match.name && id?.name !== match.name)
        return false;
    if (match.version && (s.PlatformVersion ?? id?.version) !== match.version)
        return false;
    if (match.status && s.PlatformStatus !== match.status)
        return false;
    return true;
}


/***/ }),

/***/ 6402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ allPages)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);

/**
 * Every item across a paged AWS listing. A service that hands back a token it
 * already gave would loop forever, so that is an error naming the call.
 */
async function allPages(call, fetchPage) {
    const items = [];
    const seen = new Set();
    let token;
    do {
        const page = await fetchPage(token);
        items.push(...(page.items ?? []));
        token = page.next || undefined;
        if (token && seen.has(token))
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg(call, `${call} returned the same NextToken twice ('${token}')`);
        if (token)
            seen.add(token);
    } while (token);
    return items;
}


/***/ }),

/***/ 1737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ backoff),
/* harmony export */   j: () => (/* binding */ sleepWithin)
/* harmony export */ });
function backoff(first, max, factor = 1.5) {
    let current = first;
    return {
        next() {
            const ms = current;
            current = Math.min(max, current * factor);
            return ms;
        },
        reset() {
            current = first;
        },
    };
}
/** Sleeps for `ms`, but not past `deadline` (epoch ms). */
function sleepWithin(clock, ms, deadline) {
    return clock.sleep(Math.max(0, Math.min(ms, deadline - clock.now())));
}


/***/ }),

/***/ 7391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ LIVE_INSTANCE_STATES),
/* harmony export */   e: () => (/* binding */ isLiveEnvironment)
/* harmony export */ });
/** The states in which an EC2 instance still exists and costs (EC2 API reference, InstanceStateName): what teardown and the sweep look for. */
const LIVE_INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped'];
/** An Elastic Beanstalk environment not yet on its way out (Terminating or Terminated): one a teardown or a sweep still has to end. */
const isLiveEnvironment = (e) => e.Status !== 'Terminated' && e.Status !== 'Terminating';


/***/ })

};
;
//# sourceMappingURL=603.index.js.map