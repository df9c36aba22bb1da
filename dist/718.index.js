"use strict";
exports.id = 718;
exports.ids = [718,869];
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

/***/ 7718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7484);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_actions_core__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_log__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5348);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8141);
/* harmony import */ var _resources_ledger__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(428);
/* harmony import */ var _lib_aws__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2986);
/* harmony import */ var _lib_clock__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4517);
/* harmony import */ var _resources_describe__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7764);
/* harmony import */ var _resources_teardown__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9869);









/**
 * Runs after the job whatever happened to it (post-if: always()): removes
 * whatever the main step recorded and did not get to remove itself, because it
 * failed, was cancelled or was killed. The clock is the runner's, or a test's
 * virtual one.
 */
async function post(clock = _lib_clock__WEBPACK_IMPORTED_MODULE_4__/* .realClock */ .d) {
    const log = (0,_core_log__WEBPACK_IMPORTED_MODULE_1__/* .coreLog */ .u)();
    const saved = (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_6__/* .parseLedger */ .h8)(_actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_resources_ledger__WEBPACK_IMPORTED_MODULE_6__/* .LEDGER_STATE */ .Kp), (why) => log.warning(why));
    if (!saved.length) {
        log.info('Nothing left to tear down.');
        return;
    }
    let keepBuilder = false;
    try {
        keepBuilder = (0,_inputs__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)('keep-builder', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('keep-builder'), false);
    }
    catch (error) {
        log.warning(`${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}; tearing the builder down.`);
    }
    log.info(`Tearing down what the run left: ${saved.map(_resources_describe__WEBPACK_IMPORTED_MODULE_7__/* .describeResource */ .w).join(', ')}`);
    const ledger = (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_6__/* .createLedger */ .M5)((serialized) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_resources_ledger__WEBPACK_IMPORTED_MODULE_6__/* .LEDGER_STATE */ .Kp, serialized), saved);
    const pool = (0,_lib_aws__WEBPACK_IMPORTED_MODULE_8__/* .clientPool */ .u)();
    const outcomes = await (0,_resources_teardown__WEBPACK_IMPORTED_MODULE_5__.teardown)(ledger, (region) => pool.clientsFor(region), log, { keepBuilder, clock }).finally(() => pool.destroy());
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`Could not remove: ${failed.map((o) => `${(0,_resources_describe__WEBPACK_IMPORTED_MODULE_7__/* .describeResource */ .w)(o.resource)} (${o.detail})`).join('; ')}. Remove them by hand.`);
    }
}


/***/ }),

/***/ 8603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ builderNameFromArn),
/* harmony export */   x: () => (/* binding */ terminateBuilder)
/* harmony export */ });
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

/***/ 2986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ clientPool)
/* harmony export */ });
/* unused harmony export createClients */
/**
 * Clients on the SDK's default credential chain (so OIDC through
 * aws-actions/configure-aws-credentials works unchanged) and its standard
 * endpoint variables (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`).
 * Adaptive retries back off on throttling across the whole run.
 */
function createClients(region) {
    const config = { region, retryMode: 'adaptive', maxAttempts: 8, customUserAgent: 'eb-custom-platform-action' };
    const made = new Map();
    return {
        get(Client) {
            let client = made.get(Client);
            if (!client)
                made.set(Client, (client = new Client(config)));
            return client;
        },
        destroy() {
            for (const client of made.values())
                client.destroy();
            made.clear();
        },
    };
}
function clientPool() {
    const cache = new Map();
    return {
        clientsFor(region) {
            let clients = cache.get(region);
            if (!clients)
                cache.set(region, (clients = createClients(region)));
            return clients;
        },
        destroy() {
            for (const clients of cache.values())
                clients.destroy();
            cache.clear();
        },
    };
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

/***/ 2538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ tagValue),
/* harmony export */   q: () => (/* binding */ tagFilters)
/* harmony export */ });
/** The value of one tag in an AWS tag list (EC2's Tags, TagSet), if it is there. */
function tagValue(tags, key) {
    return tags?.find((t) => t.Key === key)?.Value;
}
/** EC2 filters that match a resource carrying every one of `tags` (`tag:KEY` = VALUE, ANDed). */
const tagFilters = (tags) => Object.entries(tags).map(([k, v]) => ({ Name: `tag:${k}`, Values: [v] }));


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


