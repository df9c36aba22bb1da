"use strict";
exports.id = 604;
exports.ids = [604];
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

/***/ 8586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ packerLogStream),
/* harmony export */   Th: () => (/* binding */ packerLogTail),
/* harmony export */   XH: () => (/* binding */ provisionerTail),
/* harmony export */   dJ: () => (/* binding */ buildFailureReason)
/* harmony export */ });
/* unused harmony export builderLogText */
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2684);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _packer_output__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3942);



/**
 * The ERROR events a failed build ends with that only say it failed, in the
 * order public transcripts of real `ebp create` runs show them: Packer's own
 * error comes before them and is the one worth reading.
 */
const GENERIC_FAILURE = [
    /^'packer build' failed/,
    /Command failed on instance/,
    /^Unsuccessful command execution on instance/,
    /^Failed to create platform version/,
];
/** Packer's own error from a failed build's events ("Packer failed with error: …"), or the most telling ERROR there is. */
function buildFailureReason(events) {
    const errors = events.filter((e) => e.severity === 'ERROR');
    const packer = [...errors].reverse().find((e) => /^Packer failed with error/.test(e.message));
    if (packer)
        return packer.message;
    const specific = [...errors].reverse().find((e) => !GENERIC_FAILURE.some((re) => re.test(e.message)));
    return (specific ?? errors.at(-1))?.message ?? 'no error event was recorded';
}
/** Where Elastic Beanstalk keeps Packer's output for a build (the EB CLI's `ebp logs`, ebcli/operations/platformops.py). */
function packerLogStream(name, version) {
    return { group: `/aws/elasticbeanstalk/platform/${name}`, stream: version };
}
/** Where Packer's own wrap-up starts after a provisioner failed: what follows is its clean-up, not the failure. */
const PACKER_WRAP_UP = /Provisioning step had errors|^Build '[^']+' errored|==> [^:]+: Terminating the source/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\]8;;[^\u0007\u001b]*(\u0007|\u001b\\)/g;
/** The last lines a failing provisioner printed: Packer's output up to its wrap-up, without terminal colours. */
function provisionerTail(output, lines = 20) {
    const clean = output.map((l) => l.replace(ANSI, '').replace(/\s+$/, ''));
    const end = clean.findIndex((l) => PACKER_WRAP_UP.test(l.trim()));
    return (end >= 0 ? clean.slice(0, end) : clean).filter((l) => l.trim()).slice(-lines);
}
/**
 * What a person reads of one line of the builder's log. The builder runs Packer
 * with machine-readable output and logs each line through its own logger
 * (`I, [2017-11-21T19:13:21.560213+0000#29667]  INFO -- Packer: 1511291601,,ui,message,    HVM AMI builder: …`,
 * the form the EB CLI's tests parse, tests/unit/operations/test_platformops.py):
 * both layers come off, and a ui line gives its text (which may hold several
 * lines). Anything else is kept as it is.
 */
function builderLogText(line) {
    const logged = /^[A-Z], \[[^\]]*\]\s+[A-Z]+ -- Packer: (.*)$/.exec(line);
    const packer = (0,_packer_output__WEBPACK_IMPORTED_MODULE_1__/* .parseMachineLine */ .hF)(logged ? logged[1] : line);
    if (!packer)
        return [logged ? logged[1] : line];
    return packer.type === 'ui' ? packer.data.slice(1).join(',').split('\n') : [];
}
/**
 * The last lines the failing provisioner printed in Packer's output for a
 * build, where its own words are; or why they could not be read.
 */
async function packerLogTail(logs, name, version, lines = 20) {
    const { group, stream } = packerLogStream(name, version);
    try {
        const out = await logs.send(new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__/* .GetLogEventsCommand */ .h7S({ logGroupName: group, logStreamName: stream, startFromHead: false, limit: 200 }));
        return {
            lines: provisionerTail((out.events ?? []).flatMap((e) => (e.message ?? '').replace(/\n$/, '').split('\n')).flatMap(builderLogText), lines),
        };
    }
    catch (error) {
        return { lines: [], error: (0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) };
    }
}


/***/ }),

/***/ 7604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildWithElasticBeanstalk: () => (/* binding */ buildWithElasticBeanstalk)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var dist_cjs = __webpack_require__(2684);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var client_ec2_dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-beanstalk/dist-cjs/index.js
var client_elastic_beanstalk_dist_cjs = __webpack_require__(6114);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/resources/ledger.ts
var resources_ledger = __webpack_require__(428);
// EXTERNAL MODULE: ./src/platform/template.ts
var template = __webpack_require__(9525);
// EXTERNAL MODULE: ./src/builders/elastic-beanstalk/builder.ts
var elastic_beanstalk_builder = __webpack_require__(8603);
// EXTERNAL MODULE: ./src/builders/packer/leftovers.ts
var leftovers = __webpack_require__(6735);
// EXTERNAL MODULE: ./src/lib/aws-errors.ts
var aws_errors = __webpack_require__(6676);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/builders/elastic-beanstalk/platforms.ts
var platforms = __webpack_require__(23);
// EXTERNAL MODULE: ./src/builders/elastic-beanstalk/settings.ts
var settings = __webpack_require__(9303);
;// CONCATENATED MODULE: ./src/builders/elastic-beanstalk/create.ts





