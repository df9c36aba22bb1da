"use strict";
exports.id = 265;
exports.ids = [265];
exports.modules = {

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

/***/ 9265:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildWithPacker: () => (/* binding */ buildWithPacker),
/* harmony export */   packerSdkReadsEndpoints: () => (/* binding */ packerSdkReadsEndpoints)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5193);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/* harmony import */ var _platform_unzip__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7625);
/* harmony import */ var _images__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9321);
/* harmony import */ var _leftovers__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6735);
/* harmony import */ var _run__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5238);
/* harmony import */ var _smoke_runner_address__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1958);
/* harmony import */ var _lib_semver__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5419);
/**
 * The packer builder: the same platform directory built by Packer on the
 * runner, with no Elastic Beanstalk call. Packer builds exactly what was
 * packaged (the bundle unpacked into the run's work directory), with the
 * variables Elastic Beanstalk would set: AWS_EB_PLATFORM_NAME and _VERSION,
 * and AWS_EB_PLATFORM_ARN empty, since no platform version exists to name (a
 * template that tags with it gets an empty tag); and the region in AWS_REGION.
 */









async function buildWithPacker(ctx, step, packer) {
    const version = await step('Resolve version', () => chooseVersion(ctx));
    const amiId = await step('Build image (Packer on the runner)', () => build(ctx, packer, version));
    return { amiId, version };
}
async function chooseVersion({ inputs, clients, deps, report }) {
    const resolved = await (0,_images__WEBPACK_IMPORTED_MODULE_3__/* .resolveImageVersion */ .U1)(clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_7__.EC2Client), inputs.platformName, inputs.platformVersion);
    deps.log.info(`${inputs.platformName}/${resolved.version} (${resolved.reason}; versions from the images' ${_images__WEBPACK_IMPORTED_MODULE_3__/* .VERSION_TAG */ .kD} tags)`);
    report.version = resolved.version;
    deps.setOutput('platform-version', resolved.version);
    deps.setOutput('platform-arn', '');
    return resolved.version;
}
/** The bundle, unpacked where Packer runs: it builds what was packaged, and the checkout stays untouched. */
async function unpack(ctx) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_0__.join(ctx.deps.workDir, 'platform-build');
    try {
        (0,_platform_unzip__WEBPACK_IMPORTED_MODULE_2__/* .extractZip */ .J)(ctx.bundle.path, dir);
    }
    catch (error) {
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .StepError */ .zg('packer', `Unpacking the platform bundle failed: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`);
    }
    return dir;
}
/**
 * Whether Packer's EC2 client reads AWS_ENDPOINT_URL itself: the amazon plugin's EBS builder is on
 * the AWS SDK for Go v2 from 1.8.0 (plugin CHANGELOG, #618), which reads the variable; the SDK v1 of
 * older plugins and of the builder bundled before Packer 1.10 does not, and needs custom_endpoint_ec2.
 */
