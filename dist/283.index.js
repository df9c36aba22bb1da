"use strict";
exports.id = 283;
exports.ids = [283];
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

/***/ 9321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K9: () => (/* binding */ imageVersion),
/* harmony export */   QF: () => (/* binding */ platformImages),
/* harmony export */   U1: () => (/* binding */ resolveImageVersion),
/* harmony export */   kD: () => (/* binding */ VERSION_TAG),
/* harmony export */   ll: () => (/* binding */ newestFirst)
/* harmony export */ });
/* unused harmony export NAME_TAG */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5193);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6402);
/* harmony import */ var _lib_tags__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2538);
/* harmony import */ var _versions__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5295);
/**
 * The platform's images in the account, found by the tags its template gives
 * the AMI (eb_platform_name, eb_platform_version: the same tags Elastic
 * Beanstalk's sample templates set), for `auto` versions and refusals.
 */




const NAME_TAG = 'eb_platform_name';
const VERSION_TAG = 'eb_platform_version';
/** The platform version an image's tags say it is. */
const imageVersion = (image) => (0,_lib_tags__WEBPACK_IMPORTED_MODULE_2__/* .tagValue */ .E)(image.Tags, VERSION_TAG);
/** Every image of the platform the account owns, whatever its state. */
async function platformImages(ec2, name) {
    return (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_0__/* .allPages */ .S)('DescribeImages', async (token) => {
        const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: `tag:${NAME_TAG}`, Values: [name] }], NextToken: token, MaxResults: 1000 }));
        return { items: page.Images, next: page.NextToken };
    });
}
/** Images newest first, by CreationDate (the order the amazon plugin's most_recent takes the first of). */
function newestFirst(images) {
    return [...images].sort((a, b) => Date.parse(b.CreationDate ?? '') - Date.parse(a.CreationDate ?? ''));
}
async function resolveImageVersion(ec2, name, request) {
    const images = await platformImages(ec2, name);
    const versions = images.map(imageVersion).filter((v) => !!v);
    const live = new Map(images.filter(imageVersion).map((i) => [imageVersion(i), `image ${i.ImageId}, ${i.State}`]));
    return (0,_versions__WEBPACK_IMPORTED_MODULE_1__/* .chooseVersion */ .EH)(name, request, versions, live);
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

/***/ 960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L1: () => (/* binding */ copyImage),
/* harmony export */   RO: () => (/* binding */ IMAGE_COPY_KIND),
/* harmony export */   Yt: () => (/* binding */ keepCopiesOf)
/* harmony export */ });
/* unused harmony exports COPY_TOKEN_TAG, removeImageCopy */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5193);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6676);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6402);
/* harmony import */ var _resources_ec2_delete__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(599);
/* harmony import */ var _resources_image_wait__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8388);
/* harmony import */ var _resources_ledger__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(428);
/* harmony import */ var _builders_packer_images__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9321);
/* harmony import */ var _image_tags__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4980);
/**
 * Copies of the proven image in other regions. Each copy is recorded before
 * its CopyImage call by the call's client token, which is also a tag on the
 * copy and its snapshots: a copy whose answer was lost, or whose run was
 * killed, is still found and removed with its snapshots.
 */










/** The tag that carries a copy's CopyImage client token. */
const COPY_TOKEN_TAG = 'eb-platform-action:copy-token';
/**
 * The source's own tags (the template's: platform name and version) and the
 * run's, given explicitly rather than through CopyImageTags, whose effect
 * beside TagSpecifications the API reference does not spell out.
 */