const PERMISSION_HINT = 'The credentials lack a permission the call needs (see the IAM policy in the README), or Elastic Beanstalk no longer accepts custom platforms for this account: AWS retired them with the Amazon Linux AMI branches.';
/** What AWS says when custom platforms are not available to the account, in words a user can act on. */
function explainCreateFailure(error, name, version) {
    const code = (0,aws_errors/* errorCode */.CA)(error);
    const base = `CreatePlatformVersion for ${name}/${version} failed: ${(0,errors/* describeError */.Uc)(error)}`;
    const hints = {
        InsufficientPrivilegesException: PERMISSION_HINT,
        // A plain IAM denial (403) says the same to the user: this call is not allowed for these credentials.
        AccessDenied: PERMISSION_HINT,
        AccessDeniedException: PERMISSION_HINT,
        TooManyPlatformsException: 'The account has reached its limit of custom platform versions: delete old ones (aws elasticbeanstalk delete-platform-version).',
        ElasticBeanstalkServiceException: 'Elastic Beanstalk refused the request. AWS no longer supports custom platforms for new use, so this may be the service declining the feature for this account.',
    };
    return Object.assign(new errors/* StepError */.zg('create', hints[code] ? `${base}\n${hints[code]}` : base), { cause: error });
}
/**
 * After a lost answer the SDK's retry meets a version that "already exists":
 * the version is this run's when it carries the run's tags (the version was
 * checked not to exist just before), and is then adopted; otherwise another
 * run made it meanwhile.
 */
async function adoptLostCreate(eb, name, version, runTags, error) {
    const found = (await (0,platforms/* listOwnPlatformVersions */.pU)(eb, { name, version })).find((p) => p.PlatformStatus !== 'Deleted');
    if (!found?.PlatformArn)
        throw explainCreateFailure(error, name, version);
    const tags = await eb.send(new client_elastic_beanstalk_dist_cjs/* ListTagsForResourceCommand */.a_e({ ResourceArn: found.PlatformArn }));
    const theirs = Object.fromEntries((tags.ResourceTags ?? []).map((t) => [t.Key, t.Value]));
    const ours = Object.keys(runTags).length > 0 && Object.entries(runTags).every(([k, v]) => theirs[k] === v);
    if (!ours) {
        throw new errors/* StepError */.zg('create', `Platform version ${name}/${version} was created meanwhile by someone else (${found.PlatformArn}, status ${found.PlatformStatus}); this run did not start a build. Run again with platform-version 'auto' or a new version.`);
    }
    return { platformArn: found.PlatformArn, adopted: true };
}
async function createPlatformVersion(eb, request) {
    const runTags = request.runTags ?? {};
    let out;
    try {
        out = await eb.send(new client_elastic_beanstalk_dist_cjs/* CreatePlatformVersionCommand */.f4({
            PlatformName: request.name,
            PlatformVersion: request.version,
            PlatformDefinitionBundle: { S3Bucket: request.bundle.bucket, S3Key: request.bundle.key },
            OptionSettings: (0,settings/* builderOptionSettings */.wP)(request.builder),
            Tags: Object.entries({ ...runTags, ...request.tags }).map(([Key, Value]) => ({ Key, Value })),
        }));
    }
    catch (error) {
        if ((0,aws_errors/* isAlreadyExists */.x9)(error))
            return adoptLostCreate(eb, request.name, request.version, runTags, error);
        throw explainCreateFailure(error, request.name, request.version);
    }
    const platformArn = out.PlatformSummary?.PlatformArn;
    if (!platformArn)
        throw new errors/* StepError */.zg('create', `CreatePlatformVersion for ${request.name}/${request.version} returned no platform ARN`);
    return { platformArn, builderArn: out.Builder?.ARN, requestId: out.$metadata?.requestId };
}

// EXTERNAL MODULE: ./src/lib/paginate.ts
var paginate = __webpack_require__(6402);
;// CONCATENATED MODULE: ./src/builders/elastic-beanstalk/events.ts


/** How far back each poll looks again, so an event the service records late is still printed. */
const LOOKBACK_MS = 5 * 60 * 1000;
const TAIL = 20;
/** DescribeEvents' largest page (API model: MaxRecords 1–1000). */
const PAGE_SIZE = 1000;
function formatEvent(e) {
    return `${e.date.toISOString()} ${e.severity.padEnd(5)} ${e.message}`;
}
/**
 * Streams a platform build's events into the log: each event once, in time
 * order within a poll, none lost when pages overlap, repeat or arrive late.
 */
