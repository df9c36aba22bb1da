"use strict";
exports.id = 680;
exports.ids = [680,962];
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

/***/ 747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E6: () => (/* binding */ pruneRules),
/* harmony export */   K5: () => (/* binding */ describeDecision),
/* harmony export */   Z5: () => (/* binding */ decidePrune)
/* harmony export */ });
/* harmony import */ var _lib_semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5419);
/**
 * Which of a platform's versions a prune keeps, and why: the same rules for
 * Elastic Beanstalk's platform versions and Packer's images. Never removed:
 * this run's version, one still building, and one something uses (an
 * environment, a launch template's default or latest version, an SSM
 * parameter, a running instance). Failed versions go first; of the others the
 * newest `keep` stay.
 */

function pruneRules(keep) {
    return (`keep the newest ${keep} version(s) of the platform and remove the rest, failed ones first; never this run's version, one still being made, ` +
        `or one that an environment, a launch template's default or latest version, the SSM parameter (now, or as its rollback target) or a running instance uses`);
}
function decidePrune(candidates, keep, current) {
    // Ranked: the versions that work; one still being made is not proven yet.
    const healthy = candidates
        .filter((c) => !c.failed && !c.building && _lib_semver__WEBPACK_IMPORTED_MODULE_0__/* .SEMVER */ .HX.test(c.version))
        .sort((a, b) => (0,_lib_semver__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(b.version, a.version))
        .map((c) => c.id);
    // The current version counts among the kept: it is the newest that passed.
    const newest = new Set(healthy.slice(0, keep));
    const decisions = candidates.map((candidate) => {
        if (candidate.version === current)
            return { candidate, remove: false, reason: "this run's version" };
        if (candidate.building)
            return { candidate, remove: false, reason: 'still being made' };
        if (candidate.usedBy.length)
            return { candidate, remove: false, reason: `used by ${candidate.usedBy.join(', ')}` };
        if (candidate.failed)
            return { candidate, remove: true, reason: 'failed' };
        if (newest.has(candidate.id))
            return { candidate, remove: false, reason: `one of the newest ${keep}` };
        if (!_lib_semver__WEBPACK_IMPORTED_MODULE_0__/* .SEMVER */ .HX.test(candidate.version))
            return { candidate, remove: false, reason: `its version '${candidate.version}' is not MAJOR.MINOR.PATCH` };
        return { candidate, remove: true, reason: `older than the newest ${keep}` };
    });
    // Failed first, then oldest first.
    return decisions.sort((a, b) => Number(b.candidate.failed) - Number(a.candidate.failed) || (0,_lib_semver__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(a.candidate.version, b.candidate.version));
}
function describeDecision(d) {
    return `${d.remove ? 'remove' : 'keep'} ${d.candidate.version} (${d.candidate.id}): ${d.reason}`;
}


/***/ }),

/***/ 3680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prune: () => (/* binding */ prune)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-beanstalk/dist-cjs/index.js
var client_elastic_beanstalk_dist_cjs = __webpack_require__(6114);
// EXTERNAL MODULE: ./src/builders/elastic-beanstalk/platforms.ts
var platforms = __webpack_require__(23);
// EXTERNAL MODULE: ./src/builders/packer/images.ts
var packer_images = __webpack_require__(9321);
// EXTERNAL MODULE: ./src/lib/aws-errors.ts
var aws_errors = __webpack_require__(6676);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/resources/ec2-delete.ts
var ec2_delete = __webpack_require__(599);
// EXTERNAL MODULE: ./src/resources/image-wait.ts
var image_wait = __webpack_require__(8388);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ssm/dist-cjs/index.js
var client_ssm_dist_cjs = __webpack_require__(4736);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-auto-scaling/dist-cjs/index.js
var client_auto_scaling_dist_cjs = __webpack_require__(8932);
;// CONCATENATED MODULE: ./src/lib/batches.ts
/** Splits `items` into lists of at most `size`, for calls that take a bounded list (10 images, 200 filter values). */
function batches(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}

