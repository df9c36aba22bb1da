"use strict";
exports.id = 987;
exports.ids = [987];
exports.modules = {

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

/***/ 7764:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ describeResource)
/* harmony export */ });
/** Human words for a recorded resource, for the log and the summary. */
function describeResource(r) {
    switch (r.kind) {
        case 'builder-environment':
            return `builder environment ${r.environmentName} (${r.region})`;
        case 'instance':
            return `instance ${r.instanceId ?? `with client token ${r.clientToken}`} (${r.region})`;
        case 'security-group':
            return `security group ${r.groupId ?? r.groupName} (${r.region})`;
        case 'key-pair':
            return `key pair ${r.keyName} (${r.region})`;
        case 'packer-build':
            return `what Packer's build ${r.build} may have left (${r.region})`;
        case 'image-copy':
            return `copy ${r.imageId ?? `with client token ${r.clientToken}`} of ${r.sourceImageId} (${r.region})`;
    }
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

/***/ 6228:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ removeConcurrently)
/* harmony export */ });
/**
 * Runs `remove` on each resource, all at once except what must wait: a
 * security group is deleted only once every instance (one may still use it)
 * is gone. Returns the results in the order given; `remove` reports its own
 * failures in what it returns.
 */
async function removeConcurrently(resources, remove) {
    const instances = resources.filter((r) => r.kind === 'instance');
    const instancesGone = Promise.all(instances.map(remove));
    return Promise.all(resources.map((r) => {
        if (r.kind === 'instance')
            return instancesGone.then((done) => done[instances.indexOf(r)]);
        if (r.kind === 'security-group')
            return instancesGone.then(() => remove(r));
        return remove(r);
    }));
}


/***/ }),

/***/ 8987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkHost: () => (/* reexport */ checkHost),
  makeKey: () => (/* reexport */ makeKey),
  prepareSmokeTest: () => (/* binding */ prepareSmokeTest),
  runChecks: () => (/* reexport */ runChecks),
  runSmokeTest: () => (/* binding */ runSmokeTest),
  smokeChecks: () => (/* reexport */ smokeChecks),
  teardownSmokeResource: () => (/* reexport */ teardownSmokeResource),
  writeKnownHosts: () => (/* reexport */ writeKnownHosts)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/resources/ledger.ts
var resources_ledger = __webpack_require__(428);
// EXTERNAL MODULE: ./src/resources/removal-order.ts
var removal_order = __webpack_require__(6228);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./src/lib/process.ts
var process = __webpack_require__(2302);
;// CONCATENATED MODULE: ./src/smoke/ssh.ts






/**
 * An ed25519 key made for this run in a private temp dir. The private key is
 * masked before anything could print it and never leaves the dir.
 */
async function makeKey(log, comment) {
    const dir = external_node_fs_.mkdtempSync(external_node_path_.join(external_node_os_.tmpdir(), 'eb-platform-ssh-'));
    external_node_fs_.chmodSync(dir, 0o700);
    const privateKeyPath = external_node_path_.join(dir, 'id_ed25519');
    const made = await (0,process/* runProcess */.R)('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', privateKeyPath]);
    if (made.code !== 0) {
        external_node_fs_.rmSync(dir, { recursive: true, force: true });
        throw new Error(`ssh-keygen failed: ${made.stderr.trim()}`);
    }
    log.mask(external_node_fs_.readFileSync(privateKeyPath, 'utf8'));
    return {
        dir,
        privateKeyPath,
        publicKey: external_node_fs_.readFileSync(privateKeyPath + '.pub', 'utf8').trim(),
        cleanup: () => external_node_fs_.rmSync(dir, { recursive: true, force: true }),
    };
}
/** The host's entry in known_hosts form: `[host]:port` for a port other than 22. */
function hostPattern(host, port) {
    return port === 22 ? host : `[${host}]:${port}`;
}
function writeKnownHosts(file, host, port, keys) {
    external_node_fs_.writeFileSync(file, keys.map((k) => `${hostPattern(host, port)} ${k}\n`).join(''), { mode: 0o600 });
}
/** The host key algorithms that can prove the pinned keys, so ssh never negotiates a type nobody vouched for. */
function pinnedAlgorithms(knownHostsPath) {
    let text = '';
    try {
        text = external_node_fs_.readFileSync(knownHostsPath, 'utf8');
    }
    catch {
        return [];
    }
    const algorithms = new Set();
    for (const line of text.split('\n')) {
        const type = line.trim().split(/\s+/)[1];
        if (!type)
            continue;
        if (type === 'ssh-rsa')
            ['rsa-sha2-512', 'rsa-sha2-256'].forEach((a) => algorithms.add(a));
        else
            algorithms.add(type);
    }
    return [...algorithms];
}
function sshOptions(t, connectTimeoutS) {
    const algorithms = pinnedAlgorithms(t.knownHostsPath);
    return [
        '-F',
        '/dev/null',
        '-i',
        t.keyPath,
        '-p',
        String(t.port),
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'BatchMode=yes',
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        `UserKnownHostsFile=${t.knownHostsPath}`,
        '-o',
        'GlobalKnownHostsFile=/dev/null',
        '-o',
        'CheckHostIP=no',
        '-o',
        'UpdateHostKeys=no',
        ...(algorithms.length ? ['-o', `HostKeyAlgorithms=${algorithms.join(',')}`] : []),
        '-o',
        `ConnectTimeout=${connectTimeoutS}`,
        '-o',
        'ServerAliveInterval=15',
        '-o',
        'ServerAliveCountMax=4',
        '-o',
        'LogLevel=ERROR',
        // Through the shared connection when there is one; ssh connects on its own when the socket is gone.
        ...(t.controlPath ? ['-o', 'ControlMaster=no', '-o', `ControlPath=${t.controlPath}`] : []),
    ];
}
/**
 * Opens one authenticated connection that later commands share (OpenSSH's
 * connection multiplexing), with the same host-key pinning as any command.
 * The master is this process's child, not a daemon, so it dies with the job
 * whatever kills it; its socket lives in `dir`, a directory only this run can
 * read. Undefined when the master could not start: commands then connect one
 * by one, as they would without it.
 */
