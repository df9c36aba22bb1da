"use strict";
exports.id = 768;
exports.ids = [768,962];
exports.modules = {

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

/***/ 5205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ rolledBackDescription),
/* harmony export */   S6: () => (/* binding */ parameterHistory),
/* harmony export */   es: () => (/* binding */ rollbackTarget),
/* harmony export */   sv: () => (/* binding */ releasedDescription)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4736);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6676);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6402);
/**
 * What an SSM parameter the action writes held before: its history, and the
 * value a rollback returns to. Each version the action writes says in its
 * description what it was (a release, or a rollback from a value), so the
 * history alone tells which earlier value is good to return to, in every
 * region, with nothing kept anywhere else.
 */



/** How a rollback's version describes itself; the value it left follows. */
const ROLLED_BACK_FROM = 'rolled back from ';
/** The description of a version a release writes: what it points at, and the run that proved it. */
function releasedDescription(what, runUrl) {
    return `released: ${what}${runUrl ? ` by ${runUrl}` : ''}`.slice(0, 1024);
}
/** The description of a version a rollback writes: the value it leaves, which is not returned to again. */
function rolledBackDescription(from, runUrl) {
    return `${ROLLED_BACK_FROM}${from}${runUrl ? ` by ${runUrl}` : ''}`.slice(0, 1024);
}
/**
 * Every kept version of a parameter, oldest first (GetParameterHistory; the order it answers in
 * is not documented, so it is sorted here), or undefined when the parameter does not exist.
 * Parameter Store keeps the newest 100 versions (API reference, ParameterMaxVersionLimitExceeded).
 */
async function parameterHistory(ssm, name) {
    try {
        const versions = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_0__/* .allPages */ .S)('GetParameterHistory', async (token) => {
            const page = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__.GetParameterHistoryCommand({ Name: name, MaxResults: 50, NextToken: token }));
            return { items: page.Parameters, next: page.NextToken };
        });
        return versions.map((v) => ({ version: v.Version ?? 0, value: v.Value ?? '', description: v.Description })).sort((a, b) => a.version - b.version);
    }
    catch (error) {
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(error, 'ParameterNotFound'))
            return undefined;
        throw error;
    }
}
/**
 * The value a rollback returns to. Walking the history oldest first: a rollback's version marks
 * the value it left as abandoned; a release of a value clears that mark. The target is the newest
 * version before the current one whose value differs from the current and is not abandoned, so a
 * second rollback goes one release further back rather than forward again.
 */
function rollbackTarget(history) {
    const current = history[history.length - 1];
    if (!current)
        return { none: 'the parameter has no versions' };
    const abandoned = new Set();
    for (const v of history) {
        const left = v.description?.startsWith(ROLLED_BACK_FROM) ? v.description.slice(ROLLED_BACK_FROM.length).split(' ')[0] : undefined;
        if (left)
            abandoned.add(left);
        else
            abandoned.delete(v.value);
    }
    for (let i = history.length - 2; i >= 0; i--) {
        const v = history[i];
        if (v.value !== current.value && !abandoned.has(v.value))
            return { current, target: v };
    }
    const left = [...abandoned].filter((v) => v !== current.value);
    return {
        current,
        none: `it holds ${current.value} (version ${current.version}) and no earlier value to return to` +
            (left.length ? ` (earlier rollbacks left ${left.join(', ')})` : history.length === 1 ? ' (it has only ever held this one)' : ''),
    };
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

/***/ 962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkParameters: () => (/* binding */ checkParameters),
/* harmony export */   confirmParameter: () => (/* binding */ confirmParameter),
/* harmony export */   getParameter: () => (/* binding */ getParameter),
/* harmony export */   parameterConflict: () => (/* binding */ parameterConflict),
/* harmony export */   parameterMetadata: () => (/* binding */ parameterMetadata),
/* harmony export */   setParameter: () => (/* binding */ setParameter),
/* harmony export */   writeParameter: () => (/* binding */ writeParameter)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4736);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6676);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _lib_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1737);




/**
 * A parameter's type, data type and tier, or undefined when it does not exist. GetParameter does
 * not say the tier; DescribeParameters does (API reference, ParameterMetadata).
 */
