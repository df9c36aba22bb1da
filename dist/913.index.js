"use strict";
exports.id = 913;
exports.ids = [913];
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

/***/ 2913:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  findReuse: () => (/* binding */ findReuse),
  fingerprintBuild: () => (/* binding */ fingerprintBuild),
  fingerprintStep: () => (/* binding */ fingerprintStep),
  reuseVerdict: () => (/* binding */ reuseVerdict),
  tagBuilt: () => (/* binding */ tagBuilt),
  tagProven: () => (/* binding */ tagProven),
  useReused: () => (/* binding */ useReused)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-beanstalk/dist-cjs/index.js
var client_elastic_beanstalk_dist_cjs = __webpack_require__(6114);
// EXTERNAL MODULE: ./src/lib/credentials.ts
var credentials = __webpack_require__(2829);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/semver.ts
var semver = __webpack_require__(5419);
// EXTERNAL MODULE: ./src/lib/tags.ts
var tags = __webpack_require__(2538);
// EXTERNAL MODULE: ./src/release/image-tags.ts
var image_tags = __webpack_require__(4980);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/platform/template.ts
var platform_template = __webpack_require__(9525);
// EXTERNAL MODULE: ./src/builders/packer/images.ts
var packer_images = __webpack_require__(9321);
;// CONCATENATED MODULE: ./src/builders/fingerprint.ts
/**
 * What a build is made from, as one SHA-256: the bundle, the base image the
 * template resolves to now, the builder, and with builder packer the Packer
 * and plugin releases and the -var values. Two builds with the same
 * fingerprint make the same image; a new base image from the template's
 * owner (Canonical's daily Ubuntu) changes it.
 */