function packerSdkReadsEndpoints(packer) {
    return !!packer.pluginVersion && (0,_lib_semver__WEBPACK_IMPORTED_MODULE_8__/* .atLeast */ .jZ)(packer.pluginVersion, '1.8.0');
}
async function build(ctx, packer, version) {
    const { inputs, deps, definition } = ctx;
    const dir = await unpack(ctx);
    const env = {
        ...process.env,
        AWS_REGION: inputs.region,
        AWS_DEFAULT_REGION: inputs.region,
        AWS_EB_PLATFORM_NAME: inputs.platformName,
        AWS_EB_PLATFORM_VERSION: version,
        AWS_EB_PLATFORM_ARN: '',
        CHECKPOINT_DISABLE: '1',
        PACKER_NO_COLOR: '1',
        ...(packer.pluginPath ? { PACKER_PLUGIN_PATH: packer.pluginPath } : {}),
    };
    const templateFile = (0,_run__WEBPACK_IMPORTED_MODULE_5__/* .templateForRun */ .vW)(dir, definition.templateFile, {
        region: inputs.region,
        endpoint: packerSdkReadsEndpoints(packer) ? undefined : env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL,
        sourceCidr: await (0,_smoke_runner_address__WEBPACK_IMPORTED_MODULE_6__/* .runnerCidr */ .D)('packer', inputs.smoke.allowedCidr),
        runTags: deps.runTags,
        imageTags: inputs.tags,
    });
    // Recorded before Packer starts: Packer names what it makes as it makes it, and each is added as it is announced.
    const record = (0,_leftovers__WEBPACK_IMPORTED_MODULE_4__/* .packerBuild */ .dE)(inputs.region, `${inputs.platformName}/${version}`, deps.runTags, {
        runTagged: Object.keys(deps.runTags).length > 0,
        instanceIds: [],
        groupNames: [],
        keyNames: [],
        imageIds: [],
    });
    deps.ledger.record(record);
    const onAnnounced = ({ list, value }) => {
        // Each once: Packer names an AMI again in its build summary.
        const known = (record[list] ??= []);
        if (known.includes(value))
            return;
        known.push(value);
        deps.ledger.record({ ...record });
    };
    const run = { packer: packer.path, dir, templateFile, region: inputs.region, variables: inputs.packer.variables, env, signal: deps.signal, onAnnounced };
    await (0,_run__WEBPACK_IMPORTED_MODULE_5__/* .validateTemplate */ .dC)(run);
    const amiId = await (0,_run__WEBPACK_IMPORTED_MODULE_5__/* .buildImage */ ._w)(run, deps.log);
    // The image is the product: it stays out of teardown's reach; what Packer made to build it goes.
    record.imageIds = [];
    record.builtImageId = amiId;
    deps.ledger.record({ ...record });
    deps.log.info(`Packer registered ${amiId}.`);
    ctx.report.amiId = amiId;
    return amiId;
}


/***/ }),

/***/ 5238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vb: () => (/* binding */ varArgs),
/* harmony export */   _w: () => (/* binding */ buildImage),
/* harmony export */   dC: () => (/* binding */ validateTemplate),
/* harmony export */   vW: () => (/* binding */ templateForRun)
/* harmony export */ });
/* unused harmony export PACKER_CLEANUP_MS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7268);
/* harmony import */ var _lib_process__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2302);
/* harmony import */ var _elastic_beanstalk_failure__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8586);
/* harmony import */ var _output__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3942);
/**
 * `packer validate`, then `packer build -machine-readable` on the platform
 * directory's template: Packer's output streamed into the log as it comes,
 * with Packer's own timestamps; what its amazon-ebs builder makes recorded
 * in the ledger as it announces it; the AMI read from the artifact line, or
 * the failure in Packer's words with the failing provisioner's last lines.
 * On a cancel, Packer gets SIGINT and a bounded time to clean up after
 * itself, then SIGKILL; whatever it left is teardown's.
 */







/**
 * How long Packer gets to clean up after a cancel before it is killed. GitHub's runner sends the
 * step SIGINT, SIGTERM 7.5 s later and kills the process tree 2.5 s after that (actions/runner,
 * src/Runner.Sdk/ProcessInvoker.cs): Packer's own clean-up (terminate, wait, delete) takes longer
 * on AWS, so what it has not removed in this time is teardown's, then the post step's, found by what
 * Packer announced and by the run's tags.
 */