async function parameterMetadata(ssm, name) {
    const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__.DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [name] }] }));
    return out.Parameters?.find((p) => p.Name === name);
}
/**
 * Writes an SSM parameter, replacing its value. An image id goes in with data
 * type aws:ec2:image, so that launch templates can resolve it
 * (`resolve:ssm:NAME`); the platform's ARN as text. An existing parameter keeps
 * its tier: "you can't revert an advanced parameter to a standard parameter"
 * (Systems Manager user guide, "Changing a standard parameter to an advanced
 * parameter"), and what PutParameter does to an advanced parameter when no tier
 * is given is not documented, so the tier it has is sent. The description says
 * what the version is (release/history.ts reads it back for a rollback).
 * Returns the new version.
 */
async function writeParameter(ssm, name, value, dataType, description) {
    const tier = (await parameterMetadata(ssm, name))?.Tier;
    const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__.PutParameterCommand({
        Name: name,
        Value: value,
        Type: 'String',
        DataType: dataType,
        Description: description,
        Overwrite: true,
        ...(tier ? { Tier: tier } : {}),
    }));
    return out.Version;
}
/**
 * Sets a parameter to `value` unless it holds it already (a reused image's promotion writes no new
 * version, so the history shows releases only); an image id is confirmed read back, as Parameter
 * Store checks it after answering. Returns the line the log says.
 */
async function setParameter(ssm, name, value, dataType, description, where) {
    const now = await getParameter(ssm, name);
    if (now?.Value === value)
        return `SSM parameter ${name} in ${where.region} already is ${value} (version ${now.Version ?? '?'}).`;
    const version = await writeParameter(ssm, name, value, dataType, description);
    if (dataType === 'aws:ec2:image')
        await confirmParameter(ssm, name, value, version, where.clock);
    return `SSM parameter ${name} in ${where.region} is ${value} (version ${version ?? '?'}).`;
}
/**
 * Why an existing parameter cannot take what the action writes, or undefined when it can (or does
 * not exist). "You can't change a parameter to or from either of these data types" (aws:ec2:image,
 * aws:ssm:integration; Systems Manager user guide, "Native parameter support for Amazon Machine Image
 * IDs"), so a text parameter of the user's own cannot become an image parameter, nor the reverse:
 * found before the build, not after it and the smoke test.
 */
function parameterConflict(existing, input, region, dataType) {
    if (!existing)
        return undefined;
    const has = existing.DataType ?? 'text';
    if (has === dataType)
        return undefined;
    return (`${input}: the SSM parameter ${existing.Name} in ${region} exists with data type ${has}, and Systems Manager cannot change it to ${dataType}. ` +
        `Delete it (aws ssm delete-parameter --region ${region} --name ${existing.Name}) so the action creates it anew, or name another parameter.`);
}
/**
 * Checks before the build that each parameter can be written in each region: the data type (a
 * refusal), the type (a warning: what the action writes is a String). A denied look is a warning.
 */
async function checkParameters(ssmFor, wanted) {
    const warnings = [];
    const conflicts = [];
    for (const w of wanted) {
        for (const region of w.regions) {
            let existing;
            try {
                existing = await parameterMetadata(ssmFor(region), w.name);
            }
            catch (error) {
                if (!(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .isPermissionDenied */ .T1)(error))
                    throw error;
                warnings.push(`Could not check the SSM parameter ${w.name} in ${region} (${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}): add ssm:DescribeParameters to have it checked before the build.`);
                continue;
            }
            const conflict = parameterConflict(existing, w.input, region, w.dataType);
            if (conflict)
                conflicts.push(conflict);
            else if (existing && existing.Type !== 'String')
                warnings.push(`${w.input}: the SSM parameter ${w.name} in ${region} is a ${existing.Type}; the action overwrites it with a String.`);
        }
    }
    if (conflicts.length)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('preflight', conflicts.join('\n'));
    return warnings;
}
/** A parameter as it reads now, or undefined when it does not exist. */
async function getParameter(ssm, name) {
    try {
        return (await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__.GetParameterCommand({ Name: name }))).Parameter;
    }
    catch (error) {
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(error, 'ParameterNotFound'))
            return undefined;
        throw error;
    }
}
/**
 * Waits (at most a minute) until the parameter reads back as written. For
 * aws:ec2:image, "Parameter Store validates the AMI ID asynchronously ... If
 * the AMI ID is not valid, the parameter is not created" (Systems Manager user
 * guide): PutParameter's answer alone does not prove the value took.
 */
