"use strict";
exports.id = 395;
exports.ids = [395];
exports.modules = {

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


/***/ }),

/***/ 7118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ findGroup),
/* harmony export */   Dj: () => (/* binding */ launchInstance),
/* harmony export */   Fh: () => (/* binding */ importKey),
/* harmony export */   Gh: () => (/* binding */ waitForRunning),
/* harmony export */   LZ: () => (/* binding */ toTags),
/* harmony export */   Nc: () => (/* binding */ SMOKE_NAME_PREFIX),
/* harmony export */   O5: () => (/* binding */ resolveVpc),
/* harmony export */   ij: () => (/* binding */ createSecurityGroup),
/* harmony export */   l2: () => (/* binding */ smokeName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5193);
/* harmony import */ var _lib_clock__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4517);
/* harmony import */ var _lib_retry__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1737);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6676);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);
/* harmony import */ var _resources_ledger__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(428);







/** Runs an EC2 call; a failure becomes one StepError that says what was being done. */
async function failsAs(what, call) {
    try {
        return await call();
    }
    catch (error) {
        if (error instanceof _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg)
            throw error;
        const hint = (0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error).startsWith('UnauthorizedOperation') ? '\nThe credentials lack this EC2 permission.' : '';
        throw Object.assign(new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', `${what} failed: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}${hint}`), { cause: error });
    }
}
/** A name unique to this run that says what it is. */
/** How the smoke test's key pair, security group and instance (its Name and key) are named. */
const SMOKE_NAME_PREFIX = 'eb-platform-smoke-';
function smokeName(env = process.env) {
    const run = env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : `${Date.now()}`;
    return `${SMOKE_NAME_PREFIX}${run}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')}`;
}
function toTags(tags) {
    return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}
async function importKey(deps, region, keyName, publicKey, tags) {
    const resource = { kind: 'key-pair', region, keyName };
    const keyPairId = await (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_3__/* .creating */ .SP)(deps.ledger, resource, () => failsAs(`Importing the run's SSH key as key pair ${keyName}`, async () => {
        try {
            const out = await deps.ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.ImportKeyPairCommand({
                KeyName: keyName,
                PublicKeyMaterial: Buffer.from(publicKey),
                TagSpecifications: [{ ResourceType: 'key-pair', Tags: tags }],
            }));
            return out.KeyPairId;
        }
        catch (error) {
            // The name is this run's alone: a duplicate is the SDK's retry meeting the import whose answer was lost.
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) !== 'InvalidKeyPair.Duplicate')
                throw error;
            const found = await deps.ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.DescribeKeyPairsCommand({ KeyNames: [keyName] }));
            deps.log.info(`Key pair ${keyName} was imported by a call whose answer was lost; using it.`);
            return found.KeyPairs?.[0]?.KeyPairId;
        }
    }));
    deps.ledger.record({ ...resource, keyPairId });
}
/** The VPC the instance will live in: the subnet's, or the region's default VPC. */
async function resolveVpc(ec2, subnetId) {
    if (subnetId) {
        try {
            const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.DescribeSubnetsCommand({ SubnetIds: [subnetId] }));
            const vpc = out.Subnets?.[0]?.VpcId;
            if (vpc)
                return vpc;
        }
        catch (error) {
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) !== 'InvalidSubnetID.NotFound')
                throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', `Looking up subnet ${subnetId} (smoke-subnet-id) failed: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}`);
        }
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', `Subnet ${subnetId} (smoke-subnet-id) does not exist in this region.`);
    }
    const out = await failsAs("Finding the region's default VPC", () => ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })));
    const vpc = out.Vpcs?.[0]?.VpcId;
    if (!vpc)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', 'The region has no default VPC: set smoke-subnet-id to a subnet that gives instances a public IPv4 address.');
    return vpc;
}
async function createSecurityGroup(deps, region, groupName, vpcId, cidr, ports, tags) {
    const resource = { kind: 'security-group', region, groupName, vpcId };
    const groupId = await (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_3__/* .creating */ .SP)(deps.ledger, resource, () => failsAs(`Creating security group ${groupName} in ${vpcId}`, async () => {
        try {
            const out = await deps.ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.CreateSecurityGroupCommand({
                GroupName: groupName,
                Description: 'Throwaway: smoke test of a new Elastic Beanstalk platform AMI',
                VpcId: vpcId,
                TagSpecifications: [{ ResourceType: 'security-group', Tags: tags }],
            }));
            return out.GroupId;
        }
        catch (error) {
            // The name is this run's alone: a duplicate is the SDK's retry meeting the group whose answer was lost.
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) !== 'InvalidGroup.Duplicate')
                throw error;
            const found = await findGroup(deps.ec2, groupName, vpcId);
            if (!found)
                throw error;
            deps.log.info(`Security group ${groupName} was created by a call whose answer was lost; using ${found}.`);
            return found;
        }
    }));
    deps.ledger.record({ ...resource, groupId });
    const unique = [...new Set(ports)];
    await failsAs(`Opening ports ${unique.join(', ')} of ${groupId} to ${cidr}`, async () => {
        try {
            await deps.ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.AuthorizeSecurityGroupIngressCommand({
                GroupId: groupId,
                IpPermissions: unique.map((port) => ({
                    IpProtocol: 'tcp',
                    FromPort: port,
                    ToPort: port,
                    IpRanges: [{ CidrIp: cidr, Description: 'smoke test runner' }],
                })),
            }));
        }
        catch (error) {
            // The rules exist: the retry of a call whose answer was lost.
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) !== 'InvalidPermission.Duplicate')
                throw error;
        }
    });
    return groupId;
}
async function findGroup(ec2, groupName, vpcId) {
    const filters = [{ Name: 'group-name', Values: [groupName] }, ...(vpcId ? [{ Name: 'vpc-id', Values: [vpcId] }] : [])];
    const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.DescribeSecurityGroupsCommand({ Filters: filters }));
    return out.SecurityGroups?.[0]?.GroupId;
}
const LAUNCH_HINTS = {
    InsufficientInstanceCapacity: 'AWS has no capacity for this instance type in this zone right now: try another smoke-instance-type or smoke-subnet-id, or run again later.',
    'InvalidSubnetID.NotFound': 'The subnet does not exist in this region: check smoke-subnet-id.',
    InvalidSubnet: 'The subnet cannot be used: check smoke-subnet-id.',
    'InvalidAMIID.NotFound': 'The AMI is not visible to this account in this region.',
    'InvalidAMIID.Unavailable': 'The AMI is not available yet.',
    Unsupported: 'The instance type is not offered in this zone: choose another smoke-instance-type or smoke-subnet-id.',
    VcpuLimitExceeded: "The account's vCPU quota for this instance family is used up.",
    InstanceLimitExceeded: "The account's instance quota is used up.",
    InvalidParameterValue: 'AWS refused a launch parameter.',
};
async function launchInstance(deps, options) {
    const clientToken = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    const resource = { kind: 'instance', region: options.region, clientToken };
    // The root volume is encrypted whatever the image's snapshot is (AWS's baseline); its device name is the image's.
    const rootDevice = await failsAs(`Looking up ${options.amiId}`, async () => {
        const image = (await deps.ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.DescribeImagesCommand({ ImageIds: [options.amiId] }))).Images?.[0];
        if (!image?.RootDeviceName)
            throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', `${options.amiId} has no root device name: it is not an EBS-backed image the smoke test can launch`);
        return image.RootDeviceName;
    });
    deps.ledger.record(resource);
    let out;
    try {
        out = await deps.ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.RunInstancesCommand({
            ImageId: options.amiId,
            InstanceType: options.instanceType,
            MinCount: 1,
            MaxCount: 1,
            KeyName: options.keyName,
            ClientToken: clientToken,
            // If every teardown path fails, the instance still ends itself: it powers off after two hours and terminates on shutdown.
            InstanceInitiatedShutdownBehavior: 'terminate',
            UserData: Buffer.from('#!/bin/sh\nshutdown -h +120 "smoke-test instance expiring"\n').toString('base64'),
            ...(options.subnetId
                ? {
                    NetworkInterfaces: [
                        {
                            DeviceIndex: 0,
                            SubnetId: options.subnetId,
                            Groups: [options.groupId],
                            AssociatePublicIpAddress: options.publicAddress ?? true,
                            DeleteOnTermination: true,
                        },
                    ],
                }
                : { SecurityGroupIds: [options.groupId] }),
            BlockDeviceMappings: [
                { DeviceName: rootDevice, Ebs: { Encrypted: true, DeleteOnTermination: true, ...(options.kmsKeyId ? { KmsKeyId: options.kmsKeyId } : {}) } },
            ],
            // IMDSv2 only, and no hop past the instance itself (AWS's security baseline for EC2).
            MetadataOptions: { HttpTokens: 'required', HttpPutResponseHopLimit: 1, HttpEndpoint: 'enabled' },
            TagSpecifications: [
                { ResourceType: 'instance', Tags: options.tags },
                { ResourceType: 'volume', Tags: options.tags },
                { ResourceType: 'network-interface', Tags: options.tags },
            ],
        }));
    }
    catch (error) {
        // Even a refusal stays recorded: teardown looks for an instance by the client token, since an instance is the costliest thing to leave behind.
        const hint = LAUNCH_HINTS[(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error)];
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', `Launching a ${options.instanceType} from ${options.amiId} failed: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}${hint ? `\n${hint}` : ''}`);
    }
    const instanceId = out.Instances?.[0]?.InstanceId;
    if (!instanceId)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', 'RunInstances returned no instance');
    deps.ledger.record({ ...resource, instanceId });
    return instanceId;
}
/** Waits for the instance to run and returns the address the runner reaches it at: its public one, or its private one for a runner inside the VPC. */
async function waitForRunning(deps, instanceId, deadline, use = 'public') {
    const clock = deps.clock ?? _lib_clock__WEBPACK_IMPORTED_MODULE_1__/* .realClock */ .d;
    let state = 'pending';
    const pause = (0,_lib_retry__WEBPACK_IMPORTED_MODULE_6__/* .backoff */ .J)(2_000, 15_000);
    while (clock.now() < deadline) {
        try {
            const out = await deps.ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_5__.DescribeInstancesCommand({ InstanceIds: [instanceId] }));
            const inst = out.Reservations?.[0]?.Instances?.[0];
            state = inst?.State?.Name ?? 'pending';
            if (state === 'running') {
                const address = use === 'private' ? inst?.PrivateIpAddress : inst?.PublicIpAddress;
                if (!address) {
                    throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', use === 'private'
                        ? `Instance ${instanceId} runs without a private IPv4 address.`
                        : `Instance ${instanceId} runs without a public IPv4 address: use a subnet that assigns one (smoke-subnet-id), or smoke-address: private from a runner inside the VPC.`);
                }
                return address;
            }
            if (['shutting-down', 'terminated', 'stopping', 'stopped'].includes(state)) {
                const reason = inst?.StateReason?.Message ?? 'no reason given';
                throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', `Instance ${instanceId} is ${state} instead of running: ${reason}`);
            }
        }
        catch (error) {
            if (error instanceof _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg)
                throw error;
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__/* .errorCode */ .CA)(error) !== 'InvalidInstanceID.NotFound' && !(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_4__/* .isTransient */ .dg)(error))
                throw error;
        }
        await (0,_lib_retry__WEBPACK_IMPORTED_MODULE_6__/* .sleepWithin */ .j)(clock, pause.next(), deadline);
    }
    throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', `Instance ${instanceId} was still ${state} at the deadline.`);
}


/***/ })

};
;
//# sourceMappingURL=395.index.js.map