// EXTERNAL MODULE: ./src/lib/paginate.ts
var paginate = __webpack_require__(6402);
// EXTERNAL MODULE: ./src/release/history.ts
var release_history = __webpack_require__(5205);
// EXTERNAL MODULE: ./src/release/parameter.ts
var parameter = __webpack_require__(962);
// EXTERNAL MODULE: ./src/resources/states.ts
var states = __webpack_require__(7391);
;// CONCATENATED MODULE: ./src/release/in-use.ts
/**
 * What uses a platform's images or versions, so a prune never removes them.
 * Images: EC2's DescribeImageReferences where the endpoint has it (instances in
 * any live state, every launch template version, SSM parameters of data type
 * aws:ec2:image; at most 10 images a call: API reference), else the same looked
 * up one by one (every version of every launch template, through
 * `resolve:ssm:` too; running instances); in both cases the launch
 * configurations and the SSM parameters the action writes, which the API does
 * not cover or the action knows by name. Platform versions: the environments
 * that run them, and the parameters.
 */










function add(uses, id, what) {
    if (!id || uses.get(id)?.includes(what))
        return;
    uses.set(id, [...(uses.get(id) ?? []), what]);
}
/** A reference in the words the rest of the prune uses: `instance i-…`, `launch template lt-…`, `SSM parameter /name`. */
function referenceWords(type, arn) {
    const id = arn?.split('/').pop() ?? '';
    if (type === 'ec2:Instance')
        return `instance ${id}`;
    if (type === 'ec2:LaunchTemplate')
        return `launch template ${id}`;
    if (type === 'ssm:Parameter')
        return `SSM parameter ${arn?.replace(/^arn:[^:]+:ssm:[^:]*:\d*:parameter/, '') ?? ''}`;
    return `${type} ${arn}`;
}
/**
 * What a parameter holds now, and the value a rollback would return it to (release/history.ts):
 * a prune keeps both, so a rollback always finds its target.
 */
async function parameterUses(ssm, name, uses) {
    const history = await (0,release_history/* parameterHistory */.S6)(ssm, name);
    if (!history)
        return;
    const { current, target } = (0,release_history/* rollbackTarget */.es)(history);
    add(uses, current?.value, `SSM parameter ${name}`);
    add(uses, target?.value, `SSM parameter ${name}'s rollback target (version ${target?.version})`);
}
const SSM_REFERENCE = /^resolve:ssm:(.+?)(?::\d+)?$/;
/** The most images DescribeImageReferences takes in one call (API reference, ImageId.N). */
const REFERENCE_BATCH = 10;
/**
 * Adds what DescribeImageReferences says uses the images; false where it cannot answer (an
 * endpoint without the action: EC2 answers InvalidAction to an action it does not know; or a
 * policy without ec2:DescribeImageReferences), and nothing is added then.
 */
async function referencedBy(ec2, imageIds, uses, log) {
    const found = [];
    try {
        for (const batch of batches(imageIds, REFERENCE_BATCH)) {
            const refs = await (0,paginate/* allPages */.S)('DescribeImageReferences', async (token) => {
                const page = await ec2.send(new dist_cjs.DescribeImageReferencesCommand({
                    ImageIds: batch,
                    ResourceTypes: [
                        { ResourceType: 'ec2:Instance', ResourceTypeOptions: [{ OptionName: 'state-name', OptionValues: states/* LIVE_INSTANCE_STATES */.W }] },
                        { ResourceType: 'ec2:LaunchTemplate', ResourceTypeOptions: [{ OptionName: 'version-depth', OptionValues: ['10000'] }] },
                        { ResourceType: 'ssm:Parameter' },
                        { ResourceType: 'imagebuilder:ImageRecipe' },
                        { ResourceType: 'imagebuilder:ContainerRecipe' },
                    ],
                    NextToken: token,
                }));
                return { items: page.ImageReferences, next: page.NextToken };
            });
            for (const r of refs)
                found.push([r.ImageId, referenceWords(r.ResourceType, r.Arn)]);
        }
    }
    catch (error) {
        if ((0,aws_errors/* errorCode */.CA)(error) !== 'InvalidAction' && !(0,aws_errors/* isPermissionDenied */.T1)(error))
            throw error;
        log.info(`DescribeImageReferences did not answer (${(0,aws_errors/* errorCode */.CA)(error)}): looking at instances and every launch template version one by one.`);
        return false;
    }
    for (const [id, what] of found)
        add(uses, id, what);
    return true;
}
/**
 * The images every version of every launch template names (`throughSsmOnly`: only those named
 * through `resolve:ssm:NAME`, which DescribeImageReferences is not documented to follow); such a
 * reference is read from SSM here, its current value being what a launch gets.
 */