/***/ }),

/***/ 9869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  teardown: () => (/* binding */ teardown)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-beanstalk/dist-cjs/index.js
var client_elastic_beanstalk_dist_cjs = __webpack_require__(6114);
// EXTERNAL MODULE: ./src/builders/elastic-beanstalk/builder.ts
var builder = __webpack_require__(8603);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/resources/describe.ts
var describe = __webpack_require__(7764);
// EXTERNAL MODULE: ./src/resources/removal-order.ts
var removal_order = __webpack_require__(6228);
// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/smoke/index.ts + 6 modules
var smoke = __webpack_require__(8987);
// EXTERNAL MODULE: ./src/lib/aws-errors.ts
var aws_errors = __webpack_require__(6676);
// EXTERNAL MODULE: ./src/lib/paginate.ts
var paginate = __webpack_require__(6402);
// EXTERNAL MODULE: ./src/lib/tags.ts
var tags = __webpack_require__(2538);
// EXTERNAL MODULE: ./src/smoke/instance.ts
var instance = __webpack_require__(7118);
// EXTERNAL MODULE: ./src/resources/ec2-delete.ts
var ec2_delete = __webpack_require__(599);
// EXTERNAL MODULE: ./src/resources/states.ts
var states = __webpack_require__(7391);
;// CONCATENATED MODULE: ./src/builders/packer/leftovers.ts
/**
 * What a Packer build leaves when it ends without its own clean-up (Elastic
 * Beanstalk's builder stopped, or the runner killed the job: GitHub's runner
 * sends SIGINT, then SIGTERM 7.5 s later and kills the process tree 2.5 s after
 * that, actions/runner src/Runner.Sdk/ProcessInvoker.cs): its build instance,
 * the temporary security group and key pair it made for it, and an AMI (with
 * its snapshot) it had begun. Found two ways, each enough alone:
 * - what Packer announced (ids and names in the ledger), and through the
 *   instance its group and key pair, only when named as Packer names its
 *   temporary ones (`packer_<uuid>`), so nothing of anyone else's is touched;
 * - the tags Packer gave them: the template's run tags (Elastic Beanstalk), or
 *   with builder packer this run's own tags, which the amazon plugin puts on
 *   the instance, key pair and security group (builder/ebs/builder.go) and on
 *   the AMI and snapshot from CreateImage on (builder/ebs/step_create_ami.go).
 *   Only this run's own tags are trusted to find images, and never the image
 *   the build finished.
 */







/** Packer's names for its temporary key pair and security group (amazon-ebs: `packer_<uuid>`). */
const PACKER_TEMPORARY = /^packer[_-]/;
/**
 * The smoke test's key pair, group and instance carry this run's tags too (made before the build,
 * they are there while Packer's are looked for): they are named by the smoke test, and left to it.
 */