function createEventStream(eb, platformArn, log, since) {
    const seen = new Set();
    const tail = [];
    let newest = since.getTime();
    const keyOf = (e) => `${e.EventDate?.toISOString()}|${e.Severity}|${e.RequestId ?? ''}|${e.Message}`;
    /** Fetches and prints the events not printed yet; returns them. */
    async function poll() {
        const startTime = new Date(Math.max(since.getTime(), newest - LOOKBACK_MS));
        const fetched = await (0,paginate/* allPages */.S)('DescribeEvents', async (token) => {
            const page = await eb.send(new client_elastic_beanstalk_dist_cjs/* DescribeEventsCommand */.w6x({ PlatformArn: platformArn, StartTime: startTime, MaxRecords: PAGE_SIZE, NextToken: token }));
            return { items: page.Events, next: page.NextToken };
        });
        const fresh = [];
        for (const e of fetched) {
            const key = keyOf(e);
            if (seen.has(key))
                continue;
            seen.add(key);
            fresh.push({ date: e.EventDate ?? new Date(0), severity: e.Severity ?? 'INFO', message: e.Message ?? '' });
        }
        fresh.sort((a, b) => a.date.getTime() - b.date.getTime());
        for (const e of fresh) {
            log.info(formatEvent(e));
            newest = Math.max(newest, e.date.getTime());
            tail.push(e);
            if (tail.length > TAIL)
                tail.shift();
        }
        return fresh;
    }
    return { poll, tail: () => [...tail] };
}
/** The AMI named in build events, for when the platform description does not list it. */
function amiFromEvents(events) {
    for (const e of [...events].reverse()) {
        const m = /Successfully built AMI\(s\):\s*'?(ami-[0-9a-f]+)/.exec(e.message) ?? /Packer built AMIs?:\s*(ami-[0-9a-f]+)/.exec(e.message);
        if (m)
            return m[1];
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/builders/elastic-beanstalk/storage.ts






/** The account's Elastic Beanstalk bucket, created by the service if it does not exist yet. */
async function storageBucket(eb) {
    const out = await eb.send(new client_elastic_beanstalk_dist_cjs/* CreateStorageLocationCommand */.UCX({}));
    if (!out.S3Bucket)
        throw new errors/* StepError */.zg('upload', 'CreateStorageLocation returned no bucket');
    return out.S3Bucket;
}
/** The account id in `elasticbeanstalk-REGION-ACCOUNT`, to pin the bucket's owner. */
function bucketOwner(bucket) {
    return /^elasticbeanstalk-[a-z0-9-]+-(\d{12})$/.exec(bucket)?.[1];
}
/**
 * Uploads the zip with its SHA-256 as a checksum S3 verifies, and refuses to
 * write into a bucket some other account owns. The SDK cannot retry a request
 * whose body is a stream, so throttling, 5xx and dropped connections are
 * retried here, each attempt on a fresh stream.
 */
async function uploadBundle(s3, bucket, key, bundle, options = {}) {
    const attempts = options.attempts ?? 6;
    const clock = options.clock ?? lib_clock/* realClock */.d;
    for (let attempt = 1;; attempt++) {
        const body = external_node_fs_.createReadStream(bundle.path);
        try {
            await s3.send(new client_s3_dist_cjs/* PutObjectCommand */.wKZ({
                Bucket: bucket,
                Key: key,
                Body: body,
                ContentLength: bundle.bytes,
                ContentType: 'application/zip',
                ChecksumSHA256: Buffer.from(bundle.sha256, 'hex').toString('base64'),
                ExpectedBucketOwner: bucketOwner(bucket),
            }));
            return { bucket, key };
        }
        catch (error) {
            if (attempt >= attempts || !(0,aws_errors/* isTransient */.dg)(error))
                throw error;
            const pause = Math.min(30_000, 1000 * 2 ** (attempt - 1));
            options.log?.warning(`Uploading the bundle failed for now (${(0,errors/* describeError */.Uc)(error)}); trying again in ${pause / 1000} s.`);
            await clock.sleep(pause);
        }
        finally {
            body.destroy();
        }
    }
}

// EXTERNAL MODULE: ./src/builders/versions.ts
var versions = __webpack_require__(5295);
;// CONCATENATED MODULE: ./src/builders/elastic-beanstalk/version.ts




/** Every version of `name` the account owns, whatever its status. */
async function listOwnVersions(eb, name) {
    return (await (0,platforms/* listOwnPlatformVersions */.pU)(eb, { name })).filter((s) => versionOf(s) !== undefined);
}
function versionOf(s) {
    return s.PlatformVersion ?? (s.PlatformArn ? (0,platforms/* parsePlatformArn */.gq)(s.PlatformArn)?.version : undefined);
}
/**
 * The next patch after the newest version, counting Failed ones as the EB CLI
 * does (a failed 1.0.3 makes the next 1.0.4), 1.0.0 when there is none.
 */
function nextPatch(existing) {
    return nextPatchOf(existing.map(versionOf).filter((v) => !!v));
}
/** Chooses the version to create and refuses one that already exists. */
async function resolveVersion(eb, name, request) {
    const existing = await listOwnVersions(eb, name);
    const live = new Map(existing.filter((s) => s.PlatformStatus !== 'Deleted').map((s) => [versionOf(s), `status ${s.PlatformStatus ?? 'unknown'}, ${s.PlatformArn}`]));
    return (0,versions/* chooseVersion */.EH)(name, request, existing.map(versionOf).filter((v) => !!v), live);
}

// EXTERNAL MODULE: ./src/lib/duration.ts
var duration = __webpack_require__(2543);
// EXTERNAL MODULE: ./src/resources/image-wait.ts
var image_wait = __webpack_require__(8388);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(1737);
// EXTERNAL MODULE: ./src/builders/elastic-beanstalk/failure.ts
var failure = __webpack_require__(8586);
;// CONCATENATED MODULE: ./src/builders/elastic-beanstalk/wait.ts










function lastEvents(events) {
    return events.map(formatEvent);
}
/**
 * Polls the platform version until it is Ready with an available AMI, printing
 * build events as they come. Throttling, 5xx and dropped connections are
 * polled through; anything else, a Failed build or the deadline is an error.
 */
async function waitForPlatform(clients, events, options, log, clock = lib_clock/* realClock */.d) {
    const { eb, ec2 } = clients;
    const started = clock.now();
    const statusEveryMs = options.statusEveryMs ?? 5 * 60_000;
    const quietMs = options.quietMs ?? 60_000;
    let status = 'Creating';
    let transientFailures = 0;
    // The first poll reads the status: the version exists and may be read, before minutes of events.
    let statusReadAt = started - statusEveryMs;
    let lastEventAt = started;
    let lastEvent;
    let toldAt = started;
    const identity = (0,platforms/* parsePlatformArn */.gq)(options.platformArn);
    // One call per poll, as the EB CLI polls: the events carry the verdict (and the AMI), so the status
    // is read only now and then, in place of a poll, in case a build ended without its event.
    while (clock.now() < options.deadline) {
        await (0,retry/* sleepWithin */.j)(clock, options.intervalMs, options.deadline);
        let verdict;
        let description;
        try {
            const now = clock.now();
            if (now - statusReadAt >= statusEveryMs) {
                description = (await eb.send(new client_elastic_beanstalk_dist_cjs/* DescribePlatformVersionCommand */.wCx({ PlatformArn: options.platformArn }))).PlatformDescription;
                statusReadAt = clock.now();
                const next = description?.PlatformStatus ?? 'unknown';
                if (next !== status)
                    log.info(`Platform status: ${next}`);
                status = next;
                // A verdict without its event: the events it trails are read once more.
                if (['Ready', 'Failed'].includes(status))
                    await drain(events, log);
            }
            else {
                const fresh = await events.poll();
                if (fresh.length) {
                    lastEventAt = now;
                    lastEvent = fresh[fresh.length - 1];
                }
                verdict = fresh.find((e) => VERDICT.test(e.message));
            }
            transientFailures = 0;
        }
        catch (error) {
            if (!(0,aws_errors/* isTransient */.dg)(error))
                throw new errors/* StepError */.zg('wait', `Checking ${options.platformArn} failed: ${(0,errors/* describeError */.Uc)(error)}`);
            transientFailures++;
            log.warning(`Checking the build failed for now (${(0,errors/* describeError */.Uc)(error)}); trying again (${transientFailures} in a row).`);
        }
        if (verdict && SUCCESS.test(verdict.message))
            status = 'Ready';
        else if (verdict)
            status = 'Failed';
        if (status === 'Ready') {
            log.info(`Platform status: Ready`);
            const amiId = (description && amiOf(description)) ?? amiFromEvents(events.tail()) ?? (await amiFromStatus(eb, options.platformArn));
            if (!amiId)
                throw new errors/* StepError */.zg('wait', `${options.platformArn} is Ready but names no AMI (no CustomAmiList, no AMI in its events).`, lastEvents(events.tail()));
            await waitForImage(ec2, amiId, options, log, clock);
            return { amiId };
        }
        if (status === 'Failed') {
            log.info(`Platform status: Failed`);
            throw await buildFailure(clients.logs, identity, events.tail());
        }
        if (status === 'Deleting' || status === 'Deleted') {
            throw new errors/* StepError */.zg('wait', `${options.platformArn} is ${status}: it was deleted while building.`, lastEvents(events.tail()));
        }
        const now = clock.now();
        if (now - lastEventAt >= quietMs && now - toldAt >= quietMs) {
            toldAt = now;
            log.info(progressLine(now - started, status, lastEvent, now - lastEventAt));
        }
    }
    throw new errors/* StepError */.zg('wait', `Gave up after the deadline: ${options.platformArn} is still ${status}. ${options.stillRunning}`, lastEvents(events.tail()));
}
/** The events that end a build, as the EB CLI reads them (ebcli: platform create's event stream). */
const VERDICT = /^(Successfully created platform version|Failed to create platform version|Unmatched region for created AMI)/;
const SUCCESS = /^Successfully created platform version/;
/** The AMI from the platform's description, when its events did not name it. */
async function amiFromStatus(eb, platformArn) {
    const out = await eb.send(new client_elastic_beanstalk_dist_cjs/* DescribePlatformVersionCommand */.wCx({ PlatformArn: platformArn }));
    return out.PlatformDescription ? amiOf(out.PlatformDescription) : undefined;
}
/** One line saying the build goes on, so a long quiet stretch never looks like a hang. */
function progressLine(elapsedMs, status, last, quietForMs) {
    return `Still building after ${(0,duration/* duration */.p)(elapsedMs)} (status ${status}); ${last ? `last event ${(0,duration/* duration */.p)(quietForMs)} ago: ${last.message}` : 'no event yet'}`;
}
/**
 * A failed build, in Packer's words: its error from the events (not the
 * generic lines that follow it), then the last lines of its output from the
 * build's CloudWatch Logs stream, where the failing provisioner speaks.
 */
async function buildFailure(logs, identity, tail) {
    const [name, version] = [identity?.name ?? '<name>', identity?.version ?? '<version>'];
    const { group, stream } = (0,failure/* packerLogStream */.Fr)(name, version);
    const output = identity ? await (0,failure/* packerLogTail */.Th)(logs, name, version) : { lines: [], error: 'the platform ARN names no name and version' };
    const where = `CloudWatch Logs, group ${group}, stream ${stream}`;
    const quoted = output.lines.length
        ? `\nThe failing provisioner's last lines (${where}):\n${output.lines.map((l) => `  ${l}`).join('\n')}`
        : `\nPacker's full output is in ${where}${output.error ? ` (could not read it: ${output.error})` : ''}.`;
    return new errors/* StepError */.zg('wait', `The platform build failed: ${(0,failure/* buildFailureReason */.dJ)(tail)}${quoted}`, lastEvents(tail));
}
/** Events can trail the status; one more look makes the failure's reason part of the log. */
async function drain(events, log) {
    try {
        await events.poll();
    }
    catch (error) {
        log.warning(`Could not read the last build events: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
function amiOf(description) {
    const amis = description.CustomAmiList ?? [];
    return (amis.find((a) => a.VirtualizationType === 'hvm') ?? amis[0])?.ImageId;
}
/** The AMI must exist and be available in EC2 before anything launches from it. */
async function waitForImage(ec2, amiId, options, log, clock) {
    const what = `AMI ${amiId} of ${options.platformArn}`;
    await (0,image_wait/* waitForImageAvailable */.F)(ec2, amiId, { deadline: options.deadline, firstPauseMs: Math.min(options.intervalMs, 5_000), what, stillRunning: options.stillRunning }, log, clock);
    log.info(`AMI ${amiId} is available.`);
}

;// CONCATENATED MODULE: ./src/builders/elastic-beanstalk/pipeline.ts
/**
 * The Elastic Beanstalk builder: the version chosen among the platform's
 * versions, the bundle uploaded, CreatePlatformVersion, and the wait while
 * Elastic Beanstalk runs Packer in its builder environment.
 */















async function buildWithElasticBeanstalk(ctx, step) {
    const version = await step('Resolve version', () => chooseVersion(ctx));
    const stored = await step('Upload bundle', () => upload(ctx, version));
    const created = await step('Create platform version', () => create(ctx, version, stored));
    const amiId = await step('Build platform (Packer on Elastic Beanstalk)', () => waitForBuild(ctx, created));
    return { amiId, version, platformArn: created.platformArn };
}
async function chooseVersion({ inputs, clients, deps, report }) {
    const resolved = await resolveVersion(clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k), inputs.platformName, inputs.platformVersion);
    deps.log.info(`${inputs.platformName}/${resolved.version} (${resolved.reason})`);
    report.version = resolved.version;
    deps.setOutput('platform-version', resolved.version);
    return resolved.version;
}
async function upload({ inputs, clients, deps, report, bundle, clock }, version) {
    const bucket = await storageBucket(clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k));
    const key = (0,settings/* bundleKey */.CK)(inputs.platformName, version, bundle.sha256);
    await uploadBundle(clients.get(client_s3_dist_cjs/* S3Client */.YxF), bucket, key, bundle, { clock, log: deps.log });
    deps.log.info(`s3://${bucket}/${key}`);
    if (report.bundle)
        report.bundle.key = `s3://${bucket}/${key}`;
    return { bucket, key };
}
async function create({ inputs, clients, deps, report, definition }, version, stored) {
    const { ledger, log } = deps;
    const builder = (0,elastic_beanstalk_builder.builderEnvironment)(inputs.region, settings/* BUILDER_ENVIRONMENT */.oe, { platformName: inputs.platformName, platformVersion: version });
    // Packer's instance carries the template's run tags: after a build that ended without Packer's own
    // clean-up, teardown finds it by them. Recorded before the builder, so that teardown (newest first)
    // stops the builder before it looks.
    const packerTags = (0,template/* resolvedRunTags */.z)(definition.template ?? {}, {
        AWS_EB_PLATFORM_NAME: inputs.platformName,
        AWS_EB_PLATFORM_VERSION: version,
        AWS_EB_PLATFORM_ARN: `arn:aws:elasticbeanstalk:${inputs.region}:*:platform/${inputs.platformName}/${version}`,
    });
    if (Object.keys(packerTags).length)
        ledger.record((0,leftovers/* packerBuild */.dE)(inputs.region, `${inputs.platformName}/${version}`, packerTags));
    // Recorded first: the service may start the builder even when the answer never reaches us.
    const out = await (0,resources_ledger/* creating */.SP)(ledger, builder, () => createPlatformVersion(clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k), {
        name: inputs.platformName,
        version,
        bundle: stored,
        builder: inputs.builderEnvironment,
        tags: inputs.tags,
        runTags: deps.runTags,
    }));
    if (out.adopted)
        log.info(`The answer to CreatePlatformVersion was lost; the build it started is this run's (found by its tags).`);
    const named = (0,elastic_beanstalk_builder/* builderNameFromArn */.Ch)(out.builderArn);
    if (named && named !== settings/* BUILDER_ENVIRONMENT */.oe) {
        ledger.record({ ...builder, environmentName: named, platformArn: out.platformArn });
        ledger.release(builder);
    }
    else {
        ledger.record({ ...builder, platformArn: out.platformArn });
    }
    log.info(`${out.platformArn}${out.builderArn ? ` (builder ${out.builderArn})` : ''}`);
    report.platformArn = out.platformArn;
    deps.setOutput('platform-arn', out.platformArn);
    return out;
}
async function waitForBuild({ inputs, clients, deps, clock, deadline }, created) {
    const events = createEventStream(clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k), created.platformArn, deps.log, new Date(clock.now() - 60_000));
    const built = await waitForPlatform({ eb: clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k), ec2: clients.get(client_ec2_dist_cjs.EC2Client), logs: clients.get(dist_cjs/* CloudWatchLogsClient */.TFr) }, events, {
        platformArn: created.platformArn,
        deadline,
        intervalMs: inputs.pollIntervalSeconds * 1000,
        stillRunning: `The build goes on in the builder environment ${settings/* BUILDER_ENVIRONMENT */.oe}` +
            (inputs.keepBuilder ? ', which keep-builder leaves running' : ', which this run now stops (aborting the build) and terminates') +
            `. Remove the unfinished version with: aws elasticbeanstalk delete-platform-version --region ${inputs.region} --platform-arn ${created.platformArn}.`,
    }, deps.log, (0,lib_clock/* abortable */.Z)(clock, deps.signal));
    return built.amiId;
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

/***/ 6735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dE: () => (/* binding */ packerBuild),
/* harmony export */   tP: () => (/* binding */ PACKER_BUILD_KIND)
/* harmony export */ });
/* unused harmony exports PACKER_TEMPORARY, removePackerLeftovers */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5193);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6676);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6402);
/* harmony import */ var _lib_tags__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2538);
/* harmony import */ var _smoke_instance__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7118);
/* harmony import */ var _resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(599);
/* harmony import */ var _resources_states__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7391);
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
const smokeTests = (name) => !!name?.startsWith(_smoke_instance__WEBPACK_IMPORTED_MODULE_1__/* .SMOKE_NAME_PREFIX */ .Nc);
async function findInstances(ec2, what) {
    const found = [];
    const queries = [];
    const live = { Name: 'instance-state-name', Values: _resources_states__WEBPACK_IMPORTED_MODULE_2__/* .LIVE_INSTANCE_STATES */ .W };
    if (Object.keys(what.tags).length)
        queries.push([...(0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagFilters */ .q)(what.tags), live]);
    if (what.instanceIds?.length)
        queries.push([{ Name: 'instance-id', Values: what.instanceIds }, live]);
    for (const Filters of queries) {
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeInstancesCommand({ Filters }));
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
        const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: [name] }] }));
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
        const Filters = (0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagFilters */ .q)(what.tags);
        for (const g of (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeSecurityGroupsCommand({ Filters }))).SecurityGroups ?? [])
            if (g.GroupId && !smokeTests(g.GroupName))
                groups.add(g.GroupId);
        for (const k of (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeKeyPairsCommand({ Filters }))).KeyPairs ?? [])
            if (k.KeyName && !smokeTests(k.KeyName))
                keys.add(k.KeyName);
    }
    return { groups, keys };
}
/** Images the build began and did not finish: announced, or (this run's tags) tagged; never the one it finished. */
async function findImages(ec2, what) {
    const images = new Set(what.imageIds ?? []);
    if (what.runTagged) {
        const tagged = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_0__/* .allPages */ .S)('DescribeImages', async (token) => {
            const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeImagesCommand({ Owners: ['self'], Filters: (0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagFilters */ .q)(what.tags), NextToken: token, MaxResults: 1000 }));
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
    const snapshots = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_0__/* .allPages */ .S)('DescribeSnapshots', async (token) => {
        const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: (0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagFilters */ .q)(what.tags), NextToken: token }));
        return { items: page.Snapshots, next: page.NextToken };
    });
    return snapshots.map((s) => s.SnapshotId).filter((id) => id && !keep.has(id));
}
/** The snapshots of the image the build finished, which stay with it. */
async function builtSnapshots(ec2, what) {
    if (!what.builtImageId)
        return new Set();
    const image = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeImagesCommand({ ImageIds: [what.builtImageId] })).then((out) => out.Images?.[0], (error) => {
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_5__/* .isNotFound */ .c4)(error, 'InvalidAMIID.NotFound'))
            return undefined;
        throw error;
    });
    return new Set((0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .imageSnapshots */ .FD)(image));
}
/** Removes the build instance, then its temporary group and key pair, then an unfinished AMI and its snapshots. Safe to run any number of times. */
async function removePackerLeftovers(ec2, what, log, clock) {
    const removed = [];
    const instances = await findInstances(ec2, what);
    const { groups, keys } = await findGroupsAndKeys(ec2, what, instances);
    const ids = instances.map((i) => i.InstanceId);
    if (ids.length) {
        log.info(`Packer's build instance ${ids.join(', ')} outlived its build; terminating it.`);
        await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .terminateInstances */ .ch)(ec2, ids, log, clock);
        removed.push(...ids.map((id) => `instance ${id}`));
    }
    for (const groupId of groups) {
        if (await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .deleteSecurityGroup */ .dl)(ec2, groupId, log, clock))
            removed.push(`security group ${groupId}`);
    }
    for (const keyName of keys) {
        await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .deleteKeyPair */ .z9)(ec2, keyName);
        removed.push(`key pair ${keyName}`);
    }
    for (const imageId of await findImages(ec2, what))
        removed.push(...(await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .deregisterImage */ ._k)(ec2, imageId, log, clock)));
    for (const snapshotId of await findSnapshots(ec2, what, await builtSnapshots(ec2, what))) {
        if (removed.includes(`snapshot ${snapshotId}`))
            continue;
        await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .deleteSnapshot */ .Cj)(ec2, snapshotId, log, clock);
        removed.push(`snapshot ${snapshotId}`);
    }
    if (removed.length)
        log.info(`Removed what Packer left: ${removed.join(', ')}.`);
    return removed;
}
/** A Packer build as the ledger records it before Packer starts: by its name and the tags its instance will carry. */
const packerBuild = (region, build, tags, known = {}) => ({
    kind: 'packer-build',
    region,
    build,
    tags,
    ...known,
});
/** A Packer build's entry in the table of resource kinds: what it left goes at teardown, never the image it finished. */
const PACKER_BUILD_KIND = {
    describe: (r) => `what Packer's build ${r.build} may have left (${r.region})`,
    async remove(r, env) {
        const removed = await removePackerLeftovers(env.clientsFor(r.region).get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.EC2Client), r, env.log, env.clock);
        env.ledger.release(r);
        return removed.length ? `removed ${removed.join(', ')}` : 'nothing left';
    },
};