async function launchTemplateImages(ec2, ssm, uses, throughSsmOnly) {
    const templates = await (0,paginate/* allPages */.S)('DescribeLaunchTemplates', async (token) => {
        const page = await ec2.send(new dist_cjs.DescribeLaunchTemplatesCommand({ NextToken: token, MaxResults: 200 }));
        return { items: page.LaunchTemplates, next: page.NextToken };
    });
    for (const t of templates) {
        const versions = await (0,paginate/* allPages */.S)('DescribeLaunchTemplateVersions', async (token) => {
            const page = await ec2.send(new dist_cjs.DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: t.LaunchTemplateId, NextToken: token, MaxResults: 200 }));
            return { items: page.LaunchTemplateVersions, next: page.NextToken };
        });
        for (const v of versions) {
            const named = v.LaunchTemplateData?.ImageId;
            const reference = named ? SSM_REFERENCE.exec(named) : null;
            if (throughSsmOnly && !reference)
                continue;
            const image = reference ? (await (0,parameter.getParameter)(ssm, reference[1]))?.Value : named;
            const which = [v.DefaultVersion ? '$Default' : '', v.VersionNumber === t.LatestVersionNumber ? '$Latest' : ''].filter(Boolean).join(', ');
            add(uses, image, `launch template ${t.LaunchTemplateName ?? t.LaunchTemplateId} (version ${v.VersionNumber}${which ? `, ${which}` : ''})`);
        }
    }
}
/** The most values one EC2 filter takes ("up to 200 values": EC2 API reference, Filter). */
const FILTER_VALUES = 200;
async function instanceImages(ec2, imageIds, uses) {
    for (const batch of batches(imageIds, FILTER_VALUES)) {
        const reservations = await (0,paginate/* allPages */.S)('DescribeInstances', async (token) => {
            const page = await ec2.send(new dist_cjs.DescribeInstancesCommand({
                Filters: [
                    { Name: 'image-id', Values: batch },
                    { Name: 'instance-state-name', Values: states/* LIVE_INSTANCE_STATES */.W },
                ],
                NextToken: token,
            }));
            return { items: page.Reservations, next: page.NextToken };
        });
        for (const i of reservations.flatMap((r) => r.Instances ?? []))
            add(uses, i.ImageId, `instance ${i.InstanceId}`);
    }
}
/** The images launch configurations name: Auto Scaling's, which DescribeImageReferences does not look at. */
async function launchConfigurationImages(autoscaling, uses) {
    const configurations = await (0,paginate/* allPages */.S)('DescribeLaunchConfigurations', async (token) => {
        const page = await autoscaling.send(new client_auto_scaling_dist_cjs/* DescribeLaunchConfigurationsCommand */.bNK({ NextToken: token, MaxRecords: 100 }));
        return { items: page.LaunchConfigurations, next: page.NextToken };
    });
    for (const c of configurations)
        add(uses, c.ImageId, `launch configuration ${c.LaunchConfigurationName}`);
}
/** What uses each of `imageIds` in one region. */
async function imageUses(clients, imageIds, parameters, log) {
    const uses = new Map();
    if (!imageIds.length)
        return uses;
    const ec2 = clients.get(dist_cjs.EC2Client);
    const ssm = clients.get(client_ssm_dist_cjs.SSMClient);
    const referenced = await referencedBy(ec2, imageIds, uses, log);
    await launchTemplateImages(ec2, ssm, uses, referenced);
    if (!referenced)
        await instanceImages(ec2, imageIds, uses);
    await launchConfigurationImages(clients.get(client_auto_scaling_dist_cjs/* AutoScalingClient */.yis), uses);
    for (const name of parameters)
        await parameterUses(ssm, name, uses);
    return uses;
}
/** What the parameters hold now and would return to on a rollback: value → which parameter. */
async function parameterValues(ssm, names) {
    const uses = new Map();
    for (const name of names)
        await parameterUses(ssm, name, uses);
    return uses;
}
/** The platform versions the region's environments run, and the SSM parameters that name one. */
async function platformUses(clients, parameters) {
    const uses = new Map();
    const environments = await (0,paginate/* allPages */.S)('DescribeEnvironments', async (token) => {
        const page = await clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k).send(new client_elastic_beanstalk_dist_cjs/* DescribeEnvironmentsCommand */.$8c({ IncludeDeleted: false, NextToken: token, MaxRecords: 1000 }));
        return { items: page.Environments, next: page.NextToken };
    });
    for (const e of environments)
        if (e.Status !== 'Terminated')
            add(uses, e.PlatformArn, `environment ${e.EnvironmentName}`);
    for (const name of parameters)
        await parameterUses(clients.get(client_ssm_dist_cjs.SSMClient), name, uses);
    return uses;
}