async function shareConnection(t, dir, options = {}) {
    const controlPath = external_node_path_.join(dir, 'control.sock');
    external_node_fs_.rmSync(controlPath, { force: true });
    const master = (0,external_node_child_process_.spawn)('ssh', [
        ...sshOptions({ ...t, controlPath: undefined }, 10),
        '-o',
        'ControlMaster=yes',
        '-o',
        `ControlPath=${controlPath}`,
        '-o',
        'ControlPersist=no',
        '-N',
        `${t.user}@${t.host}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    master.stderr?.on('data', (d) => (stderr += d.toString()));
    const exited = new Promise((resolve) => master.once('exit', () => resolve()));
    const close = async () => {
        await (0,process/* stopProcess */.g)(master, 'SIGTERM', 5_000);
        external_node_fs_.rmSync(controlPath, { force: true });
    };
    const until = Date.now() + (options.timeoutMs ?? 30_000);
    let gone = false;
    void exited.then(() => (gone = true));
    while (!gone && Date.now() < until) {
        if (external_node_fs_.existsSync(controlPath)) {
            const check = await (0,process/* runProcess */.R)('ssh', ['-F', '/dev/null', '-o', `ControlPath=${controlPath}`, '-O', 'check', `${t.user}@${t.host}`], {
                timeoutMs: 10_000,
            });
            if (check.code === 0)
                return { target: { ...t, controlPath }, close };
        }
        await lib_clock/* realClock */.d.sleep(50);
    }
    await close();
    options.log?.info(`SSH connection sharing is unavailable (${stderr.trim() || 'the control socket did not appear'}); each check connects on its own.`);
    return undefined;
}
/** Runs one command on the host; a non-zero exit is a result, not an exception. */
function sshRun(t, command, options = {}) {
    return (0,process/* runProcess */.R)('ssh', [...sshOptions(t, options.connectTimeoutS ?? 10), `${t.user}@${t.host}`, command], {
        input: options.input,
        timeoutMs: options.timeoutMs ?? 120_000,
        signal: options.signal,
    });
}
/** Copies a local file to the host through the SSH channel (no scp needed on either side). */
async function sshUpload(t, localPath, remotePath, options = {}) {
    const quoted = `'${remotePath.replace(/'/g, `'\\''`)}'`;
    const r = await sshRun(t, `cat > ${quoted}`, { input: external_node_fs_.readFileSync(localPath), signal: options.signal });
    if (r.code !== 0)
        throw new Error(`uploading ${external_node_path_.basename(localPath)} failed: ${r.stderr.trim() || `exit ${r.code}`}`);
}
function classifySshFailure(result) {
    // ssh exits 255 for its own failures; any other status is the remote command's, so the connection worked.
    if (result.code !== 255)
        return 'ok';
    const e = result.stderr;
    if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed|No \S* ?host key is known|no matching host key type found/i.test(e))
        return 'host key mismatch';
    if (/Permission denied|Too many authentication failures/i.test(e))
        return 'refused';
    if (/Connection closed by|Connection reset by|kex_exchange_identification|banner exchange/i.test(e))
        return 'dropped';
    return 'unreachable';
}
/** Asks the host for its keys without trusting them: the fallback when the console shows none. */
async function scanHostKeys(host, port) {
    const r = await (0,process/* runProcess */.R)('ssh-keyscan', ['-T', '10', '-p', String(port), '-t', 'ed25519,ecdsa,rsa', host], { timeoutMs: 30_000 });
    return r.stdout
        .split('\n')
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => l.split(' ').slice(1).join(' '))
        .filter(Boolean);
}

;// CONCATENATED MODULE: ./src/smoke/checks.ts







/** A command run as root: directly when the SSH user is root (a local VM), else through non-interactive sudo. */
function asRoot(command) {
    return `{ if [ "$(id -u)" -eq 0 ]; then ${command}; else sudo -n ${command}; fi; }`;
}
/**
 * A unit's state once it has stopped changing. SSH answers before the boot
 * has finished, and the Docker daemon in particular may still be
 * `activating` then: waiting (at most three minutes) tells a slow start from
 * a failed one.
 */
