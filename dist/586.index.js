"use strict";
exports.id = 586;
exports.ids = [586];
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

/***/ 5586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deprecatePrevious: () => (/* binding */ deprecatePrevious)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5193);
/* harmony import */ var _builders_packer_images__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9321);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/**
 * deprecate-previous-after-days: the platform's older images, in each region
 * the platform lives in, get a deprecation date (EnableImageDeprecation), so
 * that launches stop finding them by default while they still work. An image
 * already set to be deprecated sooner keeps its date.
 */



async function deprecatePrevious(clientsFor, request, deps) {
    // EC2 rounds the date to the nearest minute (API reference, DeprecateAt).
    const at = new Date(deps.clock.now() + request.days * 86_400_000);
    const lines = [];
    for (const [region, current] of Object.entries(request.amiIds)) {
        const ec2 = clientsFor(region).get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__.EC2Client);
        const older = (await (0,_builders_packer_images__WEBPACK_IMPORTED_MODULE_0__/* .platformImages */ .QF)(ec2, request.platformName)).filter((i) => i.ImageId !== current && i.State === 'available' && (0,_builders_packer_images__WEBPACK_IMPORTED_MODULE_0__/* .imageVersion */ .K9)(i) !== request.version && !(i.DeprecationTime && new Date(i.DeprecationTime) <= at));
        for (const image of older) {
            const version = (0,_builders_packer_images__WEBPACK_IMPORTED_MODULE_0__/* .imageVersion */ .K9)(image) ?? '?';
            try {
                await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_2__.EnableImageDeprecationCommand({ ImageId: image.ImageId, DeprecateAt: at }));
                lines.push(`${version} (${image.ImageId}, ${region}) deprecated from ${at.toISOString()}`);
            }
            catch (error) {
                deps.log.warning(`Could not set a deprecation date on ${image.ImageId} in ${region}: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}.`);
                lines.push(`${version} (${image.ImageId}, ${region}) not deprecated: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`);
            }
        }
    }
    for (const l of lines)
        deps.log.info(l);
    if (!lines.length)
        deps.log.info(`No older image of ${request.platformName} to deprecate.`);
    return lines;
}


/***/ })

};
;
//# sourceMappingURL=586.index.js.map