const sha256 = (text) => (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
/** The fingerprint: SHA-256 of the inputs in a fixed order (keys sorted), hex. */
function fingerprintOf(b) {
    const variables = b.packer ? Object.fromEntries(Object.entries(b.packer.variables).sort(([a], [z]) => a.localeCompare(z))) : undefined;
    return sha256(JSON.stringify([b.platformName, b.bundleSha256, b.baseImages, b.builder, b.packer?.version, b.packer?.plugin, variables]));
}
/** The inputs in words, at most 255 characters (an EC2 tag value), for a later run to say what changed. */
function describeBuildInputs(b) {
    const parts = [`bundle=${b.bundleSha256}`, `base=${b.baseImages.join(',')}`, `builder=${b.builder}`];
    if (b.packer) {
        parts.push(`packer=${b.packer.version}`);
        if (b.packer.plugin)
            parts.push(`plugin=${b.packer.plugin}`);
        if (Object.keys(b.packer.variables).length)
            parts.push(`vars=${sha256(JSON.stringify(Object.entries(b.packer.variables).sort())).slice(0, 12)}`);
    }
    return parts.join(';').slice(0, 255);
}
const WORDS = {
    bundle: 'the bundle',
    base: 'the base image',
    builder: 'the builder',
    packer: 'the Packer release',
    plugin: 'the amazon plugin release',
    vars: 'the Packer variables',
};
/** What differs between two described inputs, in words ("the base image moved: ami-1 → ami-2"). */
function changedInputs(before, now) {
    const parse = (s) => new Map(s.split(';').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    const [a, b] = [parse(before), parse(now)];
    const changed = [];
    for (const key of new Set([...a.keys(), ...b.keys()])) {
        if (a.get(key) === b.get(key))
            continue;
        const [from, to] = [a.get(key) || 'none', b.get(key) || 'none'];
        const short = (v) => (key === 'bundle' ? `${v.slice(0, 12)}…` : v);
        changed.push(`${WORDS[key] ?? key} ${key === 'base' ? 'moved' : 'changed'}: ${short(from)} → ${short(to)}`);
    }
    return changed;
}
/** A value in the template only Packer can resolve. */
class Unresolved extends Error {
}
/**
 * The image each amazon-ebs builder starts from, found as the amazon plugin finds it
 * (packer-plugin-amazon builder/common/step_source_ami_info.go and ami_filter.go): one
 * DescribeImages with `source_ami` as ImageIds and `source_ami_filter`'s filters, owners and
 * include_deprecated; none found, or several without most_recent, is Packer's own error; with
 * most_recent, the newest CreationDate. Values are resolved through the template's variables, the
 * -var values and the environment; anything else (a function) leaves the base image unknown.
 */
async function resolveBaseImages(ec2, template, variables, env) {
    if (!template)
        return { unknown: 'the template is not JSON: only Packer reads it' };
    const vars = { ...(template.variables ?? {}), ...variables };
    const resolved = (v, at) => {
        const text = typeof v === 'string' ? (0,platform_template/* resolveValue */.g$)(v, vars, env) : undefined;
        if (text === undefined)
            throw new Unresolved(`${at} (${JSON.stringify(v)}) is resolved only by Packer`);
        return text;
    };
    const builders = (0,platform_template/* amazonBuilders */.xA)(template);
    if (!builders.length)
        return { unknown: 'the template has no amazon-ebs builder' };
    const ids = [];
    const names = [];
    try {
        for (const { index, builder } of builders) {
            const at = `builders[${index}]`;
            const sourceAmi = builder.source_ami === undefined || builder.source_ami === '' ? undefined : resolved(builder.source_ami, `${at}.source_ami`);
            const filter = (builder.source_ami_filter ?? {});
            const filters = Object.entries(filter.filters ?? {}).map(([name, v]) => ({
                Name: name,
                Values: [resolved(v, `${at}.source_ami_filter.filters.${name}`)],
            }));
            const owners = (filter.owners ?? []).map((o, i) => resolved(o, `${at}.source_ami_filter.owners[${i}]`));
            if (!sourceAmi && !filters.length && !owners.length)
                return { unknown: `${at} names no source_ami or source_ami_filter` };
            const images = (await ec2.send(new dist_cjs.DescribeImagesCommand({
                ImageIds: sourceAmi ? [sourceAmi] : undefined,
                Filters: filters.length ? filters : undefined,
                Owners: owners.length ? owners : undefined,
                IncludeDeprecated: filter.include_deprecated === true,
            }))).Images ?? [];
            if (!images.length)
                return { unknown: `no image matches ${at}'s source image (Packer would fail: "No AMI was found matching filters")` };
            if (images.length > 1 && !filter.most_recent)
                return { unknown: `${at}'s source_ami_filter matches ${images.length} images and most_recent is not set (Packer would fail)` };
            const image = (0,packer_images/* newestFirst */.ll)(images)[0];
            ids.push(image.ImageId);
            names.push(image.Name ?? image.ImageId);
        }
    }
    catch (error) {
        if (error instanceof Unresolved)
            return { unknown: error.message };
        throw error;
    }
    return { ids, names };
}

// EXTERNAL MODULE: ./src/builders/packer/defaults.ts
var defaults = __webpack_require__(4774);
;// CONCATENATED MODULE: ./src/builders/reuse.ts
/**
 * `skip-unchanged`: a build's fingerprint, and the proven image of the
 * platform built from the same one, reused instead of building. An image is
 * proven when it passed its smoke test (its tag says when), and stays
 * reusable until a rollback leaves it. With the Elastic Beanstalk builder the
 * image's platform version must still be Ready.
 */










/** The tag the platform's templates give an image with its platform version's ARN (Elastic Beanstalk's sample templates). */
const ARN_TAG = 'eb_platform_arn';
async function fingerprintBuild(inputs, bundle, definition, clients, packer) {
    const env = inputs.builder === 'packer'
        ? { ...Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)), AWS_REGION: inputs.region }
        : {};
    const variables = inputs.builder === 'packer' ? inputs.packer.variables : {};
    const base = await resolveBaseImages(clients.get(dist_cjs.EC2Client), definition.template, variables, env);
    if ('unknown' in base)
        return base;
    const b = {
        platformName: inputs.platformName,
        bundleSha256: bundle.sha256,
        baseImages: base.ids,
        builder: inputs.builder,
        packer: packer && { version: packer.version, plugin: packer.pluginVersion, variables },
    };
    return { value: fingerprintOf(b), described: describeBuildInputs(b), baseNames: base.names };
}
/** The platform's images the account owns that are available, passed their smoke test and no rollback left, newest first. */
async function provenImages(ec2, platformName) {
    const images = await (0,packer_images/* platformImages */.QF)(ec2, platformName);
    return (0,packer_images/* newestFirst */.ll)(images.filter((i) => i.State === 'available' && (0,tags/* tagValue */.E)(i.Tags, image_tags/* IMAGE_TAG */.N.smokePassed) && !(0,tags/* tagValue */.E)(i.Tags, image_tags/* IMAGE_TAG */.N.rolledBack)));
}
/** Why a proven image cannot stand for this run, or undefined when it can. */
async function refusal(clients, inputs, image) {
    if (!(0,packer_images/* imageVersion */.K9)(image))
        return `${image.ImageId} has no ${packer_images/* VERSION_TAG */.kD} tag`;
    if (inputs.builder !== 'elastic-beanstalk')
        return undefined;
    const arn = (0,tags/* tagValue */.E)(image.Tags, ARN_TAG);
    if (!arn)
        return `${image.ImageId} has no ${ARN_TAG} tag naming its platform version`;
    try {
        const status = (await clients.get(client_elastic_beanstalk_dist_cjs/* ElasticBeanstalkClient */.E8k).send(new client_elastic_beanstalk_dist_cjs/* DescribePlatformVersionCommand */.wCx({ PlatformArn: arn }))).PlatformDescription
            ?.PlatformStatus;
        return status === 'Ready' ? undefined : `its platform version ${arn} is ${status ?? 'not found'}`;
    }
    catch (error) {
        return `its platform version ${arn} is not described: ${(0,errors/* describeError */.Uc)(error)}`;
    }
}
/**
 * The proven image to reuse, or why the run builds: no image has the fingerprint (and what changed
 * since the newest proven one), or the one that has it cannot stand for this run.
 */