async function confirmParameter(ssm, name, value, version, clock) {
    const until = clock.now() + 60_000;
    const pause = (0,_lib_retry__WEBPACK_IMPORTED_MODULE_3__/* .backoff */ .J)(500, 5_000);
    let seen = 'nothing';
    while (clock.now() < until) {
        try {
            const p = await getParameter(ssm, name);
            if (p?.Value === value && (version === undefined || (p.Version ?? 0) >= version))
                return;
            seen = p ? `${p.Value ?? 'no value'} (version ${p.Version ?? '?'})` : 'no parameter';
        }
        catch (error) {
            if (!(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error))
                throw error;
        }
        await clock.sleep(pause.next());
    }
    throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('Promote', `SSM parameter ${name} still reads ${seen}, not ${value}, a minute after it was written: Systems Manager did not take the value (for aws:ec2:image, it checks that the image exists in the region).`);
}


/***/ }),

/***/ 6768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promote: () => (/* binding */ promote),
  startCopies: () => (/* binding */ startCopies)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var client_ssm_dist_cjs = __webpack_require__(4736);
// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/resources/run-tags.ts
var run_tags = __webpack_require__(236);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/release/copy.ts
var copy = __webpack_require__(960);
// EXTERNAL MODULE: ./src/release/history.ts
var release_history = __webpack_require__(5205);
// EXTERNAL MODULE: ./src/release/parameter.ts
var parameter = __webpack_require__(962);
// EXTERNAL MODULE: ./src/release/settings.ts
var settings = __webpack_require__(5552);
;// CONCATENATED MODULE: ./src/release/share.ts

/** The launch permissions to add: accounts, organizations and organizational units (API model, LaunchPermission). */
function launchPermissions(r) {
    return [
        ...r.shareAccounts.map((UserId) => ({ UserId })),
        ...r.shareOrgArns.map((OrganizationArn) => ({ OrganizationArn })),
        ...r.shareOuArns.map((OrganizationalUnitArn) => ({ OrganizationalUnitArn })),
    ];
}
/**
 * Grants launch permission on one image. The snapshots need no permission of
 * their own to launch it: "You do not need to share the Amazon EBS snapshots
 * that an AMI references in order to share the AMI ... However, you do need to
 * share any KMS keys used to encrypt snapshots" (EC2 user guide, "Share an AMI
 * with specific AWS accounts"). Adding a permission that exists is no error.
 */
