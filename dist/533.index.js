"use strict";
exports.id = 533;
exports.ids = [533];
exports.modules = {

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

/***/ 5533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweep: () => (/* binding */ sweep)
/* harmony export */ });
/* unused harmony exports GRACE_MS, isOrphan */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5193);
/* harmony import */ var _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6114);
/* harmony import */ var _builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9303);
/* harmony import */ var _builders_elastic_beanstalk_platforms__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6402);
/* harmony import */ var _resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(599);
/* harmony import */ var _lib_tags__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2538);
/* harmony import */ var _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(236);
/* harmony import */ var _resources_states__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7391);









/** How long after a run's deadline its leftovers are taken as a dead run's: its post step has had time to run. */
const GRACE_MS = 60 * 60_000;
/** Whether a resource's tags say it belongs to a run of this repository that ended over an hour ago. */
function isOrphan(tags, own, now) {
    const deadline = Date.parse((0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.deadline) ?? '');
    if (!Number.isFinite(deadline) || now - deadline < GRACE_MS)
        return false;
    if ((0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository) !== own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository])
        return false;
    const sameRun = (0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runId) === own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runId] && (0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runAttempt) === own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runAttempt];
    return !sameRun;
}
function describe(kind, id, tags) {
    return {
        kind,
        id: id ?? '?',
        run: (0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runUrl) ?? `run ${(0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runId) ?? '?'}`,
        deadline: (0,_lib_tags__WEBPACK_IMPORTED_MODULE_3__/* .tagValue */ .E)(tags, _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.deadline) ?? '?',
    };
}
/** The action's resources of this repository, by their tags. */
async function tagged(ec2, own) {
    const filters = [
        { Name: `tag:${_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.managedBy}`, Values: [own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.managedBy]] },
        { Name: `tag:${_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository}`, Values: [own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository]] },
    ];
    const reservations = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_1__/* .allPages */ .S)('DescribeInstances', async (token) => {
        const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeInstancesCommand({
            Filters: [...filters, { Name: 'instance-state-name', Values: _resources_states__WEBPACK_IMPORTED_MODULE_5__/* .LIVE_INSTANCE_STATES */ .W }],
            NextToken: token,
        }));
        return { items: page.Reservations, next: page.NextToken };
    });
    const groups = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_1__/* .allPages */ .S)('DescribeSecurityGroups', async (token) => {
        const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeSecurityGroupsCommand({ Filters: filters, NextToken: token }));
        return { items: page.SecurityGroups, next: page.NextToken };
    });
    const keys = (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.DescribeKeyPairsCommand({ Filters: filters }))).KeyPairs ?? [];
    return { instances: reservations.flatMap((r) => r.Instances ?? []), groups, keys };
}
/** Finds and removes the leftovers of ended runs; returns what it removed. */
async function sweep(clients, request, deps) {
    const { log, clock } = deps;
    const own = request.runTags;
    if (!own[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.repository]) {
        log.info('No repository to sweep for (GITHUB_REPOSITORY is not set).');
        return [];
    }
    const now = clock.now();
    const ec2 = clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_4__.EC2Client);
    const found = await tagged(ec2, own);
    const instances = found.instances.filter((i) => isOrphan(i.Tags, own, now));
    const groups = found.groups.filter((g) => isOrphan(g.Tags, own, now));
    const keys = found.keys.filter((k) => isOrphan(k.Tags, own, now));
    const orphans = [
        ...instances.map((i) => describe('instance', i.InstanceId, i.Tags)),
        ...groups.map((g) => describe('security group', g.GroupId, g.Tags)),
        ...keys.map((k) => describe('key pair', k.KeyName, k.Tags)),
    ];
    for (const o of orphans)
        log.info(`Removing ${o.kind} ${o.id}, left by ${o.run} (its deadline was ${o.deadline}).`);
    // The groups wait for the instances that may use them; the key pairs need not.
    await Promise.all([
        (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .terminateInstances */ .ch)(ec2, instances.map((i) => i.InstanceId), log, clock).then(() => Promise.all(groups.map((g) => (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .deleteSecurityGroup */ .dl)(ec2, g.GroupId, log, clock)))),
        ...keys.map((k) => (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .deleteKeyPair */ .z9)(ec2, k.KeyName)),
    ]);
    if (request.adoptBuilder && (await idleBuilder(clients.get(_aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_7__/* .ElasticBeanstalkClient */ .E8k), log))) {
        request.adoptBuilder(_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_8__/* .BUILDER_ENVIRONMENT */ .oe);
        log.info(`Builder environment ${_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_8__/* .BUILDER_ENVIRONMENT */ .oe} was left running with no build: this run's build reuses it, and its teardown ends it.`);
        orphans.push({ kind: 'builder environment', id: _builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_8__/* .BUILDER_ENVIRONMENT */ .oe, run: 'a build whose run ended', deadline: '-' });
    }
    if (!orphans.length)
        log.info('Nothing left by ended runs.');
    return orphans;
}
/** Whether Elastic Beanstalk's builder environment is up and idle: Ready, and no platform version of the account Creating. */
async function idleBuilder(eb, log) {
    const env = (await eb.send(new _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_7__/* .DescribeEnvironmentsCommand */ .$8c({ EnvironmentNames: [_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_8__/* .BUILDER_ENVIRONMENT */ .oe], IncludeDeleted: false }))).Environments?.find(_resources_states__WEBPACK_IMPORTED_MODULE_5__/* .isLiveEnvironment */ .e);
    if (!env)
        return false;
    const building = await (0,_builders_elastic_beanstalk_platforms__WEBPACK_IMPORTED_MODULE_0__/* .listOwnPlatformVersions */ .pU)(eb, { status: 'Creating' });
    if (env.Status === 'Ready' && !building.length)
        return true;
    log.info(`Builder environment ${_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_8__/* .BUILDER_ENVIRONMENT */ .oe} is ${env.Status}${building.length ? ` while ${building[0].PlatformArn} builds` : ''}: left alone.`);
    return false;
}


