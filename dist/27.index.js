"use strict";
exports.id = 27;
exports.ids = [27];
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

/***/ 9639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ kindOf),
/* harmony export */   Kd: () => (/* binding */ inTable),
/* harmony export */   vI: () => (/* binding */ removeConcurrently)
/* harmony export */ });
/** The entry for a resource's kind, typed for that resource. */
function kindOf(table, r) {
    const kind = table[r.kind];
    if (!kind)
        throw new Error(`no entry for resource kind ${r.kind}`);
    return kind;
}
/** Whether the table has an entry for the resource's kind (a feature's own table holds only its kinds). */
const inTable = (table, r) => r.kind in table;
/**
 * Runs `remove` on each resource, all at once except what must wait: a kind
 * waits for every removal of the kinds its entry names in `after`. Returns the
 * results in the order given; `remove` reports its own failures in what it
 * returns.
 */
function removeConcurrently(resources, table, remove) {
    const started = new Map();
    const run = (r) => {
        let done = started.get(r);
        if (!done) {
            const waitsFor = table[r.kind]?.after ?? [];
            const first = resources.filter((x) => x !== r && waitsFor.includes(x.kind));
            done = Promise.allSettled(first.map(run)).then(() => remove(r));
            started.set(r, done);
        }
        return done;
    };
    return Promise.all(resources.map(run));
}


/***/ }),

/***/ 2027:
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
  teardownSmokeResource: () => (/* reexport */ teardown/* teardownSmokeResource */.u),
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
// EXTERNAL MODULE: ./src/resources/kind.ts
var kind = __webpack_require__(9639);
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
 * One attempt to pin the host keys: from the console, from sshd where they
 * match the fingerprints the console printed, or (sshd answered, the console
 * stayed silent past the grace period or the deadline is near) on first use.
 */
async function pinHostKeys(w, instanceId, deps, deadline) {
    const clock = deps.clock ?? lib_clock/* realClock */.d;
    const { target, knownHostsPath } = w;
    const { log } = deps;
    const { text, error: consoleError } = await consoleText(deps.ec2, instanceId);
    const keys = hostKeysFromConsole(text);
    if (keys.length) {
        writeKnownHosts(knownHostsPath, target.host, target.port, keys);
        w.pinned = true;
        log.info(`Pinned ${keys.length} host key(s) from the instance's console output: ${describeKeys(keys)}.`);
        return;
    }
    const prints = hostFingerprintsFromConsole(text);
    const offered = await scanHostKeys(target.host, target.port);
    if (!offered.length)
        return;
    w.firstAnswer ??= clock.now();
    if (prints.length) {
        const vouched = offered.filter((k) => matchesFingerprint(k, prints));
        if (!vouched.length) {
            throw new errors/* StepError */.zg('smoke', `SSH to ${w.where} refused: host key mismatch. None of the host keys sshd offers (${offered.map((k) => fingerprint(k)).join(', ')}) ` +
                `matches the fingerprints the instance printed to its console (${prints.join(', ')}). Someone may be in the middle.`);
        }
        writeKnownHosts(knownHostsPath, target.host, target.port, vouched);
        w.pinned = true;
        log.info(`Pinned ${vouched.length} host key(s) that match the fingerprints in the instance's console output: ${describeKeys(vouched)}.`);
    }
    else if (clock.now() - w.firstAnswer >= (deps.consoleGraceMs ?? 180_000) || deadline - clock.now() <= 60_000) {
        writeKnownHosts(knownHostsPath, target.host, target.port, offered);
        w.pinned = false;
        log.warning(`${consoleError ? `The instance's console could not be read (${consoleError})` : 'The instance printed no host keys or fingerprints to its console'}, so its SSH host key was trusted on first use ` +
            `(${describeKeys(offered)}), not verified.`);
    }
}
/** One login with the pinned keys; true once it works. */
async function tryLogin(w, deps) {
    const r = await sshRun({ ...w.target, knownHostsPath: w.knownHostsPath }, 'true', { timeoutMs: 30_000, signal: deps.signal });
    w.last = classifySshFailure(r);
    w.lastError = r.stderr.trim();
    if (w.last === 'ok')
        return true;
    if (w.last !== 'unreachable')
        w.firstAnswer ??= (deps.clock ?? lib_clock/* realClock */.d).now();
    if (w.last === 'host key mismatch') {
        throw new errors/* StepError */.zg('smoke', `SSH to ${w.where} refused: host key mismatch. The server's key is not the one ${w.pinned ? 'the instance printed to its console' : 'it showed first'}. Someone may be in the middle.\n${w.lastError}`);
    }
    return false;
}
/** The error for a wait that reached its deadline: what sshd did, what the console says of it, and the console's last lines. */
async function notUsable(w, instanceId, deps) {
    const { text, error: unreadable } = await consoleText(deps.ec2, instanceId);
    const trouble = sshdTrouble(text);
    const what = w.last === 'refused'
        ? `sshd answered but refused the run's key for user '${w.target.user}' (check ssh-user: Ubuntu images use 'ubuntu') (${w.lastError})`
        : w.last === 'dropped'
            ? `sshd accepted connections but closed them before authentication (${w.lastError})`
            : w.firstAnswer === undefined
                ? 'sshd never answered'
                : w.pinned === undefined
                    ? 'sshd answered but no host key could be pinned'
                    : `sshd stopped answering (${w.lastError || 'no error text'})`;
    const because = trouble
        ? ` The console says: ${trouble}.`
        : w.firstAnswer === undefined
            ? ' The console shows no sshd failure: a slow boot, or a network path (subnet, route, security group) that does not reach it.'
            : '';
    const consoleTail = tail(text, 40);
    return new errors/* StepError */.zg('smoke', `SSH to ${w.where} was not usable by the deadline: ${what}.${because}`, consoleTail.length
        ? ['The last lines of the instance console:', ...consoleTail.map((l) => `  ${l}`)]
        : [unreadable ? `The instance console could not be read (${unreadable}).` : 'The instance console was empty.']);
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
    const w = { target, knownHostsPath, where: `${target.host}:${target.port}`, last: 'unreachable', lastError: '' };
    const pause = (0,retry/* backoff */.J)(3_000, 15_000);
    const started = clock.now();
    let quietSince = started;
    while (clock.now() < deadline) {
        if (w.pinned === undefined)
            await pinHostKeys(w, instanceId, deps, deadline);
        if (w.pinned !== undefined && (await tryLogin(w, deps)))
            return { pinned: w.pinned };
        const left = deadline - clock.now();
        if (left <= 0)
            break;
        // A boot takes minutes on some instance types: one line a minute so the wait never looks hung.
        if (clock.now() - quietSince >= 60_000) {
            quietSince = clock.now();
            deps.log.info(`Still waiting for SSH on ${w.where} after ${(0,duration/* duration */.p)(clock.now() - started)}: ${waitingFor(w.firstAnswer !== undefined, w.pinned, w.last)}.`);
        }
        await clock.sleep(Math.min(pause.next(), left));
    }
    throw await notUsable(w, instanceId, deps);
}