/***/ }),

/***/ 3942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ artifactAmi),
/* harmony export */   JT: () => (/* binding */ announcements),
/* harmony export */   hF: () => (/* binding */ parseMachineLine),
/* harmony export */   uZ: () => (/* binding */ formatPackerLine)
/* harmony export */ });
/**
 * Packer's machine-readable output (`packer build -machine-readable`): one
 * line per message, `timestamp,target,type,data…`, with commas in the data
 * written `%!(PACKER_COMMA)` and newlines `\n` (Packer's docs, "Machine-readable
 * output"). From it the action takes what Packer says, the resources its
 * amazon-ebs builder announces as it makes them, its error, and the AMI.
 */
function parseMachineLine(line) {
    const parts = line.split(',');
    if (parts.length < 3 || !/^\d+$/.test(parts[0]))
        return undefined;
    const unescape = (s) => s
        .replace(/%!\(PACKER_COMMA\)/g, ',')
        .replace(/\\n/g, '\n')
        .replace(/\\r/g, '');
    return { at: Number(parts[0]) * 1000, target: parts[1], type: parts[2], data: parts.slice(3).map(unescape) };
}
const ANNOUNCEMENTS = [
    [/Creating temporary keypair: (\S+)/, 'keyNames'],
    [/Creating temporary security group for this instance: (\S+)/, 'groupNames'],
    [/Instance ID: (i-[0-9a-f]+)/, 'instanceIds'],
    [/^\s*(?:==> )?\S+: AMI: (ami-[0-9a-f]+)/, 'imageIds'],
];
/** Everything one message of Packer's announces: one resource, or each AMI of a build's summary. */
function announcements(message) {
    const summary = /AMIs were created:\n([\s\S]*)/.exec(message);
    if (summary)
        return [...summary[1].matchAll(/^\s*[a-z0-9-]+: (ami-[0-9a-f]+)\s*$/gm)].map((m) => ({ list: 'imageIds', value: m[1] }));
    for (const [re, list] of ANNOUNCEMENTS) {
        const m = re.exec(message);
        if (m)
            return [{ list, value: m[1] }];
    }
    return [];
}
/** The AMI of a finished build, from its artifact line (`artifact,0,id,REGION:ami-…`). */
function artifactAmi(line, region) {
    if (line.type !== 'artifact' || line.data[1] !== 'id')
        return undefined;
    for (const pair of line.data[2]?.split(',') ?? []) {
        const [r, ami] = pair.split(':');
        if (r === region && /^ami-[0-9a-f]+$/.test(ami ?? ''))
            return ami;
    }
    return undefined;
}
/** A human line of Packer's output, as the log shows it, with Packer's timestamp. */
function formatPackerLine(line) {
    if (line.type !== 'ui')
        return undefined;
    const text = line.data.slice(1).join(',').replace(/\s+$/, '');
    return text ? `${new Date(line.at).toISOString()} ${text}` : undefined;
}