/***/ }),

/***/ 599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cj: () => (/* binding */ deleteSnapshot),
/* harmony export */   FD: () => (/* binding */ imageSnapshots),
/* harmony export */   _k: () => (/* binding */ deregisterImage),
/* harmony export */   ch: () => (/* binding */ terminateInstances),
/* harmony export */   dl: () => (/* binding */ deleteSecurityGroup),
/* harmony export */   z9: () => (/* binding */ deleteKeyPair)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5193);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6676);
/* harmony import */ var _lib_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1737);
/**
 * Deleting EC2 resources the way every path of the action needs: gone is
 * success, an instance is waited for until terminated (its security group
 * cannot go before), and a group still held by a terminated instance's network
 * interface (AWS reports it for a while) is tried again.
 */



/** Terminates the instances and waits (at most ten minutes) until EC2 reports them terminated. */
async function terminateInstances(ec2, ids, log, clock) {
    if (!ids.length)
        return;
    try {
        await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__.TerminateInstancesCommand({ InstanceIds: ids }));
    }
    catch (error) {
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error, 'InvalidInstanceID.NotFound'))
            return;
        throw error;
    }
    log.info(`Terminating ${ids.join(', ')}…`);
    const until = clock.now() + 10 * 60_000;
    const pause = (0,_lib_retry__WEBPACK_IMPORTED_MODULE_2__/* .backoff */ .J)(2_000, 15_000);
    while (clock.now() < until) {
        try {
            const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__.DescribeInstancesCommand({ InstanceIds: ids }));
            if ((out.Reservations ?? []).flatMap((r) => r.Instances ?? []).every((i) => i.State?.Name === 'terminated'))
                return;
        }
        catch (error) {
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error, 'InvalidInstanceID.NotFound'))
                return;
            if (!(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(error))
                throw error;
        }
        await clock.sleep(pause.next());
    }
    throw new Error(`${ids.join(', ')} still not terminated after 10 minutes`);
}
/** Deletes a security group, trying again (at most five minutes) while a terminated instance still holds it; false when it was already gone. */
async function deleteSecurityGroup(ec2, groupId, log, clock) {
    const until = clock.now() + 5 * 60_000;
    const pause = (0,_lib_retry__WEBPACK_IMPORTED_MODULE_2__/* .backoff */ .J)(3_000, 20_000);
    for (;;) {
        try {
            await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__.DeleteSecurityGroupCommand({ GroupId: groupId }));
            return true;
        }
        catch (error) {
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error, 'InvalidGroup.NotFound', 'InvalidGroupId.NotFound'))
                return false;
            if (((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error) !== 'DependencyViolation' && !(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(error)) || clock.now() >= until)
                throw error;
        }
        const ms = pause.next();
        log.info(`Security group ${groupId} still in use; trying again in ${Math.round(ms / 1000)} s.`);
        await clock.sleep(ms);
    }
}
/** Deletes a key pair; one that does not exist is success. */
async function deleteKeyPair(ec2, keyName) {
    try {
        await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__.DeleteKeyPairCommand({ KeyName: keyName }));
    }
    catch (error) {
        if (!(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error, 'InvalidKeyPair.NotFound'))
            throw error;
    }
}
/** The snapshots behind an image's block devices. */
const imageSnapshots = (image) => (image?.BlockDeviceMappings ?? []).map((b) => b.Ebs?.SnapshotId).filter((s) => !!s);
/** How long a snapshot may stay "in use" after its image is deregistered, and is tried again meanwhile (boto#3019 saw minutes). */
const SNAPSHOT_IN_USE_MS = 10 * 60_000;
/** Deletes a snapshot, trying again while EC2 still holds it for an image just deregistered; gone is success. */
async function deleteSnapshot(ec2, snapshotId, log, clock) {
    const until = clock.now() + SNAPSHOT_IN_USE_MS;
    const pause = (0,_lib_retry__WEBPACK_IMPORTED_MODULE_2__/* .backoff */ .J)(2_000, 30_000);
    for (;;) {
        try {
            await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__.DeleteSnapshotCommand({ SnapshotId: snapshotId }));
            return;
        }
        catch (error) {
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error, 'InvalidSnapshot.NotFound'))
                return;
            if (((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error) !== 'InvalidSnapshot.InUse' && !(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(error)) || clock.now() >= until)
                throw error;
        }
        const ms = pause.next();
        log.info(`Snapshot ${snapshotId} still in use by the image just deregistered; trying again in ${Math.round(ms / 1000)} s.`);
        await clock.sleep(ms);
    }
}
/**
 * Deregisters an image and deletes its snapshots; one already gone is success. Returns what it
 * removed. DeregisterImage deletes the snapshots itself with DeleteAssociatedSnapshots (in EC2's API
 * since 2025-05; "If a snapshot is associated with multiple AMIs, it is not deleted", API reference)
 * and answers per snapshot: `skipped` is a snapshot another image uses, kept. An endpoint that does
 * not know the parameter (EC2 answers UnknownParameter to a parameter it does not know) gets the
 * older way: deregister, then DeleteSnapshot, tried again while the snapshot is still "in use" by
 * the image just deregistered (InvalidSnapshot.InUse for up to minutes, boto#3019). A snapshot
 * whose deletion failed for the image is deleted the older way too.
 */
