"use strict";
exports.id = 960;
exports.ids = [960];
exports.modules = {

/***/ 960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ copyImage),
/* harmony export */   removeImageCopy: () => (/* binding */ removeImageCopy)
/* harmony export */ });
/* unused harmony export COPY_TOKEN_TAG */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5193);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6676);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7268);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6402);
/* harmony import */ var _resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(599);
/* harmony import */ var _resources_image_wait__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8388);
/* harmony import */ var _resources_ledger__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(428);
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
function copyTags(source, runTags, token) {
    const tags = {};
    for (const t of source.Tags ?? [])
        if (t.Key && !t.Key.startsWith('aws:'))
            tags[t.Key] = t.Value ?? '';
    Object.assign(tags, runTags, { [COPY_TOKEN_TAG]: token });
    return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
/** Starts one copy and waits until it is available; returns its id. */
async function copyImage(ec2, request, deps) {
    const { image } = request.source;
    const sourceImageId = image.ImageId;
    const clientToken = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    const record = { kind: 'image-copy', region: request.region, clientToken, sourceImageId };
    const tags = copyTags(image, request.runTags, clientToken);
    const out = await (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_4__/* .creating */ .SP)(deps.ledger, record, () => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.CopyImageCommand({
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
        const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: `tag:${COPY_TOKEN_TAG}`, Values: [copy.clientToken] }], NextToken: token }));
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
        removed.push(...(await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .deregisterImage */ ._k)(ec2, imageId, log, clock)));
    const snapshots = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_2__/* .allPages */ .S)('DescribeSnapshots', async (token) => {
        const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.DescribeSnapshotsCommand({ OwnerIds: ['self'], Filters: [{ Name: `tag:${COPY_TOKEN_TAG}`, Values: [copy.clientToken] }], NextToken: token }));
        return { items: page.Snapshots, next: page.NextToken };
    });
    for (const s of snapshots) {
        if (!s.SnapshotId || removed.includes(`snapshot ${s.SnapshotId}`))
            continue;
        try {
            await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_6__/* .deleteSnapshot */ .Cj)(ec2, s.SnapshotId, log, clock);
            removed.push(`snapshot ${s.SnapshotId}`);
        }
        catch (error) {
            throw new Error(`snapshot ${s.SnapshotId} of the copy: ${(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_7__/* .errorCode */ .CA)(error) || (0,_lib_errors__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`);
        }
    }
    return removed;
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
//# sourceMappingURL=960.index.js.map