const PACKER_CLEANUP_MS = 6_000;
const varArgs = (variables) => Object.entries(variables).flatMap(([k, v]) => ['-var', `${k}=${v}`]);
async function validateTemplate(run) {
    const r = await (0,_lib_process__WEBPACK_IMPORTED_MODULE_4__/* .runProcess */ .R)(run.packer, ['validate', ...varArgs(run.variables), run.templateFile], { cwd: run.dir, env: run.env, timeoutMs: 120_000 });
    if (r.code !== 0)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg('packer', `packer validate ${run.templateFile} failed:\n${(r.stdout + r.stderr).trim()}`);
}
/** Runs the build; resolves with the AMI in the run's region. */
function buildImage(run, log) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(run.packer, ['build', '-machine-readable', '-color=false', ...varArgs(run.variables), run.templateFile], {
            cwd: run.dir,
            env: run.env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const human = [];
        let ami;
        let errorText = '';
        let pending = '';
        // A line of human output (a Packer that printed some without -machine-readable's framing) is
        // read for announcements too; its build summary spans lines.
        let humanSummary = '';
        const take = (text) => {
            pending += text;
            const lines = pending.split('\n');
            pending = lines.pop() ?? '';
            for (const raw of lines) {
                const line = (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .parseMachineLine */ .hF)(raw);
                if (!line) {
                    if (raw.trim())
                        log.info(raw);
                    humanSummary = /AMIs were created:\s*$/.test(raw) ? 'AMIs were created:' : humanSummary ? `${humanSummary}\n${raw}` : '';
                    for (const made of (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .announcements */ .JT)(humanSummary || raw))
                        run.onAnnounced(made);
                    continue;
                }
                const shown = (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .formatPackerLine */ .uZ)(line);
                if (shown) {
                    log.info(shown);
                    human.push(...line.data.slice(1).join(',').split('\n'));
                    for (const made of (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .announcements */ .JT)(line.data.slice(1).join(',')))
                        run.onAnnounced(made);
                }
                if (line.type === 'error')
                    errorText = line.data.join(',').trim();
                ami ??= (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .artifactAmi */ .Af)(line, run.region);
            }
        };
        child.stdout.setEncoding('utf8').on('data', take);
        child.stderr.setEncoding('utf8').on('data', (t) => {
            for (const l of t.split('\n'))
                if (l.trim())
                    log.info(l);
            human.push(...t.split('\n'));
        });
        const cancel = () => {
            log.warning(`Stopping Packer: it gets ${Math.round((run.cleanupMs ?? PACKER_CLEANUP_MS) / 1000)} s to clean up after itself.`);
            // SIGINT: Packer's own clean-up of what it made runs on an interrupt.
            void (0,_lib_process__WEBPACK_IMPORTED_MODULE_4__/* .stopProcess */ .g)(child, 'SIGINT', run.cleanupMs ?? PACKER_CLEANUP_MS);
        };
        if (run.signal?.aborted)
            cancel();
        run.signal?.addEventListener('abort', cancel, { once: true });
        child.on('error', (e) => reject(new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg('packer', `Could not run ${run.packer}: ${e.message}`)));
        child.on('close', (code, signal) => {
            run.signal?.removeEventListener('abort', cancel);
            if (pending)
                take('\n');
            if (run.signal?.aborted)
                return reject(new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg('packer', `Packer stopped (${signal ?? `exit ${code}`}) after the job was cancelled.`));
            if (code === 0 && ami)
                return resolve(ami);
            const why = errorText || (code === 0 ? `packer build succeeded but named no AMI in ${run.region}` : `packer build exited with ${signal ?? code}`);
            const tail = (0,_elastic_beanstalk_failure__WEBPACK_IMPORTED_MODULE_5__/* .provisionerTail */ .XH)(human);
            reject(new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg('packer', `The image build failed: ${why}${tail.length ? `\nThe failing provisioner's last lines:\n${tail.map((l) => `  ${l}`).join('\n')}` : ''}`));
        });
    });
}
/** Keys of the amazon-ebs builder by which a template chooses its own security group, or its source. */
const OWN_SECURITY_GROUP = [
    'security_group_id',
    'security_group_ids',
    'security_group_filter',
    'temporary_security_group_source_cidrs',
    'temporary_security_group_source_public_ip',
];
/**
 * The template as the run builds it, written beside it (the repository's stays as it is), for each
 * amazon-ebs builder:
 * - `region`, where the template leaves it empty (AWS's samples do, "region": "", and rely on the
 *   builder setting AWS_REGION): set to the run's region, so nothing depends on that variable;
 * - `temporary_security_group_source_cidrs` set to the runner's address, unless the template
 *   chooses its own group or source: the plugin's default opens SSH to 0.0.0.0/0 ("The default is
 *   [0.0.0.0/0]", builder/common/run_config.go). Packer 1.6.6 knows this key; the plugin's
 *   `temporary_security_group_source_public_ip` is unknown to it;
 * - `run_tags` and `run_volume_tags` with the run's tags added, by which the post step finds what a
 *   killed build left: the plugin tags the temporary key pair and security group with run_tags
 *   (builder/ebs/builder.go, StepKeyPair and StepSecurityGroup), and the AMI and its snapshot from
 *   CreateImage on (builder/ebs/step_create_ami.go);
 * - `tags` and `snapshot_tags` with the `tags` input added (the template's own keys win, so the
 *   platform's name and version tags stay as it writes them);
 * - `custom_endpoint_ec2` when `endpoint` is given.
 */
function templateForRun(dir, templateFile, settings) {
    const template = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, templateFile), 'utf8'));
    template.builders = (template.builders ?? []).map((b) => {
        if (b.type !== 'amazon-ebs')
            return b;
        const out = { ...b };
        if (!out.region)
            out.region = settings.region;
        if (!OWN_SECURITY_GROUP.some((k) => k in b))
            out.temporary_security_group_source_cidrs = [settings.sourceCidr];
        out.run_tags = { ...b.run_tags, ...settings.runTags };
        out.run_volume_tags = { ...b.run_volume_tags, ...settings.runTags };
        if (Object.keys(settings.imageTags).length) {
            out.tags = { ...settings.imageTags, ...b.tags };
            out.snapshot_tags = { ...settings.imageTags, ...b.snapshot_tags };
        }
        if (settings.endpoint && !b.custom_endpoint_ec2)
            out.custom_endpoint_ec2 = settings.endpoint;
        return out;
    });
    const copy = `.packer-run-${node_path__WEBPACK_IMPORTED_MODULE_2__.basename(templateFile)}`;
    node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, copy), JSON.stringify(template, null, 2));
    return copy;
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