// EXTERNAL MODULE: ./src/smoke/instance.ts
var instance = __webpack_require__(7118);
// EXTERNAL MODULE: ./src/smoke/runner-address.ts
var runner_address = __webpack_require__(1958);
;// CONCATENATED MODULE: ./src/smoke/inventory.ts
/**
 * What a booted image holds, read on the instance over SSH while the smoke
 * test is there: the OS release, the running kernel, every installed package
 * with its version (dpkg on Debian-family images, rpm where that is the
 * package manager), the Docker engine, and the platform's own release file.
 * Nothing is taken from the repository.
 */

/**
 * One POSIX shell run, sections marked by `== NAME` lines. `dpkg-query` lists
 * only installed packages (status `ii` or held `hi`); `rpm -qa` lists what the
 * rpm database holds, with the epoch where there is one. `sudo -n` reads the
 * Docker daemon where the login user is not in the docker group.
 */
const INVENTORY_SCRIPT = [
    'echo "== os-release"; cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null',
    'echo "== kernel"; uname -r',
    'echo "== machine"; uname -m',
    'echo "== platform"; cat /etc/eb-platform-release 2>/dev/null',
    'echo "== docker"; { docker version --format "{{.Server.Version}}" 2>/dev/null || sudo -n docker version --format "{{.Server.Version}}" 2>/dev/null; } | head -n 1',
    'if command -v dpkg-query >/dev/null 2>&1; then echo "== dpkg"; dpkg-query -W -f \'${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Architecture}\\n\'',
    'elif command -v rpm >/dev/null 2>&1; then echo "== rpm"; rpm -qa --qf \'ii \\t%{NAME}\\t%|EPOCH?{%{EPOCH}:}|%{VERSION}-%{RELEASE}\\t%{ARCH}\\n\'; fi',
    'echo "== end"',
].join('\n');
function sections(text) {
    const out = new Map();
    let current;
    for (const line of text.split('\n')) {
        const head = /^== (\S+)$/.exec(line);
        if (head)
            out.set(head[1], (current = []));
        else
            current?.push(line);
    }
    return out;
}
/** KEY=value lines, with the shell quoting os-release allows taken off. */
function keyValues(lines = []) {
    const out = {};
    for (const line of lines) {
        const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
        if (m)
            out[m[1]] = m[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
    }
    return out;
}
/** Reads the script's output; undefined when it did not run to its end. */
function parseInventory(text) {
    const s = sections(text);
    if (!s.has('end'))
        return undefined;
    const manager = s.has('dpkg') ? 'dpkg' : s.has('rpm') ? 'rpm' : undefined;
    const packages = (manager ? (s.get(manager) ?? []) : [])
        .map((l) => l.split('\t'))
        .filter((f) => f.length >= 4 && /^[ih]i/.test(f[0]) && f[1])
        .map(([, name, version, arch]) => ({ name, version, arch }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.arch.localeCompare(b.arch));
    const platform = keyValues(s.get('platform'));
    return {
        os: keyValues(s.get('os-release')),
        kernel: (s.get('kernel') ?? [])[0]?.trim() ?? '',
        machine: (s.get('machine') ?? [])[0]?.trim() ?? '',
        packageManager: manager,
        packages,
        docker: (s.get('docker') ?? [])[0]?.trim() || packages.find((p) => p.name === 'docker-ce' || p.name === 'docker.io')?.version,
        platform: Object.keys(platform).length ? platform : undefined,
    };
}
/** Reads the inventory of the host behind `target`. */
async function collectInventory(target, signal) {
    const r = await sshRun(target, 'sh -s', { input: INVENTORY_SCRIPT, timeoutMs: 120_000, signal });
    const inventory = r.code === 0 ? parseInventory(r.stdout) : undefined;
    if (!inventory)
        throw new Error(`reading the installed packages failed (exit ${r.code}): ${r.stderr.trim().split('\n').slice(-3).join(' ') || 'no output'}`);
    return inventory;
}

// EXTERNAL MODULE: ./src/smoke/teardown.ts
var teardown = __webpack_require__(3357);
;// CONCATENATED MODULE: ./src/smoke/index.ts
















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
        // While the instance is there: what the image holds, for its SBOM. A failure here is the SBOM's, not the image's.
        if (report.ok)
            report.inventory = await collectInventory({ ...target, knownHostsPath }, signal).catch((error) => {
                log.warning(`No SBOM: ${(0,errors/* describeError */.Uc)(error)}.`);
                return undefined;
            });
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
    const mine = ledger.list().filter((r) => (0,kind/* inTable */.Kd)(teardown/* SMOKE_KINDS */.E, r) && !prepared.before.has((0,resources_ledger/* resourceKey */.ik)(r)));
    await (0,kind/* removeConcurrently */.vI)(mine, teardown/* SMOKE_KINDS */.E, async (resource) => {
        try {
            await (0,teardown/* teardownSmokeResource */.u)(resource, { ec2, ledger, log, clock });
        }
        catch (error) {
            log.error(`Could not remove ${(0,kind/* kindOf */.I)(teardown/* SMOKE_KINDS */.E, resource).describe(resource)}: ${(0,errors/* describeError */.Uc)(error)} (the post step tries again)`);
        }
    });
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


/***/ }),