function settledState(unit) {
    return `for _ in $(seq 180); do case "$(systemctl is-active ${unit})" in activating|deactivating|reloading|refreshing) sleep 1 ;; *) break ;; esac; done; systemctl is-active ${unit}`;
}
const EXCERPT = 600;
/** The end of a command's output, where the reason for a failure usually is. */
function excerpt(text, limit = EXCERPT) {
    const t = text.trim();
    return t.length > limit ? '…' + t.slice(-limit) : t;
}
const both = (r) => [r.stdout, r.stderr]
    .map((s) => s.trimEnd())
    .filter((s) => s.trim())
    .join('\n');
/** How long a step may take: its own bound, cut to what is left before the deadline. */
function budget(ctx, ms) {
    if (ctx.deadline === undefined)
        return ms;
    return Math.max(1_000, Math.min(ms, ctx.deadline - (ctx.now ?? Date.now)()));
}
/** Runs a remote command, then removes the file it was given, keeping the command's exit status; the host may outlive the check. */
function removingAfter(command, remote) {
    return `${command}; status=$?; rm -f ${remote}; exit $status`;
}
function exitNote(r) {
    return r.code === 0 ? '' : `\n(exit ${r.code})`;
}
function commandCheck(a, command, expect) {
    const spec = typeof a === 'string' ? { name: a, command: command, expect } : a;
    return {
        name: spec.name,
        async run(ctx) {
            const r = await sshRun(ctx.target, spec.command, { timeoutMs: budget(ctx, spec.timeoutMs ?? 120_000), signal: ctx.signal });
            const matched = !spec.expect || spec.expect.test(r.stdout);
            const note = r.code === 0 && !matched ? `\n(output does not match ${spec.expect})` : exitNote(r);
            return { ok: r.code === 0 && matched, output: (both(r) || '(no output)') + note };
        },
    };
}
/**
 * Builds the platform's sample app on the runner with its declared build
 * (`BUILD --version V --out DIR` leaves DIR/bundle.zip), uploads the bundle and
 * deploys it with the platform's declared command, as root.
 */
