"use strict";
exports.id = 128;
exports.ids = [128];
exports.modules = {

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


/***/ }),

/***/ 7128:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishSbom: () => (/* binding */ publishSbom)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"1.0.0"};
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/tags.ts
var tags = __webpack_require__(2538);
// EXTERNAL MODULE: ./src/release/image-tags.ts
var image_tags = __webpack_require__(4980);
;// CONCATENATED MODULE: ./src/release/sbom.ts
/**
 * The image's software bill of materials, in CycloneDX 1.5 JSON: the smoke
 * test's inventory of the booted instance (smoke/inventory.ts), one component
 * per installed package with its package URL (`pkg:deb/ubuntu/nginx@…`), the
 * OS and the running kernel as operating-system components, the Docker
 * engine, and the image itself as the subject. CycloneDX rather than SPDX:
 * it names a component's kind (operating system, application, library) and
 * its package URL as fields of their own, so a reader diffs two images'
 * packages without parsing relationship graphs, and its 1.5 schema is one
 * file that the tests validate against.
 */



/** The property that names the image an SBOM describes. */
const IMAGE_PROPERTY = 'aws:ec2:image-id';
/** A package URL (purl spec: the type's namespace is the distribution, each part percent-encoded, `arch` and `distro` qualifiers). */
function purl(kind, os, p) {
    const distro = os.ID ?? 'unknown';
    const qualifiers = [`arch=${encodeURIComponent(p.arch)}`, ...(os.VERSION_ID ? [`distro=${encodeURIComponent(`${distro}-${os.VERSION_ID}`)}`] : [])];
    return `pkg:${kind}/${encodeURIComponent(distro)}/${encodeURIComponent(p.name)}@${encodeURIComponent(p.version)}?${qualifiers.join('&')}`;
}
function cycloneDx(inventory, subject, tool, timestamp) {
    const own = inventory.platform;
    const version = own?.VERSION || subject.taggedVersion;
    const components = [
        {
            type: 'operating-system',
            'bom-ref': 'os',
            name: inventory.os.ID ?? 'unknown',
            version: inventory.os.VERSION_ID,
            description: inventory.os.PRETTY_NAME,
        },
        {
            type: 'operating-system',
            'bom-ref': 'kernel',
            name: 'linux',
            version: inventory.kernel,
            description: `the running kernel (uname -r), ${inventory.machine}`,
        },
    ];
    if (inventory.docker)
        components.push({ type: 'application', 'bom-ref': 'docker-engine', name: 'docker-engine', version: inventory.docker, description: 'the Docker engine' });
    const kind = inventory.packageManager;
    if (kind)
        for (const p of inventory.packages) {
            const ref = purl(kind === 'dpkg' ? 'deb' : 'rpm', inventory.os, p);
            components.push({ type: 'library', 'bom-ref': ref, name: p.name, version: p.version, purl: ref, properties: [{ name: 'package-manager', value: kind }] });
        }
    return {
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        serialNumber: `urn:uuid:${(0,external_node_crypto_.randomUUID)()}`,
        version: 1,
        metadata: {
            timestamp,
            tools: { components: [{ type: 'application', 'bom-ref': 'tool', name: 'eb-custom-platform-action', version: tool.version }] },
            component: {
                type: 'platform',
                'bom-ref': `image:${subject.amiId}`,
                name: own?.NAME || subject.platformName,
                version,
                description: `Elastic Beanstalk platform image ${subject.amiId} (${subject.region})`,
                properties: [
                    { name: IMAGE_PROPERTY, value: subject.amiId },
                    { name: 'aws:region', value: subject.region },
                    { name: 'platform-version-from', value: own?.VERSION ? '/etc/eb-platform-release on the image' : "the image's eb_platform_version tag" },
                ],
            },
        },
        components,
    };
}
/** Writes the document; returns where, its digest and its counts. */
function writeSbom(dir, bom, inventory) {
    external_node_fs_.mkdirSync(dir, { recursive: true });
    const file = external_node_path_.join(dir, `${bom.metadata.component.name}-${bom.metadata.component.version ?? 'unversioned'}.cdx.json`.replace(/[^\w.-]/g, '-'));
    const text = `${JSON.stringify(bom, null, 2)}\n`;
    external_node_fs_.writeFileSync(file, text);
    return {
        path: file,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex'),
        packages: inventory.packages.length,
        packageManager: inventory.packageManager,
        os: inventory.os.PRETTY_NAME,
        kernel: inventory.kernel,
        docker: inventory.docker,
    };
}
/** A document's packages by name and architecture → version (its deb and rpm package URLs). */
function bomPackages(bom) {
    const packages = new Map();
    for (const c of bom.components ?? []) {
        const arch = c.purl ? /[?&]arch=([^&]+)/.exec(c.purl)?.[1] : undefined;
        if (c.purl && /^pkg:(deb|rpm)\//.test(c.purl))
            packages.set(`${c.name}${arch ? `:${decodeURIComponent(arch)}` : ''}`, c.version ?? '');
    }
    return packages;
}
/** The image an SBOM describes, and its packages by name and architecture → version. */
function readSbom(text) {
    const bom = JSON.parse(text);
    if (bom.bomFormat !== 'CycloneDX')
        throw new Error('not a CycloneDX document');
    return {
        imageId: bom.metadata?.component?.properties?.find((p) => p.name === IMAGE_PROPERTY)?.value,
        version: bom.metadata?.component?.version,
        packages: bomPackages(bom),
    };
}
function packageChanges(before, after) {
    const added = [...after.keys()].filter((k) => !before.has(k)).map((k) => `${k} ${after.get(k)}`);
    const removed = [...before.keys()].filter((k) => !after.has(k)).map((k) => `${k} ${before.get(k)}`);
    const changed = [...after.keys()]
        .filter((k) => before.has(k) && before.get(k) !== after.get(k))
        .map((k) => ({ name: k, from: before.get(k), to: after.get(k) }));
    return { added, removed, changed };
}

;// CONCATENATED MODULE: ./src/release/sbom-run.ts
/**
 * After a passed smoke test: the image's SBOM written where the `sbom-path`
 * output says, its digest tagged on the image, and, given the previous
 * image's SBOM (`sbom-previous-path`, a workflow artifact of the run that
 * built it), the packages that changed since, checked against the digest
 * that image's tag records.
 */









/** The previous SBOM: the file given, or the one .cdx.json file in the directory given (a downloaded artifact). */
function previousFile(given) {
    if (!external_node_fs_.existsSync(given))
        return undefined;
    if (!external_node_fs_.statSync(given).isDirectory())
        return given;
    const found = external_node_fs_.readdirSync(given).filter((f) => f.endsWith('.cdx.json'));
    return found.length === 1 ? external_node_path_.join(given, found[0]) : undefined;
}
async function compare(ctx, given, now) {
    const { deps, clients } = ctx;
    const file = previousFile(given);
    if (!file) {
        deps.log.info(`sbom-previous-path: no SBOM at ${given} (the first release, or no artifact): no comparison.`);
        return undefined;
    }
    const text = external_node_fs_.readFileSync(file, 'utf8');
    const before = readSbom(text);
    let verified = false;
    if (before.imageId) {
        const image = (await clients
            .get(dist_cjs.EC2Client)
            .send(new dist_cjs.DescribeImagesCommand({ ImageIds: [before.imageId] }))
            .catch(() => undefined))?.Images?.[0];
        verified = (0,tags/* tagValue */.E)(image?.Tags, image_tags/* IMAGE_TAG */.N.sbomSha256) === (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex');
    }
    if (!verified)
        deps.log.warning(`${file} is not the SBOM the tag of ${before.imageId ?? 'its image'} records (or the image is gone): the comparison may not be with what that image holds.`);
    return { imageId: before.imageId, version: before.version, verified, changes: packageChanges(before.packages, now) };
}
async function publishSbom(ctx, amiId) {
    const { inputs, deps, report, clients, clock } = ctx;
    const inventory = report.smoke?.inventory;
    if (!inventory)
        return;
    try {
        const bom = cycloneDx(inventory, { platformName: inputs.platformName, taggedVersion: report.version, amiId, region: inputs.region }, { version: package_namespaceObject.rE }, new Date(clock.now()).toISOString());
        const facts = writeSbom(external_node_path_.join(deps.workDir, 'eb-platform-sbom'), bom, inventory);
        report.sbom = facts;
        deps.setOutput('sbom-path', facts.path);
        deps.log.info(`SBOM (CycloneDX 1.5) ${facts.path}: ${facts.packages} packages (${facts.packageManager ?? 'no package manager found'}), ${facts.os ?? 'unknown OS'}, kernel ${facts.kernel}${facts.docker ? `, Docker ${facts.docker}` : ''}.`);
        await (0,image_tags/* tagImage */.E)(clients.get(dist_cjs.EC2Client), amiId, { [image_tags/* IMAGE_TAG */.N.sbomSha256]: facts.sha256 }, deps.log);
        if (inputs.sbomPreviousPath)
            facts.since = await compare(ctx, inputs.sbomPreviousPath, bomPackages(bom));
    }
    catch (error) {
        deps.log.warning(`No SBOM: ${(0,errors/* describeError */.Uc)(error)}.`);
    }
}


/***/ })

};
;
//# sourceMappingURL=128.index.js.map