const smokeTests = (name) => !!name?.startsWith(instance/* SMOKE_NAME_PREFIX */.Nc);
async function findInstances(ec2, what) {
    const found = [];
    const queries = [];
    const live = { Name: 'instance-state-name', Values: states/* LIVE_INSTANCE_STATES */.W };
    if (Object.keys(what.tags).length)
        queries.push([...(0,tags/* tagFilters */.q)(what.tags), live]);
    if (what.instanceIds?.length)
        queries.push([{ Name: 'instance-id', Values: what.instanceIds }, live]);
    for (const Filters of queries) {
        const out = await ec2.send(new dist_cjs.DescribeInstancesCommand({ Filters }));
        for (const i of (out.Reservations ?? []).flatMap((r) => r.Instances ?? []))
            if (!smokeTests(i.KeyName) && !found.some((f) => f.InstanceId === i.InstanceId))
                found.push(i);
    }
    return found;
}
/** The group ids and key names Packer made: named in the ledger, found through its instances, or (this run's tags) by tag. */
async function findGroupsAndKeys(ec2, what, instances) {
    const groups = new Set(what.groupIds ?? []);
    const keys = new Set(what.keyNames ?? []);
    for (const name of what.groupNames ?? []) {
        const out = await ec2.send(new dist_cjs.DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [name] }] }));
        for (const g of out.SecurityGroups ?? [])
            if (g.GroupId)
                groups.add(g.GroupId);
    }
    for (const i of instances) {
        for (const g of i.SecurityGroups ?? [])
            if (g.GroupId && PACKER_TEMPORARY.test(g.GroupName ?? ''))
                groups.add(g.GroupId);
        if (i.KeyName && PACKER_TEMPORARY.test(i.KeyName))
            keys.add(i.KeyName);
    }
    if (what.runTagged) {
        const Filters = (0,tags/* tagFilters */.q)(what.tags);
        for (const g of (await ec2.send(new dist_cjs.DescribeSecurityGroupsCommand({ Filters }))).SecurityGroups ?? [])
            if (g.GroupId && !smokeTests(g.GroupName))
                groups.add(g.GroupId);
        for (const k of (await ec2.send(new dist_cjs.DescribeKeyPairsCommand({ Filters }))).KeyPairs ?? [])
            if (k.KeyName && !smokeTests(k.KeyName))
                keys.add(k.KeyName);
    }
    return { groups, keys };
}
/** Images the build began and did not finish: announced, or (this run's tags) tagged; never the one it finished. */
async function findImages(ec2, what) {
    const images = new Set(what.imageIds ?? []);
    if (what.runTagged) {
        const tagged = await (0,paginate/* allPages */.S)('DescribeImages', async (token) => {
            const page = await ec2.send(new dist_cjs.DescribeImagesCommand({ Owners: ['self'], Filters: (0,tags/* tagFilters */.q)(what.tags), NextToken: token, MaxResults: 1000 }));
            return { items: page.Images, next: page.NextToken };
        });
        for (const i of tagged)
            if (i.ImageId && i.State !== 'deregistered')
                images.add(i.ImageId);
    }
    if (what.builtImageId)
        images.delete(what.builtImageId);
    return [...images];
}
/** Snapshots carrying this run's tags that no image of the build kept: one whose AMI was never registered, or whose deletion with it failed. */
async function findSnapshots(ec2, what, keep) {
    if (!what.runTagged)
        return [];
    const snapshots = await (0,paginate/* allPages */.S)('DescribeSnapshots', async (token) => {
        const page = await ec2.send(new dist_cjs.DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: (0,tags/* tagFilters */.q)(what.tags), NextToken: token }));
        return { items: page.Snapshots, next: page.NextToken };
    });
    return snapshots.map((s) => s.SnapshotId).filter((id) => id && !keep.has(id));
}
/** The snapshots of the image the build finished, which stay with it. */
async function builtSnapshots(ec2, what) {
    if (!what.builtImageId)
        return new Set();
    const image = await ec2.send(new dist_cjs.DescribeImagesCommand({ ImageIds: [what.builtImageId] })).then((out) => out.Images?.[0], (error) => {
        if ((0,aws_errors/* isNotFound */.c4)(error, 'InvalidAMIID.NotFound'))
            return undefined;
        throw error;
    });
    return new Set((0,ec2_delete/* imageSnapshots */.FD)(image));
}
/** Removes the build instance, then its temporary group and key pair, then an unfinished AMI and its snapshots. Safe to run any number of times. */
async function removePackerLeftovers(ec2, what, log, clock) {
    const removed = [];
    const instances = await findInstances(ec2, what);
    const { groups, keys } = await findGroupsAndKeys(ec2, what, instances);
    const ids = instances.map((i) => i.InstanceId);
    if (ids.length) {
        log.info(`Packer's build instance ${ids.join(', ')} outlived its build; terminating it.`);
        await (0,ec2_delete/* terminateInstances */.ch)(ec2, ids, log, clock);
        removed.push(...ids.map((id) => `instance ${id}`));
    }
    for (const groupId of groups) {
        if (await (0,ec2_delete/* deleteSecurityGroup */.dl)(ec2, groupId, log, clock))
            removed.push(`security group ${groupId}`);
    }
    for (const keyName of keys) {
        await (0,ec2_delete/* deleteKeyPair */.z9)(ec2, keyName);
        removed.push(`key pair ${keyName}`);
    }
    for (const imageId of await findImages(ec2, what))
        removed.push(...(await (0,ec2_delete/* deregisterImage */._k)(ec2, imageId, log, clock)));
    for (const snapshotId of await findSnapshots(ec2, what, await builtSnapshots(ec2, what))) {
        if (removed.includes(`snapshot ${snapshotId}`))
            continue;
        await (0,ec2_delete/* deleteSnapshot */.Cj)(ec2, snapshotId, log, clock);
        removed.push(`snapshot ${snapshotId}`);
    }
    if (removed.length)
        log.info(`Removed what Packer left: ${removed.join(', ')}.`);
    return removed;
}