function deployCheck(version, deploy) {
    return {
        name: `deploy sample app ${version} through the platform hooks`,
        async run(ctx) {
            const out = external_node_fs_.mkdtempSync(external_node_path_.join(external_node_os_.tmpdir(), 'eb-platform-sample-'));
            try {
                try {
                    await (0,external_node_util_.promisify)(external_node_child_process_.execFile)('bash', [deploy.build, '--version', version, '--out', out], { timeout: budget(ctx, 180_000), signal: ctx.signal });
                }
                catch (error) {
                    const e = error;
                    return { ok: false, output: `building the sample app on the runner failed: ${(e.stderr || e.message).trim()}` };
                }
                const remote = `/tmp/eb-platform-smoke-${version}.zip`;
                await sshUpload(ctx.target, external_node_path_.join(out, 'bundle.zip'), remote, { signal: ctx.signal });
                const r = await sshRun(ctx.target, removingAfter(asRoot(`${deploy.command} ${remote}`), remote), {
                    timeoutMs: budget(ctx, 300_000),
                    signal: ctx.signal,
                });
                return { ok: r.code === 0, output: (both(r) || '(no output)') + exitNote(r) };
            }
            finally {
                external_node_fs_.rmSync(out, { recursive: true, force: true });
            }
        },
    };
}
/** An HTTP GET from the runner through the instance's web server that must answer 200 with the declared text (`{version}` is the deployed one). */
function httpCheck(version, http = { path: '/', expect: '{version}' }, fetchImpl = fetch) {
    const wanted = http.expect.split('{version}').join(version);
    return {
        name: `HTTP GET ${http.path} answers version ${version}`,
        async run(ctx) {
            const url = ctx.httpUrl.replace(/\/$/, '') + http.path;
            const sleep = ctx.sleep ?? lib_clock/* realClock */.d.sleep;
            let last = '';
            // A refused or reset connection right after a deploy is retried a little; a wrong answer is not.
            for (let attempt = 1; attempt <= 3; attempt++) {
                try {
                    const timeout = AbortSignal.timeout(budget(ctx, 15_000));
                    const res = await fetchImpl(url, { signal: ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout });
                    const body = await res.text();
                    const ok = res.status === 200 && body.includes(wanted);
                    return { ok, output: `${res.status} ${res.statusText}\n${body}${ok ? '' : `\n(expected 200 with '${wanted}' in the body)`}` };
                }
                catch (error) {
                    const e = error;
                    last = `GET ${url} failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
                }
                if (attempt < 3)
                    await sleep(2_000);
            }
            return { ok: false, output: last };
        },
    };
}
/**
 * The boot has finished, on any image: systemd has started what it starts at
 * boot (running, or degraded with the failed units named), and cloud-init, where
 * the image has it, is done.
 */
function bootFinishedCheck() {
    return commandCheck({
        name: 'the boot finished',
        command: 'state="$(systemctl is-system-running --wait 2>/dev/null || true)"; echo "systemd: ${state:-unknown}"; ' +
            'if [ "$state" = degraded ]; then systemctl --failed --no-legend --plain | sed "s/^/failed: /"; fi; ' +
            'if command -v cloud-init >/dev/null 2>&1; then cloud-init status --wait >/dev/null 2>&1; cloud-init status; fi; ' +
            'case "$state" in running|degraded) exit 0 ;; *) exit 1 ;; esac',
        expect: /^systemd: (running|degraded)$/m,
        timeoutMs: 600_000,
    });
}
/**
 * The user's own script (input smoke-script), uploaded and run as the SSH
 * user after the built-in checks. It runs unprivileged on purpose; the
 * platform's default user has passwordless sudo, so a script that needs root
 * says so with `sudo`. It gets the deployed version in EB_PLATFORM_SMOKE_VERSION
 * and passes when it exits 0.
 */
function userScriptCheck(localPath, version) {
    return {
        name: `user script ${external_node_path_.basename(localPath)}`,
        async run(ctx) {
            const remote = `/tmp/eb-platform-smoke-script-${external_node_path_.basename(localPath).replace(/[^A-Za-z0-9._-]/g, '_')}`;
            await sshUpload(ctx.target, localPath, remote, { signal: ctx.signal });
            const r = await sshRun(ctx.target, removingAfter(`chmod 0700 ${remote} && EB_PLATFORM_SMOKE_VERSION=${version} ${remote}`, remote), {
                timeoutMs: budget(ctx, 600_000),
                signal: ctx.signal,
            });
            return { ok: r.code === 0, output: (both(r) || '(no output)') + exitNote(r) };
        },
    };
}
/** A platform's declared command check, as the smoke test runs it. */
function declaredCheck(c) {
    const command = c.root ? asRoot(`sh -c '${c.run.replace(/'/g, `'\\''`)}'`) : c.run;
    return commandCheck({
        name: c.name,
        command: c.settle ? `${settledState(c.settle)} >/dev/null; ${command}` : command,
        expect: c.expect,
        timeoutMs: c.timeoutMs,
    });
}
/**
 * The whole list, in order: what holds for any image (the boot finished), the
 * platform's declared checks, its sample app deployed and read back over HTTP,
 * then the user's script.
 */
function smokeChecks(spec, version, userScript) {
    const checks = [bootFinishedCheck(), ...(spec?.checks ?? []).map(declaredCheck)];
    if (spec?.deploy)
        checks.push(deployCheck(version, spec.deploy));
    if (spec?.http)
        checks.push(httpCheck(version, spec.http));
    if (userScript)
        checks.push(userScriptCheck(userScript, version));
    return checks;
}
/**
 * Runs every check, timing each. A check that throws is a failed check, not
 * an aborted run; once the deadline has passed, the rest are reported as not
 * run rather than started.
 */
async function runChecks(checks, ctx, onResult, now = ctx.now ?? Date.now) {
    const results = [];
    for (const check of checks) {
        const started = now();
        let ok = false;
        let output = '';
        if (ctx.signal?.aborted) {
            output = 'not run: the job was cancelled';
        }
        else if (ctx.deadline !== undefined && started >= ctx.deadline) {
            output = "not run: the smoke test's deadline had passed";
        }
        else {
            try {
                ({ ok, output } = await check.run({ ...ctx, now }));
            }
            catch (error) {
                output = error instanceof Error ? error.message : String(error);
            }
        }
        const result = { name: check.name, ok, durationMs: now() - started, excerpt: excerpt(output) };
        results.push(result);
        onResult(result);
    }
    return results;
}

;// CONCATENATED MODULE: ./src/smoke/check-host.ts
/** The platform's checks against a host already reachable over SSH, over one shared connection. */






/**
 * Runs the platform's check list against any SSH host: the smoke test's EC2
 * instance, or a local VM on a forwarded loopback port. Each result is logged
 * as it comes; a failed check does not stop the ones after it.
 */
async function checkHost(host, log, clock = lib_clock/* realClock */.d) {
    if (!host.spec)
        log.info(`The platform declares no smoke checks: only the checks that hold for any image run. Declare its own in smoke.yaml beside platform.yaml (see the README).`);
    const ownDir = host.controlDir ? undefined : external_node_fs_.mkdtempSync(external_node_path_.join(external_node_os_.tmpdir(), 'eb-platform-ssh-control-'));
    const shared = host.connections === 'per-command' ? undefined : await shareConnection(host.target, host.controlDir ?? ownDir, { log });
    try {
        return await log.group('Smoke test checks', () => runChecks(smokeChecks(host.spec, host.version, host.userScript), {
            target: shared?.target ?? host.target,
            httpUrl: host.httpUrl,
            userScript: host.userScript,
            deadline: host.deadline,
            signal: host.signal,
            now: () => clock.now(),
            sleep: (ms) => clock.sleep(ms),
        }, (r) => {
            const line = `${r.ok ? 'PASS' : 'FAIL'} ${r.name} (${(r.durationMs / 1000).toFixed(1)} s)${r.excerpt ? `\n${indent(r.excerpt)}` : ''}`;
            if (r.ok)
                log.info(line);
            else
                log.error(line);
        }));
    }
    finally {
        await shared?.close();
        if (ownDir)
            external_node_fs_.rmSync(ownDir, { recursive: true, force: true });
    }
}
function indent(text) {
    return text
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n');
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ec2/dist-cjs/index.js
var dist_cjs = __webpack_require__(5193);
// EXTERNAL MODULE: ./src/lib/duration.ts
var duration = __webpack_require__(2543);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(1737);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/smoke/host-keys.ts

/**
 * Host keys and their fingerprints from an instance's console output.
 *
 * cloud-init's `write-ssh-key-fingerprints` pipes two blocks through
 * `logger --stderr -t ec2`, so each line may carry a `<14>Mon DD HH:MM:SS ec2: `
 * prefix (and kernel messages may be interleaved):
 *
 *   -----BEGIN SSH HOST KEY FINGERPRINTS-----
 *   256 SHA256:… root@ip-… (ED25519)
 *   -----END SSH HOST KEY FINGERPRINTS-----
 *   -----BEGIN SSH HOST KEY KEYS-----
 *   ssh-ed25519 AAAA… root@ip-…
 *   -----END SSH HOST KEY KEYS-----
 *
 * Either block lets the SSH client pin the host instead of trusting the first
 * key it is shown. A block still being written (no END yet) counts as absent.
 */
const KEY_TYPES = /((?:ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(?:256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com)\s+[A-Za-z0-9+/]+={0,2})(?=\s|$)/;
function blocks(output, what) {
    const re = new RegExp(`-----BEGIN SSH HOST KEY ${what}-----([\\s\\S]*?)-----END SSH HOST KEY ${what}-----`, 'g');
    return [...output.matchAll(re)].map((m) => m[1].split(/\r?\n/));
}
/** Public host keys (`type base64`) the console printed, in order, without duplicates. */
function hostKeysFromConsole(output) {
    const keys = [];
    for (const lines of blocks(output, 'KEYS')) {
        for (const line of lines) {
            const m = KEY_TYPES.exec(line);
            if (m) {
                const key = m[1].replace(/\s+/, ' ');
                if (!keys.includes(key))
                    keys.push(key);
            }
        }
    }
    return keys;
}
/** Fingerprints (`SHA256:…` or `MD5:aa:bb:…`) the console printed. */
function hostFingerprintsFromConsole(output) {
    const prints = [];
    for (const lines of blocks(output, 'FINGERPRINTS')) {
        for (const line of lines) {
            // `ssh-keygen -l` prints "BITS HASH COMMENT (TYPE)"; very old images print a bare MD5 hex.
            const m = /\b\d{3,5}\s+(SHA256:[A-Za-z0-9+/]{43}|MD5:(?:[0-9a-f]{2}:){15}[0-9a-f]{2}|(?:[0-9a-f]{2}:){15}[0-9a-f]{2})(?=\s|$)/.exec(line);
            if (m) {
                const print = /^[0-9a-f]{2}:/.test(m[1]) ? `MD5:${m[1]}` : m[1];
                if (!prints.includes(print))
                    prints.push(print);
            }
        }
    }
    return prints;
}
/** The fingerprint ssh-keygen -l shows for a public key (`type base64 [comment]`). */
function fingerprint(publicKey, hash = 'SHA256') {
    const blob = Buffer.from(publicKey.trim().split(/\s+/)[1] ?? '', 'base64');
    if (hash === 'MD5') {
        const hex = (0,external_node_crypto_.createHash)('md5').update(blob).digest('hex');
        return 'MD5:' + hex.match(/../g).join(':');
    }
    return 'SHA256:' + (0,external_node_crypto_.createHash)('sha256').update(blob).digest('base64').replace(/=+$/, '');
}
/** Whether a key's fingerprint, in the hash the console used, is among the console's fingerprints. */
function matchesFingerprint(publicKey, prints) {
    return prints.some((p) => p === fingerprint(publicKey, p.startsWith('MD5:') ? 'MD5' : 'SHA256'));
}
/** Signs on the console that sshd failed to start for a reason other than a slow boot. */
function sshdTrouble(output) {
    if (/Missing privilege separation directory: \/(var\/)?run\/sshd/.test(output)) {
        return 'sshd could not start: its privilege separation directory /run/sshd (/var/run/sshd) is missing on the image';
    }
    if (/Failed to start .*(OpenSSH|ssh\.service|sshd)/i.test(output))
        return 'the console shows the SSH service failing to start';
    if (/sshd.*(no hostkeys available|Could not load host key)/i.test(output))
        return 'sshd has no usable host keys';
    return undefined;
}

;// CONCATENATED MODULE: ./src/smoke/connect.ts
/** Reaching the smoke instance over SSH: its host keys pinned from the console, then a first login. */







/** The instance's console output, decoded ('' while there is none yet), or why it could not be read. */
async function consoleText(ec2, instanceId) {
    let error = '';
    // `Latest` gives the live buffer on Nitro instances; other types refuse it and get the last snapshot instead.
    for (const latest of [true, false]) {
        try {
            const out = await ec2.send(new dist_cjs.GetConsoleOutputCommand({ InstanceId: instanceId, ...(latest ? { Latest: true } : {}) }));
            return { text: out.Output ? Buffer.from(out.Output, 'base64').toString('utf8') : '' };
        }
        catch (e) {
            // The console is a help, not a requirement: remember why, for the log, and go on without it.
            error = (0,errors/* describeError */.Uc)(e);
        }
    }
    return { text: '', error };
}
function describeKeys(keys) {
    return keys.map((k) => `${k.split(' ')[0]} ${fingerprint(k)}`).join(', ');
}
function tail(text, lines) {
    return text
        .replace(/\r/g, '')
        .split('\n')
        .filter((l) => l.trim())
        .slice(-lines);
}
/** What the SSH wait is waiting for, in words. */
function waitingFor(answered, pinned, last) {
    if (!answered)
        return 'the instance is booting (sshd has not answered yet)';
    if (pinned === undefined)
        return 'sshd answers; waiting for the instance to print its host keys to the console';
    if (last === 'refused')
        return "sshd does not accept the run's key yet (the instance installs it at first boot)";
    return `the last attempt: ${last}`;
}
/**
 * Waits until SSH answers with a host key we can vouch for. Keys come from the
 * console when the instance prints them, or from sshd itself when they match
 * the fingerprints the console printed; otherwise, once sshd has answered and
 * the console stayed silent for a grace period, from the first contact, and
 * the log says so with a warning.
 */
async function connect(target, knownHostsPath, instanceId, deps, deadline) {
    const clock = deps.clock ?? lib_clock/* realClock */.d;
    const log = deps.log;
    const graceMs = deps.consoleGraceMs ?? 180_000;
    const where = `${target.host}:${target.port}`;
    const pause = (0,retry/* backoff */.J)(3_000, 15_000);
    const started = clock.now();
    let quietSince = started;
    let firstAnswer;
    let last = 'unreachable';
    let lastError = '';
    let pinned;
    let consoleError;
    while (clock.now() < deadline) {
        if (pinned === undefined) {
            const { text, error } = await consoleText(deps.ec2, instanceId);
            consoleError = error;
            const keys = hostKeysFromConsole(text);
            const prints = hostFingerprintsFromConsole(text);
            if (keys.length) {
                writeKnownHosts(knownHostsPath, target.host, target.port, keys);
                pinned = true;
                log.info(`Pinned ${keys.length} host key(s) from the instance's console output: ${describeKeys(keys)}.`);
            }
            else {
                const offered = await scanHostKeys(target.host, target.port);
                if (offered.length)
                    firstAnswer ??= clock.now();
                if (offered.length && prints.length) {
                    const vouched = offered.filter((k) => matchesFingerprint(k, prints));
                    if (!vouched.length) {
                        throw new errors/* StepError */.zg('smoke', `SSH to ${where} refused: host key mismatch. None of the host keys sshd offers (${offered.map((k) => fingerprint(k)).join(', ')}) ` +
                            `matches the fingerprints the instance printed to its console (${prints.join(', ')}). Someone may be in the middle.`);
                    }
                    writeKnownHosts(knownHostsPath, target.host, target.port, vouched);
                    pinned = true;
                    log.info(`Pinned ${vouched.length} host key(s) that match the fingerprints in the instance's console output: ${describeKeys(vouched)}.`);
                }
                else if (offered.length && firstAnswer !== undefined && (clock.now() - firstAnswer >= graceMs || deadline - clock.now() <= 60_000)) {
                    writeKnownHosts(knownHostsPath, target.host, target.port, offered);
                    pinned = false;
                    log.warning(`${consoleError ? `The instance's console could not be read (${consoleError})` : 'The instance printed no host keys or fingerprints to its console'}, so its SSH host key was trusted on first use ` +
                        `(${describeKeys(offered)}), not verified.`);
                }
            }
        }
        if (pinned !== undefined) {
            const r = await sshRun({ ...target, knownHostsPath }, 'true', { timeoutMs: 30_000, signal: deps.signal });
            last = classifySshFailure(r);
            lastError = r.stderr.trim();
            if (last === 'ok')
                return { pinned };
            if (last !== 'unreachable')
                firstAnswer ??= clock.now();
            if (last === 'host key mismatch') {
                throw new errors/* StepError */.zg('smoke', `SSH to ${where} refused: host key mismatch. The server's key is not the one ${pinned ? 'the instance printed to its console' : 'it showed first'}. Someone may be in the middle.\n${lastError}`);
            }
        }
        const left = deadline - clock.now();
        if (left <= 0)
            break;
        // A boot takes minutes on some instance types: one line a minute so the wait never looks hung.
        if (clock.now() - quietSince >= 60_000) {
            quietSince = clock.now();
            log.info(`Still waiting for SSH on ${where} after ${(0,duration/* duration */.p)(clock.now() - started)}: ${waitingFor(firstAnswer !== undefined, pinned, last)}.`);
        }
        await clock.sleep(Math.min(pause.next(), left));
    }
    const { text, error: unreadable } = await consoleText(deps.ec2, instanceId);
    const trouble = sshdTrouble(text);
    const what = last === 'refused'
        ? `sshd answered but refused the run's key for user '${target.user}' (check ssh-user: Ubuntu images use 'ubuntu') (${lastError})`
        : last === 'dropped'
            ? `sshd accepted connections but closed them before authentication (${lastError})`
            : firstAnswer === undefined
                ? 'sshd never answered'
                : pinned === undefined
                    ? 'sshd answered but no host key could be pinned'
                    : `sshd stopped answering (${lastError || 'no error text'})`;
    const because = trouble
        ? ` The console says: ${trouble}.`
        : firstAnswer === undefined
            ? ' The console shows no sshd failure: a slow boot, or a network path (subnet, route, security group) that does not reach it.'
            : '';
    const consoleTail = tail(text, 40);
    throw new errors/* StepError */.zg('smoke', `SSH to ${where} was not usable by the deadline: ${what}.${because}`, consoleTail.length
        ? ['The last lines of the instance console:', ...consoleTail.map((l) => `  ${l}`)]
        : [unreadable ? `The instance console could not be read (${unreadable}).` : 'The instance console was empty.']);
}

// EXTERNAL MODULE: ./src/smoke/instance.ts
var instance = __webpack_require__(7118);
// EXTERNAL MODULE: ./src/smoke/runner-address.ts
var runner_address = __webpack_require__(1958);
// EXTERNAL MODULE: ./src/resources/describe.ts
var describe = __webpack_require__(7764);
// EXTERNAL MODULE: ./src/resources/ec2-delete.ts
var ec2_delete = __webpack_require__(599);
;// CONCATENATED MODULE: ./src/smoke/teardown.ts
/** Removing what the smoke test created, from whatever the ledger knew when the run ended or died. */





async function instanceIds(ec2, r) {
    if (r.instanceId)
        return [r.instanceId];
    const out = await ec2.send(new dist_cjs.DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: [r.clientToken] }] }));
    return (out.Reservations ?? [])
        .flatMap((res) => res.Instances ?? [])
        .filter((i) => i.State?.Name !== 'terminated')
        .map((i) => i.InstanceId);
}
async function terminateInstance(deps, r, clock) {
    await (0,ec2_delete/* terminateInstances */.ch)(deps.ec2, await instanceIds(deps.ec2, r), deps.log, clock);
}
async function deleteGroup(deps, r, clock) {
    const groupId = r.groupId ?? (await (0,instance/* findGroup */.$B)(deps.ec2, r.groupName, r.vpcId));
    if (groupId)
        await (0,ec2_delete/* deleteSecurityGroup */.dl)(deps.ec2, groupId, deps.log, clock);
}
/**
 * Deletes one recorded smoke-test resource and releases it from the ledger.
 * Works from whatever the ledger knew when the run died: a client token, a
 * group name. Something already gone is success.
 */