async function shareImage(ec2, imageId, r) {
    await ec2.send(new dist_cjs.ModifyImageAttributeCommand({ ImageId: imageId, LaunchPermission: { Add: launchPermissions(r) } }));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-kms/dist-cjs/index.js
var client_kms_dist_cjs = __webpack_require__(2632);
// EXTERNAL MODULE: ./src/lib/aws-errors.ts
var aws_errors = __webpack_require__(6676);
;// CONCATENATED MODULE: ./src/release/share-keys.ts
/**
 * The KMS keys of the images a release shares. "You can't share an AMI that
 * has volumes that are encrypted with an AWS managed key" (EC2 user guide,
 * "Share an AMI with specific AWS accounts"): such an image is refused before
 * any launch permission is added. An image encrypted with a customer managed
 * key launches in another account only if the key's policy lets that account
 * use it, which the action cannot grant: it says which keys and accounts, and
 * what the policy must allow, before sharing.
 */




/** What the other accounts' use of an encrypted image needs from the key's policy (EC2 user guide, "Share an AMI with specific AWS accounts"). */
const SHARED_KEY_ACTIONS = ['kms:DescribeKey', 'kms:CreateGrant', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKeyWithoutPlaintext'];
/** An image's encryption keys, region by region: image id → key ids (empty for an unencrypted image). */
async function imageKeys(ec2, imageId) {
    const image = (await ec2.send(new dist_cjs.DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    const keys = (image?.BlockDeviceMappings ?? []).filter((b) => b.Ebs?.Encrypted).map((b) => b.Ebs?.KmsKeyId ?? 'the default EBS key');
    return [...new Set(keys)];
}
/** Who manages a key: AWS (the aws/ebs key) or the account, or undefined when KMS will not say. */
async function keyManager(kms, keyId) {
    try {
        return (await kms.send(new client_kms_dist_cjs/* DescribeKeyCommand */.spV({ KeyId: keyId }))).KeyMetadata?.KeyManager;
    }
    catch (error) {
        if ((0,aws_errors/* isPermissionDenied */.T1)(error) || (0,aws_errors/* errorCode */.CA)(error) === 'NotFoundException')
            return undefined;
        throw error;
    }
}
/**
 * Refuses to share an image encrypted with an AWS managed key; returns the warning for those
 * encrypted with the account's own keys (or keys KMS would not describe), or undefined when none is.
 */
async function checkSharedKeys(clientsFor, ids, who) {
    const own = [];
    const unknown = [];
    for (const [region, imageId] of Object.entries(ids)) {
        const clients = clientsFor(region);
        for (const key of await imageKeys(clients.get(dist_cjs.EC2Client), imageId)) {
            const manager = key.startsWith('arn:') || !key.includes(' ') ? await keyManager(clients.get(client_kms_dist_cjs/* KMSClient */.pgq), key) : undefined;
            if (manager === 'AWS')
                throw new errors/* StepError */.zg('Promote', `${imageId} in ${region} is encrypted with the AWS managed key ${key}, and an AMI encrypted with an AWS managed key cannot be shared (EC2 user guide): ` +
                    `encrypt it with a customer managed key (the template's kms_key_id; ami-kms-key-ids for the copies), or share nothing.`);
            (manager === 'CUSTOMER' ? own : unknown).push(`${key} (${imageId} in ${region})`);
        }
    }
    if (!own.length && !unknown.length)
        return undefined;
    return (`Sharing with ${who} images encrypted with ${[...own, ...unknown].join(', ')}: those accounts can launch them only if each key's policy lets them use it ` +
        `(${SHARED_KEY_ACTIONS.join(', ')}); the action does not change key policies.` +
        (unknown.length
            ? ` KMS did not say who manages ${unknown.map((k) => k.split(' ')[0]).join(', ')} (kms:DescribeKey): an AWS managed key cannot be shared at all.`
            : ''));
}

;// CONCATENATED MODULE: ./src/release/promote.ts
/**
 * Promotion of an image that passed its smoke test: copies to other regions
 * (in parallel, one per region; one failing stops the others, and every copy
 * made is removed by teardown), launch permissions on the image and its
 * copies, then the SSM parameters launch templates read. The copies may start
 * earlier, alongside the smoke test (`startCopies`): copying is AWS's longest
 * wait after the build, and a copy is only kept once it is available, the
 * smoke test passed, and it is shared.
 */











async function sourceImage(ctx, amiId) {
    const image = (await ctx
        .clientsFor(ctx.region)
        .get(dist_cjs.EC2Client)
        .send(new dist_cjs.DescribeImagesCommand({ ImageIds: [amiId] }))).Images?.[0];
    if (!image)
        throw new errors/* StepError */.zg('Promote', `${amiId} is not found in ${ctx.region}`);
    return image;
}
/**
 * Copies the image to every region at once, one copy per destination region
 * (EC2's limits on concurrent copies are per destination region); a throttled
 * CopyImage is retried by the SDK's adaptive retry, safely as the client token
 * makes it idempotent. The first failure, or `stopped`, stops the rest.
 */
async function copyAll(ctx, image, stopped) {
    const stop = new AbortController();
    const onCancel = () => stop.abort();
    ctx.signal?.addEventListener('abort', onCancel);
    stopped?.addEventListener('abort', onCancel);
    const clock = (0,lib_clock/* abortable */.Z)(ctx.clock, stop.signal);
    try {
        const results = await Promise.allSettled(ctx.release.regions.map(async (region) => {
            try {
                return await (0,copy/* copyImage */.L1)(ctx.clientsFor(region).get(dist_cjs.EC2Client), { source: { region: ctx.region, image }, region, kmsKeyId: ctx.release.kmsKeyIds[region], runTags: ctx.runTags, deadline: ctx.deadline }, { ledger: ctx.ledger, log: ctx.log, clock });
            }
            catch (error) {
                if (!stop.signal.aborted)
                    ctx.log.error(`Copy to ${region} failed: ${(0,errors/* describeError */.Uc)(error)}`);
                stop.abort();
                throw error;
            }
        }));
        const failed = ctx.release.regions.filter((_, i) => results[i].status === 'rejected');
        if (ctx.signal?.aborted || stopped?.aborted)
            throw new errors/* StepError */.zg('Promote', 'Cancelled during the copies; every copy is removed.');
        if (failed.length) {
            const first = results.find((r) => r.status === 'rejected')?.reason;
            throw new errors/* StepError */.zg('Promote', `Copying ${image.ImageId} failed (${failed.join(', ')}): ${(0,errors/* describeError */.Uc)(first)}. Every copy made is removed.`);
        }
        return Object.fromEntries(ctx.release.regions.map((region, i) => [region, results[i].value]));
    }
    finally {
        ctx.signal?.removeEventListener('abort', onCancel);
        stopped?.removeEventListener('abort', onCancel);
    }
}
/** Starts the copies to every other region now, for the promotion to take up (or cancel) later. */
function startCopies(ctx, amiId) {
    const stop = new AbortController();
    let settled = false;
    const done = sourceImage(ctx, amiId).then((image) => copyAll(ctx, image, stop.signal));
    void done.then(() => (settled = true), () => (settled = true));
    ctx.log.info(`Copying ${amiId} to ${ctx.release.regions.join(', ')} alongside the smoke test; nothing is shared or published before it passes.`);
    return {
        done,
        async cancel() {
            if (!settled)
                ctx.log.info(`Stopping the copies of ${amiId}: the run ends without promoting them, and teardown removes them.`);
            stop.abort();
            await done.catch(() => { });
        },
    };
}
/**
 * Promotes the image: its copies (those `copies` began, found from an earlier run, or made now),
 * launch permissions, then the SSM parameters; a parameter that already holds the value is left
 * as it is (a reused image's), so its history shows releases only.
 */
async function promote(ctx, promoted, copies) {
    const { log, release } = ctx;
    const { amiId, platformArn } = promoted;
    const description = (0,release_history/* releasedDescription */.sv)(`${ctx.platformName} ${promoted.version}`, ctx.runTags[run_tags/* TAG */.Dk.runUrl]);
    const copied = copies ? await copies.done : release.regions.length ? await copyAll(ctx, await sourceImage(ctx, amiId)) : {};
    const ids = { [ctx.region]: amiId, ...copied };
    if ((0,settings/* sharesImage */.MA)(release)) {
        const who = (0,settings/* shareTargets */.wA)(release).join(', ');
        // Before any permission: an AWS managed key refuses the share, and the keys' policies are the user's to set.
        const note = await checkSharedKeys(ctx.clientsFor, ids, who);
        if (note)
            log.warning(note);
        await Promise.all(Object.entries(ids).map(([region, id]) => shareImage(ctx.clientsFor(region).get(dist_cjs.EC2Client), id, release)));
        log.info(`Launch permission on ${Object.values(ids).join(', ')} for ${who}.`);
    }
    (0,copy/* keepCopiesOf */.Yt)(ctx.ledger, amiId);
    if (release.ssmParameter) {
        const name = release.ssmParameter;
        // Every region at once: each write is checked by Systems Manager before it reads back (the image must exist there).
        const written = await Promise.allSettled(Object.entries(ids).map(([region, id]) => (0,parameter.setParameter)(ctx.clientsFor(region).get(client_ssm_dist_cjs.SSMClient), name, id, 'aws:ec2:image', description, { region, clock: ctx.clock })));
        for (const w of written)
            if (w.status === 'fulfilled')
                log.info(w.value);
        const failed = written.find((w) => w.status === 'rejected');
        if (failed)
            throw failed.reason;
    }
    if (release.ssmParameterPlatformArn && platformArn) {
        const ssm = ctx.clientsFor(ctx.region).get(client_ssm_dist_cjs.SSMClient);
        log.info(await (0,parameter.setParameter)(ssm, release.ssmParameterPlatformArn, platformArn, 'text', description, { region: ctx.region, clock: ctx.clock }));
    }
    return ids;
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
//# sourceMappingURL=768.index.js.map