function copyTags(source, sourceRegion, runTags, token) {
    const tags = {};
    for (const t of source.Tags ?? [])
        if (t.Key && !t.Key.startsWith('aws:'))
            tags[t.Key] = t.Value ?? '';
    Object.assign(tags, runTags, { [COPY_TOKEN_TAG]: token, [_image_tags__WEBPACK_IMPORTED_MODULE_6__/* .IMAGE_TAG */ .N.copiedFrom]: `${sourceRegion}/${source.ImageId}` });
    return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
/**
 * An available copy of the image that an earlier release made and kept (a reused image's), found by
 * the tag each copy carries; none for an image copied before the tag existed.
 */
async function earlierCopy(ec2, sourceRegion, sourceImageId) {
    const images = (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_7__.DescribeImagesCommand({
        Owners: ['self'],
        Filters: [
            { Name: `tag:${_image_tags__WEBPACK_IMPORTED_MODULE_6__/* .IMAGE_TAG */ .N.copiedFrom}`, Values: [`${sourceRegion}/${sourceImageId}`] },
            { Name: 'state', Values: ['available'] },
        ],
    }))).Images ?? [];
    return (0,_builders_packer_images__WEBPACK_IMPORTED_MODULE_5__/* .newestFirst */ .ll)(images)[0]?.ImageId;
}
/** Starts one copy and waits until it is available, or takes the one an earlier release kept; returns its id. */
async function copyImage(ec2, request, deps) {
    const { image } = request.source;
    const sourceImageId = image.ImageId;
    const earlier = await earlierCopy(ec2, request.source.region, sourceImageId);
    if (earlier) {
        deps.log.info(`${sourceImageId} is in ${request.region} already, as ${earlier}: no copy is made.`);
        return earlier;
    }
    const clientToken = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    const record = { kind: 'image-copy', region: request.region, clientToken, sourceImageId };
    const tags = copyTags(image, request.source.region, request.runTags, clientToken);
    const out = await (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_4__/* .creating */ .SP)(deps.ledger, record, () => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_7__.CopyImageCommand({
        SourceRegion: request.source.region,
        SourceImageId: sourceImageId,
        Name: image.Name,
        Description: image.Description,
        ClientToken: clientToken,
        // A KMS key needs Encrypted set (API reference, CopyImage KmsKeyId).
        Encrypted: request.kmsKeyId ? true : undefined,
        KmsKeyId: request.kmsKeyId,
        TagSpecifications: [
            { ResourceType: 'image', Tags: tags },
            { ResourceType: 'snapshot', Tags: tags },
        ],
    })));
    const imageId = out.ImageId;
    if (!imageId)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .StepError */ .zg('Promote', `CopyImage to ${request.region} returned no image id`);
    deps.ledger.record({ ...record, imageId });
    deps.log.info(`Copying ${sourceImageId} to ${request.region} as ${imageId}${request.kmsKeyId ? `, encrypted with ${request.kmsKeyId}` : ''}.`);
    await (0,_resources_image_wait__WEBPACK_IMPORTED_MODULE_3__/* .waitForImageAvailable */ .F)(ec2, imageId, {
        deadline: request.deadline,
        firstPauseMs: 5_000,
        what: `the copy ${imageId} in ${request.region}`,
        stillRunning: `The copy goes on in EC2; it is deregistered now.`,
        quietMs: 60_000,
    }, deps.log, deps.clock);
    deps.log.info(`The copy ${imageId} in ${request.region} is available.`);
    return imageId;
}
/** The copy's images (by id, or by its token tag when the id never came back). */
async function copyImages(ec2, copy) {
    if (copy.imageId)
        return [copy.imageId];
    const images = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_2__/* .allPages */ .S)('DescribeImages', async (token) => {
        const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_7__.DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: `tag:${COPY_TOKEN_TAG}`, Values: [copy.clientToken] }], NextToken: token }));
        return { items: page.Images, next: page.NextToken };
    });
    return images.map((i) => i.ImageId);
}
/**
 * Deregisters a copy and deletes its snapshots, also those of a copy still
 * pending (deregistering stops a pending copy: EC2 user guide, "Stop a pending
 * AMI copy operation"), found by the token tag they were given at creation.
 * Gone is success. Returns what it removed.
 */