async function teardownSmokeResource(resource, deps) {
    const clock = deps.clock ?? lib_clock/* realClock */.d;
    await removeOnce(resource, deps, clock);
    // Without an id, the creating call's fate is unknown: a request sent just before the run died
    // can still land after the first look. Look once more a little later.
    const inDoubt = (resource.kind === 'instance' && !resource.instanceId) ||
        (resource.kind === 'security-group' && !resource.groupId) ||
        (resource.kind === 'key-pair' && !resource.keyPairId);
    if (inDoubt) {
        await clock.sleep(deps.doubtMs ?? 15_000);
        await removeOnce(resource, deps, clock);
    }
    deps.ledger.release(resource);
    deps.log.info(`Removed ${(0,describe/* describeResource */.w)(resource)}.`);
}
async function removeOnce(resource, deps, clock) {
    switch (resource.kind) {
        case 'instance':
            await terminateInstance(deps, resource, clock);
            break;
        case 'security-group':
            await deleteGroup(deps, resource, clock);
            break;
        case 'key-pair':
            await (0,ec2_delete/* deleteKeyPair */.z9)(deps.ec2, resource.keyName);
            break;
        default:
            throw new Error(`not a smoke-test resource: ${resource.kind}`);
    }
}

;// CONCATENATED MODULE: ./src/smoke/index.ts