/***/ }),

/***/ 5295:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ chooseVersion)
/* harmony export */ });
/* unused harmony exports newestVersion, nextPatchOf */
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _lib_semver__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5419);
/**
 * The version rules both builders share, the EB CLI's: `auto` is the next
 * patch after the newest version of the platform whatever its state (a failed
 * 1.0.3 makes the next 1.0.4), 1.0.0 when there is none; an explicit version
 * that exists already is refused before anything starts.
 */



function newestVersion(versions) {
    return versions
        .filter((v) => _lib_semver__WEBPACK_IMPORTED_MODULE_1__/* .SEMVER */ .HX.test(v))
        .sort(_lib_semver__WEBPACK_IMPORTED_MODULE_1__/* .compareVersions */ .Zy)
        .at(-1);
}
function nextPatchOf(versions) {
    const newest = newestVersion(versions);
    if (!newest)
        return '1.0.0';
    const [major, minor, patch] = newest.split('.').map(Number);
    return `${major}.${minor}.${patch + 1}`;
}
/**
 * Chooses the version from what exists: every version counts for `auto`;
 * `live` names the ones an explicit version may not repeat, with what to say
 * about each.
 */
function chooseVersion(name, request, all, live) {
    if (request.kind === 'auto') {
        const newest = newestVersion(all);
        return { version: nextPatchOf(all), reason: `auto: ${newest ? `newest of ${all.length} existing is ${newest}` : 'no version exists yet'}` };
    }
    const clash = live.get(request.version);
    if (clash !== undefined) {
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('version', `Platform version ${name}/${request.version} already exists (${clash}). Set platform-version to a new version, or to 'auto' for ${nextPatchOf(all)}.`);
    }
    return { version: request.version, reason: 'given' };
}