// EXTERNAL MODULE: ./src/release/prune-rules.ts
var prune_rules = __webpack_require__(747);
;// CONCATENATED MODULE: ./src/release/prune.ts
/**
 * keep-versions: the platform's versions beyond the newest N, removed where
 * nothing uses them. With the Elastic Beanstalk builder, platform versions in
 * the build region (DeletePlatformVersion) and the images copied to other
 * regions; with Packer, the images in every region (deregistered with their
 * snapshots). Everything decided is logged before the first removal.
 */











async function imageDecisions(ctx, region) {
    const clients = ctx.clientsFor(region);
    const images = (await (0,packer_images/* platformImages */.QF)(clients.get(dist_cjs.EC2Client), ctx.platformName)).filter((i) => i.State !== 'deregistered');
    const uses = await imageUses(clients, images.map((i) => i.ImageId), ctx.parameters.image ? [ctx.parameters.image] : [], ctx.log);
    const candidates = images.map((i) => ({
        id: i.ImageId,
        version: (0,packer_images/* imageVersion */.K9)(i) ?? '',
        failed: image_wait/* FINAL_IMAGE_STATES */.G.includes(i.State ?? ''),
        building: i.State === 'pending' || i.State === 'transient',
        usedBy: uses.get(i.ImageId) ?? [],
    }));
    return (0,prune_rules/* decidePrune */.Z5)(candidates, ctx.keep, ctx.version);
}
async function listBuildRegion(ctx) {
    const clients = ctx.clientsFor(ctx.buildRegion);
    return {
        versions: await (0,platforms/* listOwnPlatformVersions */.pU)(clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k), { name: ctx.platformName }),
        images: await (0,packer_images/* platformImages */.QF)(clients.get(dist_cjs.EC2Client), ctx.platformName),
    };
}
async function platformDecisions(ctx, { versions, images }) {
    const clients = ctx.clientsFor(ctx.buildRegion);
    const uses = await platformUses(clients, ctx.parameters.platformArn ? [ctx.parameters.platformArn] : []);
    const byImage = await imageParameterVersions(ctx, images);
    const candidates = versions.map((v) => ({
        id: v.PlatformArn,
        version: v.PlatformVersion ?? '',
        failed: v.PlatformStatus === 'Failed',
        building: v.PlatformStatus === 'Creating' || v.PlatformStatus === 'Deleting',
        usedBy: [...(uses.get(v.PlatformArn) ?? []), ...(byImage.get(v.PlatformVersion ?? '') ?? [])],
    }));
    return (0,prune_rules/* decidePrune */.Z5)(candidates, ctx.keep, ctx.version);
}
/**
 * Elastic Beanstalk builder: the platform versions whose images the image parameter holds in the
 * build region, now or as its rollback target (version → which), so the version goes with neither.
 */
async function imageParameterVersions(ctx, images) {
    const found = new Map();
    if (!ctx.parameters.image)
        return found;
    const held = await parameterValues(ctx.clientsFor(ctx.buildRegion).get(client_ssm_dist_cjs.SSMClient), [ctx.parameters.image]);
    if (!held.size)
        return found;
    for (const image of images) {
        const version = (0,packer_images/* imageVersion */.K9)(image);
        const what = held.get(image.ImageId ?? '');
        if (version && what)
            found.set(version, [...(found.get(version) ?? []), ...what.map((w) => `${w} (${image.ImageId})`)]);
    }
    return found;
}
/**
 * Elastic Beanstalk builder: images in the build region that the platform's tags name and whose
 * platform version is gone. Whether DeletePlatformVersion deregisters the version's AMI is not
 * documented (the API reference says only that it deletes the platform version), so an image whose
 * version is Deleted or no longer listed, and that nothing uses, is deregistered with its snapshots
 * as a Packer-built one is. A version this prune just deleted is still Deleting: its image waits
 * for a later prune, and nothing races Elastic Beanstalk's own clean-up.
 */