/** The smoke test's kinds of resource: what it made, and only that, is its own to remove. */
const SMOKE_KINDS = new Set(['key-pair', 'security-group', 'instance']);
/** Makes the key, the key pair and the security group; on a failure, removes what it made and throws. */
async function prepareSmokeTest(options, given) {
    const { ec2, ledger, log, signal } = given;
    const deps = { ...given, clock: (0,lib_clock/* abortable */.Z)(given.clock ?? lib_clock/* realClock */.d, signal) };
    const name = (0,instance/* smokeName */.l2)();
    const tags = (0,instance/* toTags */.LZ)({ ...options.runTags, ...options.extraTags, Name: name });
    const before = new Set(ledger.list().map(resources_ledger/* resourceKey */.ik));
    const key = await makeKey(log, name);
    const prepared = { name, tags, key, cidr: '', groupId: '', before };
    try {
        prepared.cidr = await (0,runner_address/* runnerCidr */.D)('smoke', options.allowedCidr, deps.publicIp);
        notCancelled(signal);
        await (0,instance/* importKey */.Fh)(deps, options.region, name, key.publicKey, tags);
        const vpcId = await (0,instance/* resolveVpc */.O5)(ec2, options.subnetId);
        notCancelled(signal);
        prepared.groupId = await (0,instance/* createSecurityGroup */.ij)(deps, options.region, name, vpcId, prepared.cidr, [options.sshPort, options.httpPort], tags);
        log.info(`Smoke test ${name}: key pair and security group ${prepared.groupId} ready, reachable from ${prepared.cidr} only.`);
        return prepared;
    }
    catch (error) {
        await finishSmokeTest(prepared, given);
        throw error;
    }
}
function notCancelled(signal) {
    if (signal?.aborted)
        throw new errors/* StepError */.zg('smoke', 'Cancelled.');
}
/**
 * Launches one instance from the AMI, checks it over SSH, and removes every
 * trace before returning or throwing, what `prepared` made included (prepared
 * here when not given). Each resource is in the ledger before the call that
 * creates it, so the post step can finish if this run dies.
 */