async function findReuse(clients, inputs, fp) {
    const proven = await provenImages(clients.get(dist_cjs.EC2Client), inputs.platformName);
    const matching = proven.filter((i) => (0,tags/* tagValue */.E)(i.Tags, image_tags/* IMAGE_TAG */.N.fingerprint) === fp.value);
    const refused = [];
    for (const image of matching) {
        const no = await refusal(clients, inputs, image);
        if (no) {
            refused.push(no);
            continue;
        }
        const built = { amiId: image.ImageId, version: (0,packer_images/* imageVersion */.K9)(image), platformArn: (0,tags/* tagValue */.E)(image.Tags, ARN_TAG) };
        const passed = (0,tags/* tagValue */.E)(image.Tags, image_tags/* IMAGE_TAG */.N.smokePassed);
        return {
            reuse: { built, image },
            why: `${built.amiId} (${inputs.platformName} ${built.version}) was built from the same inputs and passed its smoke test ${passed}`,
        };
    }
    if (refused.length)
        return { why: `the image built from the same inputs cannot be reused: ${refused.join('; ')}` };
    const newest = proven[0];
    if (!newest)
        return { why: `no image of ${inputs.platformName} has passed a smoke test yet` };
    const before = (0,tags/* tagValue */.E)(newest.Tags, image_tags/* IMAGE_TAG */.N.buildInputs);
    const changed = before ? changedInputs(before, fp.described) : [];
    return {
        why: changed.length
            ? `since ${newest.ImageId} (${(0,packer_images/* imageVersion */.K9)(newest) ?? '?'}), ${changed.join('; ')}`
            : `no proven image of ${inputs.platformName} was built from these inputs (the newest, ${newest.ImageId}, ${before ? 'differs in its fingerprint only' : 'predates fingerprints'})`,
    };
}
/** The step: the build's fingerprint in the log, and with skip-unchanged the image to reuse, or why the run builds. */
async function fingerprintStep(ctx, packer) {
    const { inputs, deps, bundle, definition, clients } = ctx;
    const fingerprint = await fingerprintBuild(inputs, bundle, definition, clients, packer);
    if ('unknown' in fingerprint) {
        const say = `No fingerprint: ${fingerprint.unknown}. The image is not tagged for reuse${inputs.skipUnchanged ? ', and skip-unchanged builds' : ''}.`;
        if (inputs.skipUnchanged)
            deps.log.warning(say);
        else
            deps.log.info(say);
        return { fingerprint };
    }
    deps.log.info(`Fingerprint ${fingerprint.value}: ${fingerprint.described} (base image ${fingerprint.baseNames.join(', ')}).`);
    if (!inputs.skipUnchanged)
        return { fingerprint };
    const { reuse, why } = await findReuse(clients, inputs, fingerprint);
    deps.log.info(reuse ? `Reusing: ${why}. No build and no smoke test.` : `Building: ${why}.`);
    ctx.report.release.push(reuse ? `reused: ${why}` : `built: ${why}`);
    if (reuse && inputs.platformVersion.kind === 'explicit' && inputs.platformVersion.version !== reuse.built.version)
        deps.log.warning(`platform-version ${inputs.platformVersion.version} is not made: ${reuse.built.version}, built from the same inputs, is reused.`);
    return { fingerprint, reuse };
}
/** The outputs and report of a reused image, as a build sets them. */
function useReused({ deps, report }, reuse) {
    const { built } = reuse;
    report.reused = true;
    report.version = built.version;
    report.platformArn = built.platformArn;
    report.amiId = built.amiId;
    deps.setOutput('reused', 'true');
    deps.setOutput('platform-version', built.version);
    deps.setOutput('platform-arn', built.platformArn ?? '');
    deps.setOutput('ami-id', built.amiId);
    return built;
}
/** After the build: the image carries its fingerprint, so a later run can find it. */
async function tagBuilt({ clients, deps }, amiId, fingerprint) {
    if ('unknown' in fingerprint)
        return;
    await (0,image_tags/* tagImage */.E)(clients.get(dist_cjs.EC2Client), amiId, { [image_tags/* IMAGE_TAG */.N.fingerprint]: fingerprint.value, [image_tags/* IMAGE_TAG */.N.buildInputs]: fingerprint.described }, deps.log);
}
/** After a passed smoke test: the image is proven, and may be reused. */
async function tagProven({ clients, deps, clock }, amiId) {
    await (0,image_tags/* tagImage */.E)(clients.get(dist_cjs.EC2Client), amiId, { [image_tags/* IMAGE_TAG */.N.smokePassed]: new Date(clock.now()).toISOString() }, deps.log);
}
/**
 * What a dry run says of skip-unchanged: whether a real run would build or reuse, and why, read
 * with DescribeImages (and DescribePlatformVersion) only when credentials and a region are there.
 */