/***/ 2302:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ runProcess),
/* harmony export */   g: () => (/* binding */ stopProcess)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);

/** Runs a command to its end, its time limit, or the job's cancel, whichever comes first; a non-zero exit is a result, not an exception. */
function runProcess(cmd, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env, cwd: options.cwd });
        const out = [];
        const err = [];
        let killed = false;
        const stop = () => {
            killed = true;
            child.kill('SIGKILL');
        };
        const timer = setTimeout(stop, options.timeoutMs ?? 60_000);
        if (options.signal?.aborted)
            stop();
        options.signal?.addEventListener('abort', stop);
        child.on('exit', () => {
            options.signal?.removeEventListener('abort', stop);
            // A process we killed may have passed its pipes on (an ssh client hands them to its shared
            // connection's master), so 'close' could wait for someone else: what was read is the result.
            if (killed) {
                child.stdout.destroy();
                child.stderr.destroy();
            }
        });
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.on('error', (e) => {
            clearTimeout(timer);
            reject(e);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code: code ?? (signal ? 255 : 1), stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
        });
        child.stdin.on('error', () => { });
        child.stdin.end(options.input ?? '');
    });
}
/** Asks a process to stop with `signal`, kills it if it has not exited `graceMs` later, and resolves once it has exited. */
function stopProcess(child, signal, graceMs) {
    if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve();
    return new Promise((resolve) => {
        const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
            clearTimeout(killer);
            resolve();
        });
        child.kill(signal);
    });
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

/***/ 1958:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ runnerCidr)
/* harmony export */ });
/* unused harmony export runnerAddress */
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);

/** The runner's public IPv4 address as AWS sees it, for the security group's one allowed source. */
async function runnerAddress() {
    const res = await fetch('https://checkip.amazonaws.com', { signal: AbortSignal.timeout(10_000) });
    const ip = (await res.text()).trim();
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip))
        throw new Error(`checkip.amazonaws.com answered '${ip.slice(0, 40)}'`);
    return ip;
}
/**
 * Where the runner reaches instances from: smoke-allowed-cidr when given, else the runner's public
 * address as a /32. The smoke test's security group and Packer's temporary one both let in only it.
 */
async function runnerCidr(step, allowedCidr, publicIp = runnerAddress) {
    if (allowedCidr)
        return allowedCidr;
    try {
        return `${await publicIp()}/32`;
    }
    catch (error) {
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg(step, `Could not find the runner's public address (${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}): set smoke-allowed-cidr.`);
    }
}


/***/ })

};
;
//# sourceMappingURL=265.index.js.map