async function runSmokeTest(options, given, prepared) {
    const { log, signal } = given;
    // Waiting and checking stop at a cancel; teardown keeps the real clock.
    const deps = { ...given, clock: (0,lib_clock/* abortable */.Z)(given.clock ?? lib_clock/* realClock */.d, signal) };
    const ready = prepared ?? (await prepareSmokeTest(options, given));
    const { name, key, tags, groupId } = ready;
    const report = { ok: false, hostKeyPinned: false, checks: [] };
    try {
        notCancelled(signal);
        log.info(`Smoke test ${name}: ${options.instanceType} from ${options.amiId}.`);
        const instanceId = await (0,instance/* launchInstance */.Dj)(deps, {
            region: options.region,
            amiId: options.amiId,
            instanceType: options.instanceType,
            keyName: name,
            groupId,
            subnetId: options.subnetId,
            tags,
            publicAddress: options.address !== 'private',
            kmsKeyId: options.kmsKeyId,
        });
        report.instanceId = instanceId;
        const address = await (0,instance/* waitForRunning */.Gh)(deps, instanceId, options.deadline, options.address);
        report.publicAddress = address;
        log.info(`Instance ${instanceId} is running at ${address}.`);
        const knownHostsPath = external_node_path_.join(key.dir, 'known_hosts');
        const target = { host: address, port: options.sshPort, user: options.sshUser, keyPath: key.privateKeyPath };
        const { pinned } = await connect(target, knownHostsPath, instanceId, deps, options.deadline);
        report.hostKeyPinned = pinned;
        report.checks = await checkHost({
            target: { ...target, knownHostsPath },
            httpUrl: `http://${address.includes(':') ? `[${address}]` : address}:${options.httpPort}`,
            spec: options.spec,
            userScript: options.userScript,
            // The run's unique name makes the version unique too, so the HTTP check cannot be fooled by an earlier deploy.
            version: name.replace(/^eb-platform-/, ''),
            deadline: options.deadline,
            signal,
            controlDir: key.dir,
        }, log, deps.clock);
        report.ok = report.checks.every((c) => c.ok);
        return report;
    }
    finally {
        await finishSmokeTest(ready, given);
    }
}
/** Removes the key and what the smoke test made: the instance and the key pair at once, the security group once the instance is gone. */
async function finishSmokeTest(prepared, given) {
    const { ec2, ledger, log } = given;
    const clock = given.clock ?? lib_clock/* realClock */.d;
    prepared.key.cleanup();
    const mine = ledger.list().filter((r) => SMOKE_KINDS.has(r.kind) && !prepared.before.has((0,resources_ledger/* resourceKey */.ik)(r)));
    await (0,removal_order/* removeConcurrently */.v)(mine, async (resource) => {
        try {
            await teardownSmokeResource(resource, { ec2, ledger, log, clock });
        }
        catch (error) {
            log.error(`Could not remove ${resource.kind}: ${(0,errors/* describeError */.Uc)(error)} (the post step tries again)`);
        }
    });
}


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
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6676);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);
/* harmony import */ var _resources_ledger__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(428);