async function deregisterImage(ec2, imageId, log, clock) {
    let snapshots = [];
    let left;
    try {
        const image = (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__.DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
        if (!image || image.State === 'deregistered')
            return [];
        snapshots = imageSnapshots(image);
        try {
            const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__.DeregisterImageCommand({ ImageId: imageId, DeleteAssociatedSnapshots: true }));
            const results = out.DeleteSnapshotResults ?? [];
            const kept = results.filter((r) => r.ReturnCode === 'skipped').map((r) => r.SnapshotId);
            if (kept.length)
                log.info(`Kept snapshot ${kept.join(', ')} of ${imageId}: another image uses it.`);
            snapshots = snapshots.filter((id) => !kept.includes(id));
            left = snapshots.filter((id) => results.find((r) => r.SnapshotId === id)?.ReturnCode !== 'success');
        }
        catch (error) {
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(error) !== 'UnknownParameter')
                throw error;
            await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_0__.DeregisterImageCommand({ ImageId: imageId }));
            left = snapshots;
        }
    }
    catch (error) {
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(error, 'InvalidAMIID.NotFound'))
            return [];
        throw error;
    }
    for (const snapshotId of left)
        await deleteSnapshot(ec2, snapshotId, log, clock);
    return [`image ${imageId}`, ...snapshots.map((s) => `snapshot ${s}`)];
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
//# sourceMappingURL=533.index.js.map