async function removeImageCopy(ec2, copy, log, clock) {
    const removed = [];
    for (const imageId of await copyImages(ec2, copy))
        removed.push(...(await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_8__/* .deregisterImage */ ._k)(ec2, imageId, log, clock)));
    const snapshots = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_2__/* .allPages */ .S)('DescribeSnapshots', async (token) => {
        const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_7__.DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: `tag:${COPY_TOKEN_TAG}`, Values: [copy.clientToken] }], NextToken: token }));
        return { items: page.Snapshots, next: page.NextToken };
    });
    for (const s of snapshots) {
        if (!s.SnapshotId || removed.includes(`snapshot ${s.SnapshotId}`))
            continue;
        try {
            await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_8__/* .deleteSnapshot */ .Cj)(ec2, s.SnapshotId, log, clock);
            removed.push(`snapshot ${s.SnapshotId}`);
        }
        catch (error) {
            throw new Error(`snapshot ${s.SnapshotId} of the copy: ${(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_9__/* .errorCode */ .CA)(error) || (0,_lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`);
        }
    }
    return removed;
}
/** A copy's entry in the table of resource kinds: removed with its snapshots unless the promotion kept it. */
const IMAGE_COPY_KIND = {
    describe: (r) => `copy ${r.imageId ?? `with client token ${r.clientToken}`} of ${r.sourceImageId} (${r.region})`,
    async remove(r, env) {
        const removed = await removeImageCopy(env.clientsFor(r.region).get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_7__.EC2Client), r, env.log, env.clock);
        env.ledger.release(r);
        return removed.length ? `removed ${removed.join(', ')}` : 'nothing left';
    },
};
/** Available and shared, the copies of `sourceImageId` are the release's: no longer the run's to remove. */
function keepCopiesOf(ledger, sourceImageId) {
    for (const r of ledger.list())
        if (r.kind === 'image-copy' && r.sourceImageId === sourceImageId)
            ledger.release(r);
}


/***/ }),

/***/ 4980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ tagImage),
/* harmony export */   N: () => (/* binding */ IMAGE_TAG)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5193);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/**
 * Tags the action gives an image it built, besides the template's and the
 * run's: what the image was built from, whether it passed its smoke test,
 * and whether a rollback left it. A later run reads them to reuse a proven
 * image (`skip-unchanged`) and never to reuse one that was rolled back from.
 */


const IMAGE_TAG = {
    /** SHA-256 of what the build was made from (builders/fingerprint.ts). */
    fingerprint: 'eb-platform-action:fingerprint',
    /** The same, in words, so a later run can say what changed. */
    buildInputs: 'eb-platform-action:build-inputs',
    /** When the image passed its smoke test. */
    smokePassed: 'eb-platform-action:smoke-passed',
    /** When a rollback left the image, and for which value. */
    rolledBack: 'eb-platform-action:rolled-back',
    /** SHA-256 of the image's SBOM as the run that proved it wrote it. */
    sbomSha256: 'eb-platform-action:sbom-sha256',
    /** On a copy: REGION/IMAGE it was copied from, so a later promotion of the same image finds it. */
    copiedFrom: 'eb-platform-action:copied-from',
};
/** Tags an image; a refusal (the tag limit of 50, a denied CreateTags) is a warning, as the image itself is fine. */
async function tagImage(ec2, imageId, tags, log) {
    try {
        await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_1__.CreateTagsCommand({ Resources: [imageId], Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }));
        return true;
    }
    catch (error) {
        log.warning(`Could not tag ${imageId} with ${Object.keys(tags).join(', ')}: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}.`);
        return false;
    }
}


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


/***/ }),