/** Runs an EC2 call; a failure becomes one StepError that says what was being done. */
async function failsAs(what, call) {
    try {
        return await call();
    }
    catch (error) {
        if (error instanceof _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg)
            throw error;
        const hint = (0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error).startsWith('UnauthorizedOperation') ? '\nThe credentials lack this EC2 permission.' : '';
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
    const keyPairId = await (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_4__/* .creating */ .SP)(deps.ledger, resource, () => failsAs(`Importing the run's SSH key as key pair ${keyName}`, async () => {
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
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) !== 'InvalidKeyPair.Duplicate')
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
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) !== 'InvalidSubnetID.NotFound')
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
    const groupId = await (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_4__/* .creating */ .SP)(deps.ledger, resource, () => failsAs(`Creating security group ${groupName} in ${vpcId}`, async () => {
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
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) !== 'InvalidGroup.Duplicate')
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
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) !== 'InvalidPermission.Duplicate')
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
        const hint = LAUNCH_HINTS[(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error)];
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
            if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .errorCode */ .CA)(error) !== 'InvalidInstanceID.NotFound' && !(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_3__/* .isTransient */ .dg)(error))
                throw error;
        }
        await (0,_lib_retry__WEBPACK_IMPORTED_MODULE_6__/* .sleepWithin */ .j)(clock, pause.next(), deadline);
    }
    throw new _lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg('smoke', `Instance ${instanceId} was still ${state} at the deadline.`);
}


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
//# sourceMappingURL=987.index.js.map