/***/ }),

/***/ 2543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ duration)
/* harmony export */ });
/** Minutes and seconds, for people. */
function duration(ms) {
    const s = Math.round(ms / 1000);
    return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
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

/***/ 8388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ waitForImageAvailable),
/* harmony export */   G: () => (/* binding */ FINAL_IMAGE_STATES)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5193);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6676);
/* harmony import */ var _lib_duration__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2543);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _lib_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1737);





/** EC2 image states after which an image never becomes available (API model, ImageState). */
const FINAL_IMAGE_STATES = ['invalid', 'deregistered', 'failed', 'error', 'disabled'];
/**
 * Polls an image until it is available. Not found yet (a copy or a new image
 * appears a moment after the call that made it), pending and transient pass,
 * as do throttling and 5xx; a final state is an error quoting EC2's reason.
 */
async function waitForImageAvailable(ec2, imageId, options, log, clock) {
    const started = clock.now();
    const pause = (0,_lib_retry__WEBPACK_IMPORTED_MODULE_1__/* .backoff */ .J)(options.firstPauseMs, 15_000);
    let state = 'not found yet';
    let quietSince = started;
    while (clock.now() < options.deadline) {
        try {
            const image = (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__.DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
            const now = image?.State ?? 'not found yet';
            if (now === 'available')
                return;
            if (FINAL_IMAGE_STATES.includes(now)) {
                const reason = image?.StateReason?.Message;
                throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('wait', `${options.what} is ${now}${reason ? `: ${reason}` : ''}; it will not become available.`);
            }
            if (now !== state)
                quietSince = clock.now();
            state = now;
        }
        catch (error) {
            if (error instanceof _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg)
                throw error;
            if (!(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .isNotFound */ .c4)(error, 'InvalidAMIID.NotFound') && !(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .isTransient */ .dg)(error))
                throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('wait', `Looking up ${options.what} failed: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
        }
        if (options.quietMs && clock.now() - quietSince >= options.quietMs) {
            log.info(`Still waiting for ${options.what}: ${state} after ${(0,_lib_duration__WEBPACK_IMPORTED_MODULE_4__/* .duration */ .p)(clock.now() - started)}.`);
            quietSince = clock.now();
        }
        await (0,_lib_retry__WEBPACK_IMPORTED_MODULE_1__/* .sleepWithin */ .j)(clock, pause.next(), options.deadline);
    }
    throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('wait', `Gave up after the deadline: ${options.what} is ${state}. ${options.stillRunning}`);
}


/***/ })

};
;
//# sourceMappingURL=604.index.js.map