/***/ 9639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   Kd: () => (/* binding */ inTable),
/* harmony export */   vI: () => (/* binding */ removeConcurrently)
/* harmony export */ });
/** The entry for a resource's kind, typed for that resource. */
function kindOf(table, r) {
    const kind = table[r.kind];
    if (!kind)
        throw new Error(`no entry for resource kind ${r.kind}`);
    return kind;
}
/** Whether the table has an entry for the resource's kind (a feature's own table holds only its kinds). */
const inTable = (table, r) => r.kind in table;
/**
 * Runs `remove` on each resource, all at once except what must wait: a kind
 * waits for every removal of the kinds its entry names in `after`. Returns the
 * results in the order given; `remove` reports its own failures in what it
 * returns.
 */
function removeConcurrently(resources, table, remove) {
    const started = new Map();
    const run = (r) => {
        let done = started.get(r);
        if (!done) {
            const waitsFor = table[r.kind]?.after ?? [];
            const first = resources.filter((x) => x !== r && waitsFor.includes(x.kind));
            done = Promise.allSettled(first.map(run)).then(() => remove(r));
            started.set(r, done);
        }
        return done;
    };
    return Promise.all(resources.map(run));
}


/***/ }),

/***/ 3357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ SMOKE_KINDS),
/* harmony export */   u: () => (/* binding */ teardownSmokeResource)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5193);
/* harmony import */ var _lib_clock__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4517);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6402);
/* harmony import */ var _resources_kind__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9639);
/* harmony import */ var _resources_ec2_delete__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(599);
/* harmony import */ var _resources_states__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7391);
/* harmony import */ var _instance__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7118);
/**
 * The smoke test's kinds of resource (its instance, security group and key
 * pair): how each is described, removed from whatever the ledger knew when the
 * run ended or died, and found when an ended run left it.
 */







/** Removes through `teardownSmokeResource`, with the region's EC2. */
const removeWith = (r, env) => teardownSmokeResource(r, { ec2: env.clientsFor(r.region).get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.EC2Client), ledger: env.ledger, log: env.log, clock: env.clock }).then(() => 'deleted');
const instance = {
    describe: (r) => `instance ${r.instanceId ?? `with client token ${r.clientToken}`} (${r.region})`,
    identified: (r) => !!r.instanceId,
    async removeOnce(r, deps, clock) {
        await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_4__/* .terminateInstances */ .ch)(deps.ec2, await instanceIds(deps.ec2, r), deps.log, clock);
    },
    remove: removeWith,
    async tagged(clients, region, filters) {
        const ec2 = clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.EC2Client);
        const pages = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_1__/* .allPages */ .S)('DescribeInstances', async (token) => {
            const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeInstancesCommand({ Filters: [...filters, { Name: 'instance-state-name', Values: _resources_states__WEBPACK_IMPORTED_MODULE_5__/* .LIVE_INSTANCE_STATES */ .W }], NextToken: token }));
            return { items: page.Reservations, next: page.NextToken };
        });
        return pages
            .flatMap((p) => p.Instances ?? [])
            .map((i) => ({
            record: { kind: 'instance', region, clientToken: i.ClientToken || i.InstanceId, instanceId: i.InstanceId },
            tags: i.Tags,
        }));
    },
};
const securityGroup = {
    describe: (r) => `security group ${r.groupId ?? r.groupName} (${r.region})`,
    // An instance may still hold the group until it is terminated.
    after: ['instance'],
    identified: (r) => !!r.groupId,
    async removeOnce(r, deps, clock) {
        const groupId = r.groupId ?? (await (0,_instance__WEBPACK_IMPORTED_MODULE_2__/* .findGroup */ .$B)(deps.ec2, r.groupName, r.vpcId));
        if (groupId)
            await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_4__/* .deleteSecurityGroup */ .dl)(deps.ec2, groupId, deps.log, clock);
    },
    remove: removeWith,
    async tagged(clients, region, filters) {
        const ec2 = clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.EC2Client);
        const groups = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_1__/* .allPages */ .S)('DescribeSecurityGroups', async (token) => {
            const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeSecurityGroupsCommand({ Filters: filters, NextToken: token }));
            return { items: page.SecurityGroups, next: page.NextToken };
        });
        return groups.map((g) => ({
            record: { kind: 'security-group', region, groupName: g.GroupName, vpcId: g.VpcId, groupId: g.GroupId },
            tags: g.Tags,
        }));
    },
};
const keyPair = {
    describe: (r) => `key pair ${r.keyName} (${r.region})`,
    identified: (r) => !!r.keyPairId,
    async removeOnce(r, deps) {
        await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_4__/* .deleteKeyPair */ .z9)(deps.ec2, r.keyName);
    },
    remove: removeWith,
    async tagged(clients, region, filters) {
        const keys = (await clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.EC2Client).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeKeyPairsCommand({ Filters: filters }))).KeyPairs ?? [];
        return keys.map((k) => ({ record: { kind: 'key-pair', region, keyName: k.KeyName, keyPairId: k.KeyPairId }, tags: k.Tags }));
    },
};
/** The smoke test's kinds: what it made, and only that, is its own to remove. */
const SMOKE_KINDS = { instance, 'security-group': securityGroup, 'key-pair': keyPair };
async function instanceIds(ec2, r) {
    if (r.instanceId)
        return [r.instanceId];
    const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: [r.clientToken] }] }));
    return (out.Reservations ?? [])
        .flatMap((res) => res.Instances ?? [])
        .filter((i) => i.State?.Name !== 'terminated')
        .map((i) => i.InstanceId);
}
/**
 * Deletes one recorded smoke-test resource and releases it from the ledger.
 * Works from whatever the ledger knew when the run died: a client token, a
 * group name. Something already gone is success.
 */
