"use strict";
exports.id = 425;
exports.ids = [425,962];
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

/***/ 1425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rollback: () => (/* binding */ rollback)
/* harmony export */ });
/* unused harmony export planRollback */
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5193);
/* harmony import */ var _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6114);
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4736);
/* harmony import */ var _builders_packer_images__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9321);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6676);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/* harmony import */ var _resources_run_tags__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(236);
/* harmony import */ var _history__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5205);
/* harmony import */ var _image_tags__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4980);
/* harmony import */ var _parameter__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(962);
/**
 * `mode: rollback`: no build and no smoke test. The SSM parameters a release
 * wrote go back to the last value that passed before the current one, in
 * every region the release wrote them, read from each parameter's own history
 * (release/history.ts). Every target is checked first (the image still there,
 * available and not deprecated; the platform version Ready): when one is not,
 * nothing is changed.
 */










/** Why an image cannot be returned to, or undefined when it can. */
function imageRefusal(image, now) {
    if (!image)
        return 'is deregistered (pruned, or removed by hand)';
    if (image.State !== 'available')
        return `is ${image.State}`;
    if (image.DeprecationTime && Date.parse(image.DeprecationTime) <= now)
        return `is deprecated since ${image.DeprecationTime}`;
    return undefined;
}
async function describeImage(ec2, imageId) {
    try {
        return (await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_6__.DescribeImagesCommand({ ImageIds: [imageId] }))).Images?.[0];
    }
    catch (error) {
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_7__/* .isNotFound */ .c4)(error, 'InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable'))
            return undefined;
        throw error;
    }
}
/** The move of one parameter in one region, or why there is none. */
async function planMove(ctx, region, name, dataType) {
    const clients = ctx.clientsFor(region);
    const history = await (0,_history__WEBPACK_IMPORTED_MODULE_3__/* .parameterHistory */ .S6)(clients.get(_aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_8__.SSMClient), name);
    if (!history)
        return `SSM parameter ${name} does not exist in ${region}: nothing was released there to roll back`;
    const { current, target, none } = (0,_history__WEBPACK_IMPORTED_MODULE_3__/* .rollbackTarget */ .es)(history);
    if (!current || !target)
        return `SSM parameter ${name} in ${region}: ${none}`;
    if (dataType === 'aws:ec2:image') {
        const image = await describeImage(clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_6__.EC2Client), target.value);
        const refusal = imageRefusal(image, ctx.clock.now());
        if (refusal)
            return `SSM parameter ${name} in ${region} would go back to ${target.value} (version ${target.version}), which ${refusal}`;
        return { region, name, dataType, from: current, to: target, version: image && (0,_builders_packer_images__WEBPACK_IMPORTED_MODULE_0__/* .imageVersion */ .K9)(image) };
    }
    try {
        const platform = (await clients.get(_aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_9__/* .ElasticBeanstalkClient */ .E8k).send(new _aws_sdk_client_elastic_beanstalk__WEBPACK_IMPORTED_MODULE_9__/* .DescribePlatformVersionCommand */ .wCx({ PlatformArn: target.value }))).PlatformDescription;
        if (platform?.PlatformStatus !== 'Ready')
            return `SSM parameter ${name} in ${region} would go back to ${target.value}, which is ${platform?.PlatformStatus ?? 'not found'}`;
        return { region, name, dataType, from: current, to: target, version: platform.PlatformVersion };
    }
    catch (error) {
        return `SSM parameter ${name} in ${region} would go back to ${target.value}, which Elastic Beanstalk does not describe: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`;
    }
}
/** Every move, checked before any is made; one error listing each that cannot be made. */
async function planRollback(ctx) {
    const wanted = [];
    if (ctx.imageParameter)
        for (const region of [ctx.region, ...ctx.regions])
            wanted.push([region, ctx.imageParameter, 'aws:ec2:image']);
    if (ctx.platformArnParameter)
        wanted.push([ctx.region, ctx.platformArnParameter, 'text']);
    const planned = await Promise.all(wanted.map(([region, name, type]) => planMove(ctx, region, name, type)));
    const refused = planned.filter((p) => typeof p === 'string');
    if (refused.length)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .StepError */ .zg('Roll back', `Nothing was changed: ${refused.join('; ')}.`);
    return planned;
}
const moveLine = (m) => `SSM parameter ${m.name} in ${m.region}: ${m.from.value} (version ${m.from.version}) → ${m.to.value} (version ${m.to.version}${m.version ? `, platform version ${m.version}` : ''})`;
/** Rolls the parameters back; returns what each points at now and pointed at before. */
async function rollback(ctx) {
    const moves = await planRollback(ctx);
    const versions = [...new Set(moves.map((m) => m.version).filter(Boolean))];
    if (versions.length > 1)
        ctx.log.warning(`The regions go back to different platform versions (${versions.join(', ')}): their releases differed.`);
    ctx.log.info(['Rolling back:', ...moves.map((m) => `  ${moveLine(m)}`)].join('\n'));
    const result = { amiIds: {}, from: {}, version: versions[0], lines: [] };
    for (const m of moves) {
        const clients = ctx.clientsFor(m.region);
        const ssm = clients.get(_aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_8__.SSMClient);
        const written = await (0,_parameter__WEBPACK_IMPORTED_MODULE_5__.writeParameter)(ssm, m.name, m.to.value, m.dataType, (0,_history__WEBPACK_IMPORTED_MODULE_3__/* .rolledBackDescription */ .E8)(m.from.value, ctx.runTags[_resources_run_tags__WEBPACK_IMPORTED_MODULE_2__/* .TAG */ .Dk.runUrl]));
        await (0,_parameter__WEBPACK_IMPORTED_MODULE_5__.confirmParameter)(ssm, m.name, m.to.value, written, ctx.clock);
        result.lines.push(moveLine(m));
        if (m.dataType === 'text') {
            result.platformArn = m.to.value;
            continue;
        }
        result.amiIds[m.region] = m.to.value;
        result.from[m.region] = m.from.value;
        // The image left is never reused by skip-unchanged: it was proven, then found wanting.
        await (0,_image_tags__WEBPACK_IMPORTED_MODULE_4__/* .tagImage */ .E)(clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_6__.EC2Client), m.from.value, { [_image_tags__WEBPACK_IMPORTED_MODULE_4__/* .IMAGE_TAG */ .N.rolledBack]: new Date(ctx.clock.now()).toISOString() }, ctx.log);
    }
    return result;
}


/***/ })

};
;
//# sourceMappingURL=425.index.js.map