async function orphanImageDecisions(ctx, listing) {
    const clients = ctx.clientsFor(ctx.buildRegion);
    const alive = new Set(listing.versions.filter((v) => v.PlatformStatus !== 'Deleted').map((v) => v.PlatformVersion));
    const images = listing.images.filter((i) => i.State !== 'deregistered' && !alive.has((0,packer_images/* imageVersion */.K9)(i)) && (0,packer_images/* imageVersion */.K9)(i) !== ctx.version);
    if (!images.length)
        return [];
    const uses = await imageUses(clients, images.map((i) => i.ImageId), ctx.parameters.image ? [ctx.parameters.image] : [], ctx.log);
    return images.map((i) => {
        const usedBy = uses.get(i.ImageId) ?? [];
        const building = i.State === 'pending' || i.State === 'transient';
        const candidate = { id: i.ImageId, version: (0,packer_images/* imageVersion */.K9)(i) ?? '', failed: false, building, usedBy };
        if (usedBy.length)
            return { candidate, remove: false, reason: `its platform version is gone, but ${usedBy.join(', ')} uses it` };
        if (building)
            return { candidate, remove: false, reason: `its platform version is gone, but it is still ${i.State}` };
        return { candidate, remove: true, reason: 'its platform version is gone and nothing uses it' };
    });
}
/** Removes one decided version; a refusal keeps it, with AWS's reason. */
async function remove(ctx, region, kind, d) {
    const clients = ctx.clientsFor(region);
    try {
        if (kind === 'platform') {
            await clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k).send(new client_elastic_beanstalk_dist_cjs/* DeletePlatformVersionCommand */.U$b({ PlatformArn: d.candidate.id }));
            return `removed platform version ${d.candidate.version} (${d.reason})`;
        }
        const removed = await (0,ec2_delete/* deregisterImage */._k)(clients.get(dist_cjs.EC2Client), d.candidate.id, ctx.log, ctx.clock);
        return `removed ${d.candidate.version} in ${region}: ${removed.join(', ') || 'already gone'} (${d.reason})`;
    }
    catch (error) {
        ctx.log.warning(`Could not remove ${d.candidate.version} (${d.candidate.id}) in ${region}: ${(0,errors/* describeError */.Uc)(error)}; it stays.`);
        return `kept ${d.candidate.version} in ${region}: removing it failed (${(0,aws_errors/* errorCode */.CA)(error) || (0,errors/* describeError */.Uc)(error)})`;
    }
}
async function prune(ctx) {
    const plans = [];
    const listing = ctx.builder === 'elastic-beanstalk' ? await listBuildRegion(ctx) : undefined;
    if (listing)
        plans.push({ region: ctx.buildRegion, kind: 'platform', decisions: await platformDecisions(ctx, listing) });
    for (const region of Object.keys(ctx.amiIds)) {
        // The build region's images are Elastic Beanstalk's platform versions': they go with those.
        if (ctx.builder === 'elastic-beanstalk' && region === ctx.buildRegion)
            continue;
        plans.push({ region, kind: 'image', decisions: await imageDecisions(ctx, region) });
    }
    const orphans = listing ? await orphanImageDecisions(ctx, listing) : [];
    if (orphans.length)
        plans.push({ region: ctx.buildRegion, kind: 'image', decisions: orphans });
    for (const plan of plans) {
        const what = plan.kind === 'platform' ? `platform versions of ${ctx.platformName}` : `images of ${ctx.platformName} in ${plan.region}`;
        ctx.log.info([`Prune of the ${what}:`, ...plan.decisions.map((d) => `  ${(0,prune_rules/* describeDecision */.K5)(d)}`)].join('\n'));
    }
    const report = [];
    for (const plan of plans) {
        for (const d of plan.decisions) {
            if (!d.remove)
                continue;
            const line = await remove(ctx, plan.region, plan.kind, d);
            ctx.log.info(line.charAt(0).toUpperCase() + line.slice(1) + '.');
            report.push(line);
        }
    }
    const kept = plans.flatMap((p) => p.decisions.filter((d) => !d.remove).map((d) => `kept ${d.candidate.version}${p.kind === 'image' ? ` in ${p.region}` : ''}: ${d.reason}`));
    return [...kept, ...report];
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
//# sourceMappingURL=680.index.js.map