async function reuseVerdict(inputs, bundle, definition, clientsFor, env) {
    if (!inputs.region)
        return 'could not tell whether a run would build or reuse: no region is given';
    if (!(0,credentials/* hasCredentials */.L)(env))
        return 'could not tell whether a run would build or reuse: no AWS credentials in the environment (with them, a dry run looks with DescribeImages only)';
    if (inputs.builder === 'packer' && inputs.packer.version === 'path')
        return 'could not tell whether a run would build or reuse: the packer on PATH is part of the fingerprint, and is read only at run time';
    const packer = inputs.builder === 'packer'
        ? {
            version: inputs.packer.version,
            pluginVersion: (0,semver/* atLeast */.jZ)(inputs.packer.version, defaults/* PLUGIN_PACKER */.Pn) ? (inputs.packer.pluginVersion ?? defaults/* DEFAULT_AMAZON_PLUGIN */.rO) : undefined,
        }
        : undefined;
    try {
        const clients = clientsFor(inputs.region);
        const fingerprint = await fingerprintBuild(inputs, bundle, definition, clients, packer);
        if ('unknown' in fingerprint)
            return `a run would build: no fingerprint (${fingerprint.unknown})`;
        const { reuse, why } = await findReuse(clients, inputs, fingerprint);
        return reuse ? `a run would reuse ${reuse.built.amiId}: ${why}` : `a run would build: ${why}`;
    }
    catch (error) {
        return `could not tell whether a run would build or reuse: ${(0,errors/* describeError */.Uc)(error)}`;
    }
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

/***/ 2829:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ hasCredentials),
/* harmony export */   j: () => (/* binding */ credentialsWarning)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);

/** The shortest session STS gives (AssumeRole's DurationSeconds minimum, 900 s). */
const MIN_SESSION_MINUTES = 15;
/**
 * Whether the credentials last until the run's deadline. SDK credentials carry
 * an expiry when their source gives one (assumed roles, web identity, SSO, or
 * AWS_CREDENTIAL_EXPIRATION beside keys in the environment); OIDC sessions from
 * aws-actions/configure-aws-credentials last one hour unless role-duration-seconds
 * says otherwise, and a build plus a smoke test can take longer.
 */
async function credentialsWarning(provider, deadline, timeoutMinutes) {
    let credentials;
    try {
        credentials = await provider();
    }
    catch (error) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('preflight', `No AWS credentials: ${(0,_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}. Configure them before this step, with aws-actions/configure-aws-credentials (OIDC) or the AWS_* environment variables.`);
    }
    const expiry = credentials.expiration?.getTime();
    if (expiry !== undefined && expiry < deadline) {
        const short = Math.ceil((deadline - expiry) / 60_000);
        return (`The AWS credentials expire at ${new Date(expiry).toISOString()}, ${short} min before this run's deadline (deadline-minutes: ${timeoutMinutes}): ` +
            `calls after that fail, teardown included. Ask for a longer session (configure-aws-credentials' role-duration-seconds, up to the role's maximum session duration), or lower deadline-minutes.`);
    }
    // A session lasts from 15 minutes (STS's DurationSeconds minimum, 900) up: any deadline past that may outlive one whose expiry is unknown.
    if (expiry === undefined && credentials.sessionToken && timeoutMinutes > MIN_SESSION_MINUTES) {
        return (`The AWS credentials are a session whose expiry is not known here (no AWS_CREDENTIAL_EXPIRATION), and this run may take ${timeoutMinutes} min (deadline-minutes): ` +
            `a session can last as little as ${MIN_SESSION_MINUTES} min, and configure-aws-credentials' OIDC sessions one hour by default. Make sure role-duration-seconds covers the run.`);
    }
    return undefined;
}
/**
 * Whether the environment names credentials the SDK would find without asking the network: keys
 * (what aws-actions/configure-aws-credentials exports), a web identity token, a profile or a
 * container endpoint. A dry run looks at AWS only then; the instance metadata service, which the
 * SDK would otherwise wait on, is not tried.
 */
function hasCredentials(env) {
    return (!!(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) ||
        !!(env.AWS_WEB_IDENTITY_TOKEN_FILE && env.AWS_ROLE_ARN) ||
        !!env.AWS_PROFILE ||
        !!env.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
        !!env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI);
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


/***/ })

};
;
//# sourceMappingURL=913.index.js.map