;// CONCATENATED MODULE: ./src/resources/teardown.ts









/**
 * Removes everything the ledger still lists, what does not depend on anything
 * else at once, and keeps going past failures so one stuck resource does not
 * strand the others. Idempotent: gone is success.
 */
async function teardown(ledger, clientsFor, log, options) {
    const clock = options.clock ?? lib_clock/* realClock */.d;
    return (0,removal_order/* removeConcurrently */.v)(ledger.list().reverse(), async (resource) => {
        const what = (0,describe/* describeResource */.w)(resource);
        try {
            if (resource.kind === 'builder-environment') {
                if (options.keepBuilder) {
                    log.info(`Keeping ${what} (keep-builder is set).`);
                    ledger.release(resource);
                    return { resource, ok: true, detail: 'kept (keep-builder)' };
                }
                const result = await (0,builder/* terminateBuilder */.x)(clientsFor(resource.region).get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k), resource, log);
                ledger.release(resource);
                return { resource, ok: true, detail: result };
            }
            if (resource.kind === 'packer-build') {
                const removed = await removePackerLeftovers(clientsFor(resource.region).get(dist_cjs.EC2Client), resource, log, clock);
                ledger.release(resource);
                return { resource, ok: true, detail: removed.length ? `removed ${removed.join(', ')}` : 'nothing left' };
            }
            if (resource.kind === 'image-copy') {
                const { removeImageCopy } = await __webpack_require__.e(/* import() */ 960).then(__webpack_require__.bind(__webpack_require__, 960));
                const removed = await removeImageCopy(clientsFor(resource.region).get(dist_cjs.EC2Client), resource, log, clock);
                ledger.release(resource);
                return { resource, ok: true, detail: removed.length ? `removed ${removed.join(', ')}` : 'nothing left' };
            }
            await (0,smoke.teardownSmokeResource)(resource, { ec2: clientsFor(resource.region).get(dist_cjs.EC2Client), ledger, log, clock });
            return { resource, ok: true, detail: 'deleted' };
        }
        catch (error) {
            log.error(`Could not remove ${what}: ${(0,errors/* describeError */.Uc)(error)}`);
            return { resource, ok: false, detail: (0,errors/* describeError */.Uc)(error) };
        }
    });
}


/***/ })

};
;
//# sourceMappingURL=718.index.js.map