async function teardownSmokeResource(resource, deps) {
    const clock = deps.clock ?? _lib_clock__WEBPACK_IMPORTED_MODULE_0__/* .realClock */ .d;
    const kind = (0,_resources_kind__WEBPACK_IMPORTED_MODULE_6__/* .kindOf */ .I)(SMOKE_KINDS, resource);
    await kind.removeOnce(resource, deps, clock);
    // Without an id, the creating call's fate is unknown: a request sent just before the run died
    // can still land after the first look. Look once more a little later.
    if (!kind.identified(resource)) {
        await clock.sleep(deps.doubtMs ?? 15_000);
        await kind.removeOnce(resource, deps, clock);
    }
    deps.ledger.release(resource);
    deps.log.info(`Removed ${kind.describe(resource)}.`);
}


/***/ }),

/***/ 9283:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ RESOURCE_KINDS),
/* harmony export */   w: () => (/* binding */ describeResource)
/* harmony export */ });
/* harmony import */ var _builders_elastic_beanstalk_builder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8603);
/* harmony import */ var _builders_packer_leftovers__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6735);
/* harmony import */ var _release_copy__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(960);
/* harmony import */ var _resources_kind__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9639);
/* harmony import */ var _smoke_teardown__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3357);
/**
 * Every kind of resource a run makes, each written in the module that makes
 * it. The teardown, the post step and the sweep go through this table; a new
 * kind is a new entry here (the compiler refuses a `Resource` without one).
 */





const RESOURCE_KINDS = {
    'builder-environment': _builders_elastic_beanstalk_builder__WEBPACK_IMPORTED_MODULE_0__/* .BUILDER_KIND */ .Jf,
    'packer-build': _builders_packer_leftovers__WEBPACK_IMPORTED_MODULE_1__/* .PACKER_BUILD_KIND */ .tP,
    'image-copy': _release_copy__WEBPACK_IMPORTED_MODULE_2__/* .IMAGE_COPY_KIND */ .RO,
    ..._smoke_teardown__WEBPACK_IMPORTED_MODULE_3__/* .SMOKE_KINDS */ .E,
};
/** Human words for a recorded resource, for the log and the summary. */
const describeResource = (r) => (0,_resources_kind__WEBPACK_IMPORTED_MODULE_4__/* .kindOf */ .I)(RESOURCE_KINDS, r).describe(r);


/***/ })

};
;
//# sourceMappingURL=283.index.js.map