/***/ 3357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ SMOKE_KINDS),
/* harmony export */   u: () => (/* binding */ teardownSmokeResource)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5193);
/* harmony import */ var _lib_clock__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4517);
/* harmony import */ var _lib_paginate__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6402);
/* harmony import */ var _resources_kind__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9639);
/* harmony import */ var _resources_ec2_delete__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(599);
/* harmony import */ var _resources_states__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7391);
/* harmony import */ var _instance__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7118);
/**
 * The smoke test's kinds of resource (its instance, security group and key
 * pair): how each is described, removed from whatever the ledger knew when the
 * run ended or died, and found when an ended run left it.
 */







/** Removes through `teardownSmokeResource`, with the region's EC2. */
const removeWith = (r, env) => teardownSmokeResource(r, { ec2: env.clientsFor(r.region).get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.EC2Client), ledger: env.ledger, log: env.log, clock: env.clock }).then(() => 'deleted');
const instance = {
    describe: (r) => `instance ${r.instanceId ?? `with client token ${r.clientToken}`} (${r.region})`,
    identified: (r) => !!r.instanceId,
    async removeOnce(r, deps, clock) {
        await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_4__/* .terminateInstances */ .ch)(deps.ec2, await instanceIds(deps.ec2, r), deps.log, clock);
    },
    remove: removeWith,
    async tagged(clients, region, filters) {
        const ec2 = clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.EC2Client);
        const pages = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_1__/* .allPages */ .S)('DescribeInstances', async (token) => {
            const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeInstancesCommand({ Filters: [...filters, { Name: 'instance-state-name', Values: _resources_states__WEBPACK_IMPORTED_MODULE_5__/* .LIVE_INSTANCE_STATES */ .W }], NextToken: token }));
            return { items: page.Reservations, next: page.NextToken };
        });
        return pages
            .flatMap((p) => p.Instances ?? [])
            .map((i) => ({
            record: { kind: 'instance', region, clientToken: i.ClientToken || i.InstanceId, instanceId: i.InstanceId },
            tags: i.Tags,
        }));
    },
};
const securityGroup = {
    describe: (r) => `security group ${r.groupId ?? r.groupName} (${r.region})`,
    // An instance may still hold the group until it is terminated.
    after: ['instance'],
    identified: (r) => !!r.groupId,
    async removeOnce(r, deps, clock) {
        const groupId = r.groupId ?? (await (0,_instance__WEBPACK_IMPORTED_MODULE_2__/* .findGroup */ .$B)(deps.ec2, r.groupName, r.vpcId));
        if (groupId)
            await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_4__/* .deleteSecurityGroup */ .dl)(deps.ec2, groupId, deps.log, clock);
    },
    remove: removeWith,
    async tagged(clients, region, filters) {
        const ec2 = clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.EC2Client);
        const groups = await (0,_lib_paginate__WEBPACK_IMPORTED_MODULE_1__/* .allPages */ .S)('DescribeSecurityGroups', async (token) => {
            const page = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeSecurityGroupsCommand({ Filters: filters, NextToken: token }));
            return { items: page.SecurityGroups, next: page.NextToken };
        });
        return groups.map((g) => ({
            record: { kind: 'security-group', region, groupName: g.GroupName, vpcId: g.VpcId, groupId: g.GroupId },
            tags: g.Tags,
        }));
    },
};
const keyPair = {
    describe: (r) => `key pair ${r.keyName} (${r.region})`,
    identified: (r) => !!r.keyPairId,
    async removeOnce(r, deps) {
        await (0,_resources_ec2_delete__WEBPACK_IMPORTED_MODULE_4__/* .deleteKeyPair */ .z9)(deps.ec2, r.keyName);
    },
    remove: removeWith,
    async tagged(clients, region, filters) {
        const keys = (await clients.get(_aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.EC2Client).send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeKeyPairsCommand({ Filters: filters }))).KeyPairs ?? [];
        return keys.map((k) => ({ record: { kind: 'key-pair', region, keyName: k.KeyName, keyPairId: k.KeyPairId }, tags: k.Tags }));
    },
};
/** The smoke test's kinds: what it made, and only that, is its own to remove. */
const SMOKE_KINDS = { instance, 'security-group': securityGroup, 'key-pair': keyPair };
async function instanceIds(ec2, r) {
    if (r.instanceId)
        return [r.instanceId];
    const out = await ec2.send(new _aws_sdk_client_ec2__WEBPACK_IMPORTED_MODULE_3__.DescribeInstancesCommand({ Filters: [{ Name: 'client-token', Values: [r.clientToken] }] }));
    return (out.Reservations ?? [])
        .flatMap((res) => res.Instances ?? [])
        .filter((i) => i.State?.Name !== 'terminated')
        .map((i) => i.InstanceId);
}
/**
 * Deletes one recorded smoke-test resource and releases it from the ledger.
 * Works from whatever the ledger knew when the run died: a client token, a
 * group name. Something already gone is success.
 */
async function teardownSmokeResource(resource, deps) {
    const clock = deps.clock ?? _lib_clock__WEBPACK_IMPORTED_MODULE_0__/* .realClock */ .d;
    const kind = (0,_resources_kind__WEBPACK_IMPORTED_MODULE_6__/* .kindOf */ .I)(SMOKE_KINDS, resource);
    await kind.removeOnce(resource, deps, clock);
    // Without an id, the creating call's fate is unknown: a request sent just before the run died
    // can still land after the first look. Look once more a little later.
    if (!kind.identified(resource)) {
        await clock.sleep(deps.doubtMs ?? 15_000);
        await kind.removeOnce(resource, deps, clock);
    }
    deps.ledger.release(resource);
    deps.log.info(`Removed ${kind.describe(resource)}.`);
}


/***/ })

};
;
//# sourceMappingURL=27.index.js.map