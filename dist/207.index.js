"use strict";
exports.id = 207;
exports.ids = [207];
exports.modules = {

/***/ 1207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ newReport),
  a: () => (/* binding */ runPipeline)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(4517);
// EXTERNAL MODULE: ./src/lib/errors.ts
var lib_errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/inputs.ts + 2 modules
var src_inputs = __webpack_require__(8141);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/platform/ignore.ts
function escapeRegex(ch) {
    return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}
/** Translates one gitwildmatch pattern into a regular expression over a relative posix path. */
function compilePattern(raw) {
    let pattern = raw.replace(/(?<!\\)\s+$/, '');
    if (!pattern || pattern.startsWith('#'))
        return undefined;
    let negate = false;
    if (pattern.startsWith('!')) {
        negate = true;
        pattern = pattern.slice(1);
    }
    else if (pattern.startsWith('\\!') || pattern.startsWith('\\#')) {
        pattern = pattern.slice(1);
    }
    if (!pattern)
        return undefined;
    const dirOnly = pattern.endsWith('/') && pattern !== '/';
    if (dirOnly)
        pattern = pattern.replace(/\/+$/, '');
    // A slash anywhere but the end anchors the pattern to the directory's root.
    const anchored = pattern.includes('/');
    pattern = pattern.replace(/^\//, '');
    let re = '';
    const parts = pattern.split('/');
    parts.forEach((part, i) => {
        const last = i === parts.length - 1;
        if (part === '**') {
            if (last)
                re += '.*';
            else
                re += '(?:.*/)?';
            return;
        }
        for (let j = 0; j < part.length; j++) {
            const ch = part[j];
            if (ch === '\\' && j + 1 < part.length) {
                re += escapeRegex(part[++j]);
            }
            else if (ch === '*') {
                re += '[^/]*';
            }
            else if (ch === '?') {
                re += '[^/]';
            }
            else if (ch === '[') {
                const close = part.indexOf(']', j + 2);
                if (close < 0) {
                    re += '\\[';
                    continue;
                }
                let body = part.slice(j + 1, close);
                if (body.startsWith('!'))
                    body = '^' + body.slice(1);
                re += `[${body.replace(/\\/g, '\\\\')}]`;
                j = close;
            }
            else {
                re += escapeRegex(ch);
            }
        }
        if (!last)
            re += '/';
    });
    const prefix = anchored ? '^' : '^(?:.*/)?';
    // A directory pattern matches what is inside it; a plain one matches the path or anything below it.
    const suffix = dirOnly ? '/.*$' : '(?:/.*)?$';
    return { negate, regex: new RegExp(prefix + re + suffix), source: raw };
}
function parseIgnore(text) {
    return text
        .split(/\r?\n/)
        .map(compilePattern)
        .filter((r) => r !== undefined);
}
function isIgnored(rules, relPath) {
    return ignoringRule(rules, relPath) !== undefined;
}
/** The rule that leaves `relPath` out (the last that matches, when it is not a negation), or undefined. */
function ignoringRule(rules, relPath) {
    let last;
    for (const rule of rules)
        if (rule.regex.test(relPath))
            last = rule;
    return last && !last.negate ? last : undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/platform/zip.ts




/** 1980-01-01 00:00, the earliest DOS time: every entry gets it, so checkout times never reach the bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MADE_BY_UNIX = 3 << 8;
const VERSION = 20;
const UTF8 = 1 << 11;
const DEFLATE_LEVEL = 9;
const STORED = 0;
const DEFLATED = 8;
/** CRC-32 as zip wants it: zlib's own where Node has it (20.15 and later), a table otherwise. */
const crc32 = typeof external_node_zlib_.crc32 === 'function' ? external_node_zlib_.crc32 : tableCrc32();
function tableCrc32() {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return (data, crc) => {
        let c = ~crc >>> 0;
        for (let i = 0; i < data.length; i++)
            c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
        return ~c >>> 0;
    };
}
const deflateRaw = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
/**
 * Reads the file once, then takes its CRC and deflates it in one call on
 * libuv's threads (one job per file, so several files compress at once and
 * none pays a round trip per chunk). Stored beats deflate for data that does
 * not compress (already zipped, random).
 */
async function encodeFile(source) {
    const data = await external_node_fs_.promises.readFile(source);
    const crc = crc32(data, 0);
    const compressed = await deflateRaw(data, { level: DEFLATE_LEVEL });
    return compressed.length < data.length
        ? { crc, size: data.length, method: DEFLATED, body: compressed }
        : { crc, size: data.length, method: STORED, body: data };
}
/** How many files are read and compressed ahead of the one being written, and how many bytes of them may wait in memory. */
const AHEAD = 16;
const AHEAD_BYTES = 32 * 1024 * 1024;
/** An entry's local file header. */
function localHeader(name, encoded) {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(UTF8, 6);
    header.writeUInt16LE(encoded.method, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(encoded.crc, 14);
    header.writeUInt32LE(encoded.body.length, 18);
    header.writeUInt32LE(encoded.size, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    return header;
}
/** An entry's record in the central directory (without its name, which follows it). */
function centralRecord(w) {
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(MADE_BY_UNIX | VERSION, 4);
    c.writeUInt16LE(VERSION, 6);
    c.writeUInt16LE(UTF8, 8);
    c.writeUInt16LE(w.method, 10);
    c.writeUInt16LE(DOS_TIME, 12);
    c.writeUInt16LE(DOS_DATE, 14);
    c.writeUInt32LE(w.crc, 16);
    c.writeUInt32LE(w.bodyBytes, 20);
    c.writeUInt32LE(w.size, 24);
    c.writeUInt16LE(w.name.length, 28);
    c.writeUInt16LE(0, 30);
    c.writeUInt16LE(0, 32);
    c.writeUInt16LE(0, 34);
    c.writeUInt16LE(0, 36);
    // Unix mode in the high half: regular file plus permission bits.
    c.writeUInt32LE(((0o100000 | w.mode) << 16) >>> 0, 38);
    c.writeUInt32LE(w.offset, 42);
    return c;
}
/** The end of central directory record. */
function endRecord(count, centralStart, centralBytes) {
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(count, 8);
    end.writeUInt16LE(count, 10);
    end.writeUInt32LE(centralBytes, 12);
    end.writeUInt32LE(centralStart, 16);
    return end;
}
/**
 * Files being read and compressed ahead of the writer, in zip order, at most
 * AHEAD of them and AHEAD_BYTES of their bytes (always at least one).
 */
function readAhead(entries, encode) {
    const ahead = [];
    let next = 0;
    let aheadBytes = 0;
    const fill = () => {
        while (next < entries.length && ahead.length < AHEAD && (ahead.length === 0 || aheadBytes + entries[next].size <= AHEAD_BYTES)) {
            const encoded = encode(entries[next].source);
            // A failure is met in order by the writer; this only keeps Node from calling it unhandled meanwhile.
            encoded.catch(() => undefined);
            ahead.push({ encoded, size: entries[next].size });
            aheadBytes += entries[next].size;
            next++;
        }
    };
    return {
        /** The next entry's encoding, in zip order. */
        async take() {
            fill();
            const head = ahead.shift();
            const encoded = await head.encoded;
            aheadBytes -= head.size;
            fill();
            return encoded;
        },
        /** Lets encodings still running finish, unread (a write failed: the bundle too big). */
        settle: () => Promise.allSettled(ahead.map((a) => a.encoded)),
    };
}
/**
 * Writes a zip of `entries`, in the order given, and returns its SHA-256 and
 * size. Only what the content decides reaches the bytes: fixed times,
 * normalised modes, a fixed deflate level. Files are encoded a few at a time
 * ahead of the writer; their order in the zip is `entries`' order.
 */
async function writeZip(outPath, entries, maxBytes, onTooBig, encode = encodeFile) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const fd = external_node_fs_.openSync(outPath, 'w');
    let offset = 0;
    const write = (buf) => {
        if (offset + buf.length > maxBytes)
            throw onTooBig(offset + buf.length);
        external_node_fs_.writeSync(fd, buf);
        hash.update(buf);
        offset += buf.length;
    };
    const written = [];
    const encodings = readAhead(entries, encode);
    try {
        for (const entry of entries) {
            const encoded = await encodings.take();
            const name = Buffer.from(entry.name, 'utf8');
            const at = offset;
            write(localHeader(name, encoded));
            write(name);
            write(encoded.body);
            written.push({ name, offset: at, mode: entry.mode, crc: encoded.crc, size: encoded.size, method: encoded.method, bodyBytes: encoded.body.length });
        }
        const centralStart = offset;
        for (const w of written) {
            write(centralRecord(w));
            write(w.name);
        }
        write(endRecord(written.length, centralStart, offset - centralStart));
    }
    finally {
        external_node_fs_.closeSync(fd);
        await encodings.settle();
    }
    return { sha256: hash.digest('hex'), bytes: offset };
}

// EXTERNAL MODULE: ./src/lib/paths.ts
var paths = __webpack_require__(2308);
;// CONCATENATED MODULE: ./src/platform/bundle.ts






/** Never part of a platform bundle, whatever `.ebignore` says. */
const ALWAYS_EXCLUDED = /^(?:\.git|\.elasticbeanstalk)(?:\/|$)|^\.ebignore$/;
/**
 * Left out when the platform directory is the repository's root, unless `.ebignore` takes them
 * back with a `!` line: the workflows and installed packages are not the platform.
 */
const ROOT_DEFAULTS = ['.github/', 'node_modules/'];
const MAX_ENTRIES = 65_535;
/** Every file under `dir` as a sorted relative posix path, refusing symlinks and anything that is not a plain file. */
function walk(dir) {
    const found = [];
    const visit = (abs, rel) => {
        for (const name of external_node_fs_.readdirSync(abs)) {
            const full = external_node_path_.join(abs, name);
            const relPath = rel ? `${rel}/${name}` : name;
            if (ALWAYS_EXCLUDED.test(relPath))
                continue;
            const st = external_node_fs_.lstatSync(full);
            if (st.isSymbolicLink()) {
                throw new lib_errors/* InputError */.dz('platform-dir', `${relPath} is a symbolic link (to ${external_node_fs_.readlinkSync(full)}): expected plain files only, since a link may point outside the platform directory; copy the file in or exclude it in .ebignore`);
            }
            if (st.isDirectory())
                visit(full, relPath);
            else if (st.isFile())
                found.push({ rel: relPath, full, mode: st.mode, size: st.size });
            else
                throw new lib_errors/* InputError */.dz('platform-dir', `${relPath} is not a regular file or directory: expected plain files only`);
        }
    };
    visit(dir, '');
    return found;
}
/**
 * The platform directory as a deterministic zip: sorted entries, fixed
 * timestamps, modes normalised to 0755/0644 so scripts stay executable
 * whatever the checkout's umask, `.ebignore` applied as the EB CLI does.
 */
async function packagePlatform(dir, outPath, options) {
    let st;
    try {
        st = external_node_fs_.statSync(dir);
    }
    catch {
        throw new lib_errors/* InputError */.dz('platform-dir', `${dir} does not exist: expected the directory holding platform.yaml`);
    }
    if (!st.isDirectory())
        throw new lib_errors/* InputError */.dz('platform-dir', `${dir} is not a directory: expected the directory holding platform.yaml`);
    const root = external_node_fs_.realpathSync(dir);
    const rules = ignoreRules(root, options.repositoryRoot);
    const all = walk(root);
    const files = all.filter((f) => !ignoringRule(rules, f.rel)).sort((a, b) => Buffer.compare(Buffer.from(a.rel), Buffer.from(b.rel)));
    const leftOut = options.repositoryRoot
        ? ROOT_DEFAULTS.map((d) => [d, all.filter((f) => f.rel.startsWith(d) && ignoringRule(rules, f.rel)?.source === d).length])
            .filter(([, n]) => n > 0)
            .map(([d, n]) => `${d}: ${n} file${n === 1 ? '' : 's'}`)
        : [];
    if (!files.length)
        throw new lib_errors/* InputError */.dz('platform-dir', `${dir} holds no files to package: expected platform.yaml, the Packer template and the builder scripts`);
    if (files.length > MAX_ENTRIES)
        throw new lib_errors/* InputError */.dz('platform-dir', `${dir} holds ${files.length} files: expected at most ${MAX_ENTRIES}`);
    for (const f of files) {
        // Defence in depth: nothing resolved through the walk may leave the root.
        if (!(0,paths/* isInside */.F)(root, external_node_fs_.realpathSync(f.full)))
            throw new lib_errors/* InputError */.dz('platform-dir', `${f.rel} resolves outside ${dir}: expected paths inside the platform directory`);
    }
    const limitMb = options.maxBytes / 1024 / 1024;
    const tooBig = (bytes) => new lib_errors/* InputError */.dz('max-bundle-size-mb', `the bundle of ${dir} exceeds ${limitMb} MiB (${(bytes / 1024 / 1024).toFixed(1)} MiB written so far, ${(files.reduce((s, f) => s + f.size, 0) / 1024 / 1024).toFixed(1)} MiB of files): exclude what the build does not need in ${external_node_path_.join(dir, '.ebignore')}, or raise max-bundle-size-mb`);
    const entries = files.map((f) => ({ name: f.rel, source: f.full, mode: f.mode & 0o111 ? 0o755 : 0o644, size: f.size }));
    external_node_fs_.mkdirSync(external_node_path_.dirname(outPath), { recursive: true });
    try {
        const { sha256, bytes } = await writeZip(outPath, entries, options.maxBytes, tooBig);
        return { path: outPath, sha256, bytes, files: entries.map((e) => e.name), leftOut };
    }
    catch (error) {
        external_node_fs_.rmSync(outPath, { force: true });
        throw error;
    }
}
/** `.ebignore`'s rules, after the repository-root defaults when the platform directory is the root. */
function ignoreRules(root, repositoryRoot = false) {
    const ignoreFile = external_node_path_.join(root, '.ebignore');
    const own = external_node_fs_.existsSync(ignoreFile) ? parseIgnore(external_node_fs_.readFileSync(ignoreFile, 'utf8')) : [];
    return repositoryRoot ? [...parseIgnore(ROOT_DEFAULTS.join('\n')), ...own] : own;
}
/**
 * Why a file of the platform directory is not in its bundle: which rule left it out, or undefined
 * when the directory has no such file either.
 */
function leftOutOfBundle(dir, rel, repositoryRoot = false) {
    const full = external_node_path_.join(dir, rel);
    if (!external_node_fs_.existsSync(full))
        return undefined;
    if (ALWAYS_EXCLUDED.test(rel))
        return 'is never packaged (.git, .elasticbeanstalk and .ebignore stay out of every bundle)';
    const rule = ignoringRule(ignoreRules(dir, repositoryRoot), external_node_fs_.statSync(full).isDirectory() ? `${rel}/x` : rel);
    if (!rule)
        return undefined;
    return ROOT_DEFAULTS.includes(rule.source) && repositoryRoot
        ? `is left out of the bundle: ${rule.source} is not packaged from a repository's root unless .ebignore takes it back with !${rule.source}`
        : `is left out of the bundle by .ebignore's line '${rule.source}'`;
}
/** Whether `dir` is a repository's top: the workspace GitHub checked out, or a directory holding .git. */
function isRepositoryRoot(dir, env = process.env) {
    const workspace = external_node_path_.resolve(env.GITHUB_WORKSPACE || process.cwd());
    return external_node_path_.resolve(dir) === workspace || external_node_fs_.existsSync(external_node_path_.join(dir, '.git'));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/platform/smoke-spec.ts
var smoke_spec = __webpack_require__(1916);
;// CONCATENATED MODULE: ./src/platform/definition.ts
/**
 * platform.yaml and its Packer template, checked against what Elastic
 * Beanstalk's builder accepts before anything is packaged or sent. The schema
 * is the developer guide's "Platform.yaml file format" page; where AWS's own
 * sample platforms go beyond it, the sample is the source and says so.
 */






/** provisioner.flavor: the guide lists these; the builder has a bootstrap script for no other value. */
const FLAVORS = ['amazon', 'ubuntu1604', 'rhel7', 'rhel6'];
/** metadata keys and their length limits, from the guide. */
const METADATA_LIMITS = {
    maintainer: 100,
    description: 2000,
    operating_system_name: 50,
    operating_system_version: 20,
    programming_language_name: 50,
    programming_language_version: 20,
    framework_name: 50,
    framework_version: 20,
    // Not in the guide's list, but in AWS's own sample (aws-samples/eb-custom-platforms-samples,
    // NodePlatform_Ubuntu/platform.yaml); the API's PlatformDescription has no field for them.
    app_server_name: 50,
    app_server_version: 20,
};
/** Where a platform's own options live (guide: option_definitions' namespace is "under aws:elasticbeanstalk:container:custom"). */
const CUSTOM_NAMESPACE = /^aws:elasticbeanstalk:container:custom(?::[A-Za-z0-9_.-]+)*$/;
/**
 * The namespaces a custom platform's option_settings may use: the guide allows "options provided by
 * Elastic Beanstalk", the general options of command-options-general.md (platform-specific ones such
 * as aws:elasticbeanstalk:environment:proxy belong to AWS's own platforms), plus the platform's own.
 */
const GENERAL_NAMESPACES = [
    /^aws:autoscaling:(asg|launchconfiguration|scheduledaction|trigger|updatepolicy:rollingupdate)$/,
    /^aws:ec2:(instances|vpc)$/,
    /^aws:elasticbeanstalk:(application|application:environment|cloudwatch:logs|cloudwatch:logs:health|command|environment|hostmanager|managedactions|managedactions:platformupdate|monitoring|sns:topics|sqsd|trafficsplitting|xray|healthreporting:system)$/,
    /^aws:elasticbeanstalk:environment:process:[A-Za-z0-9_-]+$/,
    /^aws:elasticbeanstalk:environment:proxy:staticfiles$/,
    /^aws:elb:(healthcheck|listener|loadbalancer|policies)$/,
    /^aws:elb:listener:\d+$/,
    /^aws:elb:policies:[A-Za-z0-9_-]+$/,
    /^aws:elbv2:(loadbalancer|listener:default)$/,
    /^aws:elbv2:listener:\d+$/,
    /^aws:elbv2:listenerrule:[A-Za-z0-9_-]+$/,
    /^aws:rds:dbinstance$/,
];
const MAX_OPTIONS = 50;
function fail(file, what) {
    throw new lib_errors/* InputError */.dz('platform-dir', `${file}: ${what}`);
}
function asMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function scalar(value) {
    return value === null || value === undefined ? '' : String(value);
}
function readFlavor(file, provisioner) {
    if (provisioner.flavor === undefined || provisioner.flavor === null)
        return { flavor: 'amazon', given: false };
    const value = scalar(provisioner.flavor);
    if (!FLAVORS.includes(value)) {
        fail(file, `'provisioner.flavor' is '${value}': Elastic Beanstalk's builder accepts only ${FLAVORS.join(', ')} (it has a bootstrap script for no other). ` +
            `For an Ubuntu base take ubuntu1604 and pick the newer image in the template's source_ami_filter; see platform/README.md.`);
    }
    return { flavor: value, given: true };
}
function readMetadata(file, value) {
    const metadata = {};
    if (value === undefined || value === null)
        return metadata;
    const map = asMapping(value);
    if (!map)
        fail(file, "'metadata' must be a mapping");
    for (const [key, v] of Object.entries(map)) {
        const limit = METADATA_LIMITS[key];
        if (limit === undefined)
            fail(file, `'metadata.${key}' is not a platform metadata key: expected one of ${Object.keys(METADATA_LIMITS).join(', ')}`);
        if (asMapping(v) || Array.isArray(v))
            fail(file, `'metadata.${key}' must be a plain value`);
        const text = scalar(v);
        if (text.length > limit)
            fail(file, `'metadata.${key}' has ${text.length} characters: Elastic Beanstalk takes at most ${limit}`);
        metadata[key] = text;
    }
    return metadata;
}
function readOptionDefinitions(file, value) {
    const namespaces = new Set();
    if (value === undefined || value === null)
        return namespaces;
    if (!Array.isArray(value))
        fail(file, "'option_definitions' must be a list of {namespace, option_name, description, default_value}");
    if (value.length > MAX_OPTIONS)
        fail(file, `'option_definitions' defines ${value.length} options: a platform may define at most ${MAX_OPTIONS}`);
    value.forEach((item, i) => {
        const at = `'option_definitions[${i}]'`;
        const d = asMapping(item);
        if (!d)
            fail(file, `${at} must be a mapping`);
        const namespace = scalar(d.namespace);
        const name = scalar(d.option_name);
        if (!CUSTOM_NAMESPACE.test(namespace) || namespace.length > 100)
            fail(file, `${at}.namespace is '${namespace}': expected a namespace under aws:elasticbeanstalk:container:custom, up to 100 characters`);
        if (!name || name.length > 100)
            fail(file, `${at}.option_name must be 1 to 100 characters`);
        if (scalar(d.description).length > 1024)
            fail(file, `${at}.description has ${scalar(d.description).length} characters: at most 1024`);
        namespaces.add(namespace);
    });
    return namespaces;
}
function readOptionSettings(file, value, ownNamespaces) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        fail(file, "'option_settings' must be a list of {namespace, option_name, value}");
    if (value.length > MAX_OPTIONS)
        fail(file, `'option_settings' sets ${value.length} options: a platform may set at most ${MAX_OPTIONS}`);
    return value.map((item, i) => {
        const at = `'option_settings[${i}]'`;
        const s = asMapping(item);
        if (!s)
            fail(file, `${at} must be a mapping`);
        // The guide's option_settings syntax makes the namespace optional, defaulting to the application's environment.
        const namespace = scalar(s.namespace) || 'aws:elasticbeanstalk:application:environment';
        const optionName = scalar(s.option_name);
        if (!optionName)
            fail(file, `${at} lacks option_name`);
        const general = GENERAL_NAMESPACES.some((re) => re.test(namespace));
        if (!general && !ownNamespaces.has(namespace)) {
            fail(file, `${at} uses namespace '${namespace}', which a custom platform cannot set: expected one of Elastic Beanstalk's general namespaces ` +
                `(such as aws:elasticbeanstalk:application:environment or aws:autoscaling:launchconfiguration) or one the platform defines in option_definitions` +
                (/^aws:elasticbeanstalk:(container|environment:proxy$)/.test(namespace) ? ' (this one belongs to AWS-managed platforms)' : ''));
        }
        return { namespace, optionName, value: scalar(s.value) };
    });
}
function readTemplate(file, source, provisioner) {
    if (typeof provisioner.template !== 'string' || !provisioner.template)
        fail(file, "lacks 'provisioner.template': expected the Packer template's file name");
    const templateFile = provisioner.template;
    if (!(0,paths/* isInside */.F)(source.dir, templateFile))
        fail(file, `'provisioner.template' (${templateFile}) leaves the platform directory`);
    const rel = external_node_path_.relative(external_node_path_.resolve(source.dir), external_node_path_.resolve(source.dir, templateFile));
    const templatePath = external_node_path_.join(source.shown, rel);
    let text;
    try {
        text = external_node_fs_.readFileSync(external_node_path_.join(source.dir, rel), 'utf8');
    }
    catch {
        fail(file, `'provisioner.template' names ${templateFile}, which ${source.absent?.(rel) ?? `does not exist in ${source.shown}`}`);
    }
    // The guide: "The JSON file containing the settings for provisioner-type". Elastic Beanstalk's builder runs JSON templates.
    if (!templateFile.endsWith('.json'))
        fail(file, `'provisioner.template' (${templateFile}) is not a JSON template: Elastic Beanstalk's builder runs JSON Packer templates`);
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        throw new lib_errors/* InputError */.dz('platform-dir', `${templatePath}: is not valid JSON (${e.message})`);
    }
    const template = asMapping(parsed);
    if (!template || !Array.isArray(template.builders) || !template.builders.length) {
        throw new lib_errors/* InputError */.dz('platform-dir', `${templatePath}: expected a Packer template with a 'builders' list`);
    }
    return { templateFile, template: template };
}
/** Reads and checks platform.yaml and its Packer template before anything is sent. */
async function readPlatformDefinition(from) {
    const source = typeof from === 'string' ? { dir: from, shown: from, smokeDir: from } : from;
    const file = external_node_path_.join(source.shown, 'platform.yaml');
    let text;
    try {
        text = await external_node_fs_.promises.readFile(external_node_path_.join(source.dir, 'platform.yaml'), 'utf8');
    }
    catch {
        const why = source.absent?.('platform.yaml');
        throw new lib_errors/* InputError */.dz('platform-dir', why
            ? `${file} ${why}: the builder needs it at the top of the bundle`
            : `${file} is missing: expected the platform definition (platform.yaml) at the top of the platform directory`);
    }
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true });
    if (doc.errors.length)
        fail(file, `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    const raw = doc.toJS();
    const def = asMapping(raw);
    if (!def)
        fail(file, 'expected a mapping with version, provisioner and metadata');
    const known = ['version', 'provisioner', 'metadata', 'option_definitions', 'option_settings'];
    for (const key of Object.keys(def))
        if (!known.includes(key))
            fail(file, `'${key}' is not a platform.yaml key: expected ${known.join(', ')}`);
    if (def.version === undefined)
        fail(file, 'lacks \'version\': expected version: "1.0"');
    if (String(def.version) !== '1.0')
        fail(file, `'version' is ${JSON.stringify(def.version)}: expected "1.0"`);
    const provisioner = asMapping(def.provisioner);
    if (!provisioner)
        fail(file, "lacks 'provisioner': expected provisioner: {type: packer, template: FILE, flavor: …}");
    if (provisioner.type === undefined)
        fail(file, "lacks 'provisioner.type': expected packer");
    if (provisioner.type !== 'packer')
        fail(file, `'provisioner.type' is ${JSON.stringify(provisioner.type)}: expected packer`);
    const { flavor, given } = readFlavor(file, provisioner);
    const { templateFile, template } = readTemplate(file, source, provisioner);
    const metadata = readMetadata(file, def.metadata);
    const own = readOptionDefinitions(file, def.option_definitions);
    const optionSettings = readOptionSettings(file, def.option_settings, own);
    return { templateFile, template, flavor, flavorGiven: given, metadata, optionSettings, smoke: (0,smoke_spec/* readSmokeSpec */.L)(source.smokeDir), raw };
}

// EXTERNAL MODULE: ./src/platform/template.ts
var platform_template = __webpack_require__(9525);
;// CONCATENATED MODULE: ./src/platform/preflight.ts
/**
 * What the platform directory must satisfy for the chosen builder and region,
 * checked before any AWS call: a build Elastic Beanstalk would end half an
 * hour later ("Unmatched region for created AMI") is refused now.
 */



/** Environment variables the action itself sets for Packer in `packer` mode. */
const PACKER_MODE_REGION_ENV = ['AWS_REGION', 'AWS_DEFAULT_REGION'];
/**
 * Throws an InputError for what cannot work; returns warnings for what may
 * not. `region` is empty on a dry run without one, where only what needs no
 * region is checked.
 */
function preflightPlatform(def, options) {
    const { region, builder } = options;
    const template = def.template;
    if (!template)
        return [];
    const file = def.templateFile;
    const regions = (0,platform_template/* templateRegions */.cT)(template);
    if (!regions.length) {
        throw new lib_errors/* InputError */.dz('platform-dir', `${file} has no amazon-ebs builder: expected one, since the platform is the AMI it registers`);
    }
    const warnings = [];
    if (options.shares) {
        const builders = (template.builders ?? []).filter((b) => b.type === 'amazon-ebs');
        const awsManaged = builders.findIndex((b) => b.encrypt_boot === true && (!b.kms_key_id || /(^|:)alias\/aws\/ebs$/.test(String(b.kms_key_id))));
        if (awsManaged >= 0) {
            // "You can't share an AMI that has volumes that are encrypted with an AWS managed key" (EC2 user guide, "Share an AMI with specific AWS accounts").
            throw new lib_errors/* InputError */.dz('ami-share-accounts', `${file} (builders[${awsManaged}]) encrypts the image with the AWS managed key (encrypt_boot without kms_key_id), and such an image cannot be shared: ` +
                `set kms_key_id to a customer managed key whose policy lets the accounts use it, or share nothing`);
        }
    }
    const unmatched = 'Elastic Beanstalk would end the build after it ran, with "Unmatched region for created AMI"';
    for (const { index, region: r } of regions) {
        const where = `${file} (builders[${index}].region)`;
        if (r.kind === 'literal' && region && r.region !== region) {
            throw new lib_errors/* InputError */.dz('aws-region', `'${region}' is not where ${where} builds: it says '${r.region}'. ` +
                (builder === 'elastic-beanstalk' ? `${unmatched}. ` : 'The image would be made in another region than the one the action tests it in. ') +
                `Make them the same, or leave the template's region empty ("region": "") as AWS's sample platforms do.`);
        }
        if (r.kind === 'env') {
            const fine = builder === 'packer' ? PACKER_MODE_REGION_ENV.includes(r.variable) : false;
            if (!fine) {
                const documented = platform_template/* EB_DOCUMENTED_ENV */.pn.includes(r.variable);
                warnings.push(builder === 'elastic-beanstalk'
                    ? `${where} takes its region from ${r.variable}, which ${documented ? 'holds no region' : 'Elastic Beanstalk does not document setting for the Packer run'} (it documents only ${platform_template/* EB_DOCUMENTED_ENV */.pn.join(', ')}). ` +
                        `If the builder leaves it unset, Packer builds wherever its own configuration says, and anywhere but ${region || 'aws-region'} ${unmatched}. ` +
                        `Write "region": "${region || '<aws-region>'}" into the template, or leave it "" as AWS's sample platforms do.`
                    : `${where} takes its region from ${r.variable}, which the action does not set: it sets AWS_REGION. Use {{env \`AWS_REGION\`}} or leave the region "".`);
            }
        }
        if (r.kind === 'unresolved') {
            warnings.push(`${where} is '${r.expression}', which cannot be read before the build: make sure it resolves to ${region || 'aws-region'}.`);
        }
    }
    const probe = Object.fromEntries(platform_template/* EB_DOCUMENTED_ENV */.pn.map((v) => [v, 'known']));
    if (!Object.keys((0,platform_template/* resolvedRunTags */.z)(template, probe)).length) {
        warnings.push(`${file} gives Packer's build instance no run_tags the action can resolve before the build: after a build that ends without Packer's own clean-up ` +
            `(cancelled, or killed), its instance could not be found. Add "run_tags": {"eb_platform_name": "{{env \`AWS_EB_PLATFORM_NAME\`}}", "eb_platform_version": "{{env \`AWS_EB_PLATFORM_VERSION\`}}"} to the amazon-ebs builder.`);
    }
    if (builder === 'elastic-beanstalk') {
        const late = (0,platform_template/* lateTemplateKeys */.XE)(template);
        if (late.length) {
            warnings.push(`${external_node_path_.basename(file)} uses ${late.join(', ')}: the Packer on Elastic Beanstalk's builder is not documented and public build logs show older tooling, which may refuse them.`);
        }
    }
    return warnings;
}

;// CONCATENATED MODULE: ./src/platform/template-files.ts
/**
 * What a JSON Packer template needs from the bundle and from the run: the
 * files its provisioners upload or run, and the variables it declares.
 * Packer resolves a relative path against the directory it runs in, which is
 * the unpacked bundle's top on both builders; `{{template_dir}}` is the
 * template's own directory (Packer's docs, "Template Engine").
 */



/** Provisioner keys that name files on the machine running Packer (Packer's shell, file, shell-local and ansible docs). */
const FILE_KEYS = ['script', 'scripts', 'source', 'sources', 'playbook_file'];
/** The files a template's provisioners and amazon-ebs builders read from where Packer runs. */
function templateFiles(template, templateFile, variables = {}) {
    const declared = (template.variables ?? {});
    const values = { ...declared, ...variables };
    const templateDir = external_node_path_.posix.dirname(templateFile.split(external_node_path_.sep).join('/'));
    const found = [];
    const add = (at, raw) => {
        if (typeof raw !== 'string' || !raw)
            return;
        found.push({ at, raw, rel: resolvePath(raw, values, templateDir) });
    };
    (template.provisioners ?? []).forEach((p, i) => {
        // A download writes to where Packer runs; its source is on the machine being built.
        if (!p || (p.type === 'file' && p.direction === 'download'))
            return;
        for (const key of FILE_KEYS) {
            const value = p[key];
            if (Array.isArray(value))
                value.forEach((v, j) => add(`provisioners[${i}].${key}[${j}]`, v));
            else
                add(`provisioners[${i}].${key}`, value);
        }
    });
    (template.builders ?? []).forEach((b, i) => {
        if (b?.type === 'amazon-ebs')
            add(`builders[${i}].user_data_file`, b.user_data_file);
    });
    return found;
}
function resolvePath(raw, values, templateDir, depth = 0) {
    if (depth > 5)
        return undefined;
    let unknown = false;
    const text = raw.replace(/\{\{\s*(?:(template_dir)|user\s+`([^`]+)`|[^}]*)\s*\}\}/g, (whole, dir, name) => {
        if (dir)
            return templateDir;
        if (name && typeof values[name] === 'string') {
            const v = resolvePath(values[name], values, templateDir, depth + 1);
            if (v !== undefined)
                return v;
        }
        unknown = true;
        return whole;
    });
    if (unknown || external_node_path_.posix.isAbsolute(text))
        return undefined;
    return external_node_path_.posix.normalize(text).replace(/\/+$/, '');
}
/**
 * Throws one InputError naming every file the template needs that the bundle lacks, and why each
 * is missing (left out by `.ebignore`, or nowhere).
 */
function checkTemplateFiles(files, bundle, templateFile) {
    const missing = [];
    for (const f of files) {
        if (f.rel === undefined)
            continue;
        if (f.rel === '..' || f.rel.startsWith('../')) {
            missing.push(`${f.at} (${f.raw}) leaves the platform directory, which is all the builder gets`);
            continue;
        }
        if (external_node_fs_.existsSync(external_node_path_.join(bundle.dir, f.rel)))
            continue;
        missing.push(`${f.at} names ${f.raw}, which ${bundle.absent?.(f.rel) ?? `is not in ${bundle.shown}`}`);
    }
    if (missing.length)
        throw new lib_errors/* InputError */.dz('platform-dir', `${external_node_path_.join(bundle.shown, templateFile)}: ${missing.join('; ')}`);
}
/**
 * The template's variables against what the run sets: a `packer-variables` name the template does
 * not declare, and a variable declared without a default (null: "the user variable will be
 * required", Packer's "User Variables" docs) that nothing sets.
 */
function checkTemplateVariables(template, templateFile, given, builder) {
    const declared = (template.variables ?? {});
    const errors = [];
    const undeclared = Object.keys(given).filter((name) => !(name in declared));
    if (undeclared.length) {
        errors.push(new lib_errors/* InputError */.dz('packer-variables', `${undeclared.join(', ')} ${undeclared.length > 1 ? 'are' : 'is'} not declared in ${templateFile}'s variables: expected one of ${Object.keys(declared).join(', ') || '(none declared)'}`));
    }
    const unset = Object.entries(declared)
        .filter(([name, value]) => value === null && !(name in given))
        .map(([name]) => name);
    if (unset.length) {
        errors.push(new lib_errors/* InputError */.dz(builder === 'packer' ? 'packer-variables' : 'platform-dir', `${templateFile} declares ${unset.join(', ')} without a default, and nothing sets ${unset.length > 1 ? 'them' : 'it'}: ` +
            (builder === 'packer'
                ? `expected ${unset.map((n) => `${n}=…`).join(', ')} in packer-variables`
                : "Elastic Beanstalk's builder passes no -var, so give each a default in the template")));
    }
    return errors;
}

// EXTERNAL MODULE: ./src/platform/unzip.ts
var unzip = __webpack_require__(7625);
// EXTERNAL MODULE: ./src/release/settings.ts
var release_settings = __webpack_require__(5552);
// EXTERNAL MODULE: ./src/resources/run-tags.ts
var run_tags = __webpack_require__(236);
;// CONCATENATED MODULE: ./src/pipeline.ts












function newReport(platformName) {
    return { platformName, steps: [], warnings: [], release: [], teardown: [] };
}
/**
 * validate → package → (plan and stop on a dry run) → pre-flight → build (by
 * Elastic Beanstalk or by Packer on the runner) → smoke test, then teardown of
 * everything recorded, whatever happened. Throws the first failure after teardown.
 */
async function runPipeline(inputs, given, report) {
    const clock = given.clock;
    const deadline = clock.now() + inputs.timeoutMinutes * 60_000;
    // Everything the run creates carries its deadline: the sweep of a later run reads it.
    const deps = { ...given, log: warningsInto(given.log, report.warnings), runTags: (0,run_tags/* withDeadline */.NE)(given.runTags, deadline) };
    const step = stepRunner(deps, report, clock);
    if (inputs.mode === 'rollback')
        return (await __webpack_require__.e(/* import() */ 403).then(__webpack_require__.bind(__webpack_require__, 403))).runRollback(inputs, deps, report, step);
    // Packaged first: what is validated is what ships, after .ebignore.
    const bundle = await step('Package platform', () => packageBundle(inputs, deps, report));
    const definition = await step('Validate platform', () => validatePlatform(inputs, deps, bundle));
    if (inputs.dryRun)
        return printPlan(inputs, deps, report, bundle, definition);
    const ctx = { inputs, deps, report, definition, bundle, clients: deps.clientsFor(inputs.region), clock, deadline };
    const held = {};
    try {
        // Packer first: a missing, unverifiable or too old Packer is found before any AWS call.
        const packer = inputs.builder === 'packer' ? await step('Install Packer', () => installPacker(ctx)) : undefined;
        await step('Pre-flight checks', async () => (await __webpack_require__.e(/* import() */ 719).then(__webpack_require__.bind(__webpack_require__, 9719))).preflight(ctx));
        if (inputs.release.sweepOrphans)
            await step('Sweep what ended runs left', () => sweepOrphans(ctx));
        const reuse = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(114), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 2913));
        const { fingerprint, reuse: reused } = await step('Fingerprint the build', () => reuse.fingerprintStep(ctx, packer));
        const built = reused ? reuse.useReused(ctx, reused) : await buildAndProve(ctx, step, packer, fingerprint, held);
        if (reused)
            setAmiIds(ctx, { [inputs.region]: built.amiId });
        if ((0,release_settings/* releaseSteps */.hq)(inputs.release))
            await release(ctx, step, built, held.copies);
    }
    finally {
        held.prepared?.key.cleanup();
        // A copy still running is stopped before teardown looks: none can be made after it.
        await held.copies?.cancel();
        if (deps.ledger.list().length) {
            const { teardown } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(114), __webpack_require__.e(395), __webpack_require__.e(283), __webpack_require__.e(818)]).then(__webpack_require__.bind(__webpack_require__, 1818));
            report.teardown = await step('Teardown', () => teardown({ ...deps, clock }, { keepBuilder: inputs.keepBuilder }));
        }
    }
    if (deps.signal?.aborted)
        throw new lib_errors/* StepError */.zg('cancel', 'Cancelled; what this run created is torn down.');
    const leftover = report.teardown.filter((t) => !t.ok);
    if (leftover.length)
        throw new Error(`Teardown left ${leftover.length} resource(s) behind; the post step tries again.`);
    return report;
}
/**
 * The build and its smoke test: the smoke test's key pair and group are made before the build (a
 * refusal fails the run now, and the instance launches the moment the image is available), and
 * the copies to other regions start alongside the smoke test. What they create is in `held`, for
 * the caller's clean-up.
 */
async function buildAndProve(ctx, step, packer, fingerprint, held) {
    const { inputs, deps, report } = ctx;
    deps.setOutput('reused', 'false');
    if (inputs.smokeTest)
        held.prepared = await step('Prepare smoke test', () => prepareSmoke(ctx));
    // Each stage's modules (and the SDK clients they use) load when the run reaches it: see lib/aws.ts.
    const built = packer
        ? await (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(303), __webpack_require__.e(395), __webpack_require__.e(265)]).then(__webpack_require__.bind(__webpack_require__, 9265))).buildWithPacker(ctx, step, packer)
        : await (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(114), __webpack_require__.e(303), __webpack_require__.e(711), __webpack_require__.e(395), __webpack_require__.e(604)]).then(__webpack_require__.bind(__webpack_require__, 7604))).buildWithElasticBeanstalk(ctx, step);
    report.amiId = built.amiId;
    deps.setOutput('ami-id', built.amiId);
    setAmiIds(ctx, { [inputs.region]: built.amiId });
    const { tagBuilt, tagProven } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(114), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 2913));
    await tagBuilt(ctx, built.amiId, fingerprint);
    // The copies to other regions run alongside the smoke test; nothing is shared or published before it passes.
    held.copies = inputs.smokeTest ? await startCopiesEarly(ctx, built.amiId) : undefined;
    if (inputs.smokeTest) {
        await step('Smoke test', () => smokeTest(ctx, built.amiId, held.prepared));
        await tagProven(ctx, built.amiId);
        await (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(128)]).then(__webpack_require__.bind(__webpack_require__, 7128))).publishSbom(ctx, built.amiId);
    }
    return built;
}
/** The log, with each warning also kept in `into` (the report's), so the summary can say which steps warned. */
function warningsInto(log, into) {
    return {
        info: (m) => log.info(m),
        warning: (m) => {
            into.push(m);
            log.warning(m);
        },
        error: (m) => log.error(m),
        debug: (m) => log.debug(m),
        group: (name, fn) => log.group(name, fn),
        mask: (secret) => log.mask(secret),
    };
}
/** A step: a log group, timed in the report; a cancelled job starts none but teardown. */
function stepRunner(deps, report, clock) {
    return async (name, fn) => {
        if (deps.signal?.aborted && name !== 'Teardown')
            throw new lib_errors/* StepError */.zg(name, `Cancelled before '${name}'.`);
        const started = clock.now();
        const warnedBefore = report.warnings.length;
        try {
            const value = await deps.log.group(name, fn);
            report.steps.push({ name, ms: clock.now() - started, ok: true, warnings: report.warnings.length - warnedBefore });
            return value;
        }
        catch (error) {
            report.steps.push({ name, ms: clock.now() - started, ok: false, warnings: report.warnings.length - warnedBefore });
            if (deps.signal?.aborted)
                throw new lib_errors/* StepError */.zg(name, `Cancelled during '${name}'.`);
            throw error;
        }
    };
}
/** Where the bundle is unpacked for validation, under the work directory. */
const VALIDATED_DIR = 'platform-validate';
/** platform.yaml, the template and the files it names, read from the bundle unpacked: a file .ebignore leaves out is found here. */
async function validatePlatform(inputs, deps, bundle) {
    const unpacked = external_node_path_.join(deps.workDir, VALIDATED_DIR);
    (0,unzip/* extractZip */.J)(bundle.path, unpacked);
    const root = isRepositoryRoot(inputs.platformDir);
    const source = {
        dir: unpacked,
        shown: inputs.platformDir,
        smokeDir: inputs.platformDir,
        absent: (rel) => leftOutOfBundle(inputs.platformDir, rel, root),
    };
    const def = await readPlatformDefinition(source);
    if (def.template) {
        const files = templateFiles(def.template, def.templateFile, inputs.packer.variables);
        checkTemplateFiles(files, source, def.templateFile);
        const errors = checkTemplateVariables(def.template, def.templateFile, inputs.packer.variables, inputs.builder);
        if (errors.length)
            throw errors.length === 1 ? errors[0] : new src_inputs/* InputErrors */.G(errors);
        const unread = files.filter((f) => f.rel === undefined);
        if (unread.length)
            deps.log.info(`Not checked before the build (resolved only by Packer): ${unread.map((f) => `${f.at} ${f.raw}`).join(', ')}`);
    }
    const warnings = preflightPlatform(def, { region: inputs.region, builder: inputs.builder, shares: (0,release_settings/* sharesImage */.MA)(inputs.release) });
    deps.log.info(`${external_node_path_.relative(process.cwd(), inputs.platformDir) || '.'}: the bundle's platform.yaml valid (flavor ${def.flavor}), Packer template ${def.templateFile}` +
        (def.smoke ? `, ${smoke_spec/* SMOKE_FILE */.Z} declares ${def.smoke.checks.length} check(s)` : `, no ${smoke_spec/* SMOKE_FILE */.Z}: the smoke test runs the action's own checks only`));
    for (const w of warnings)
        deps.log.warning(w);
    return def;
}
async function packageBundle(inputs, deps, report) {
    const b = await packagePlatform(inputs.platformDir, external_node_path_.join(deps.workDir, 'platform-bundle.zip'), {
        maxBytes: inputs.maxBundleBytes,
        repositoryRoot: isRepositoryRoot(inputs.platformDir),
    });
    deps.log.info(`${b.files.length} files, ${b.bytes} bytes, SHA-256 ${b.sha256}`);
    if (b.leftOut.length)
        deps.log.info(`Left out, as the platform directory is the repository's root (.ebignore's !DIR/ takes one back): ${b.leftOut.join(', ')}`);
    report.bundle = { sha256: b.sha256, bytes: b.bytes, files: b.files.length };
    deps.setOutput('bundle-sha256', b.sha256);
    return b;
}
/** A dry run's end: the plan in the log and the summary, and the outputs a dry run can know. */
async function printPlan(inputs, deps, report, bundle, definition) {
    const { planLines } = await __webpack_require__.e(/* import() */ 478).then(__webpack_require__.bind(__webpack_require__, 4478));
    const checked = [];
    if (inputs.builder === 'packer' && definition.template) {
        const { validateOffline } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(367), __webpack_require__.e(303), __webpack_require__.e(472), __webpack_require__.e(979)]).then(__webpack_require__.bind(__webpack_require__, 2979));
        const said = await validateOffline(inputs.packer, external_node_path_.join(deps.workDir, VALIDATED_DIR), definition.templateFile);
        if (said.startsWith('not run'))
            deps.log.info(`Packer: ${said}.`);
        checked.push(said);
    }
    report.plan = planLines(inputs, bundle, definition, checked);
    let looked = false;
    if (inputs.skipUnchanged) {
        const { reuseVerdict } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(114), __webpack_require__.e(913)]).then(__webpack_require__.bind(__webpack_require__, 2913));
        // The dry run's header says whether it looked at AWS: it did if the verdict asked for clients.
        const clientsFor = (region) => {
            looked = true;
            return deps.clientsFor(region);
        };
        report.plan.push(`skip-unchanged: ${await reuseVerdict(inputs, bundle, definition, clientsFor, process.env)}`);
    }
    if (inputs.platformVersion.kind === 'explicit') {
        report.version = inputs.platformVersion.version;
        deps.setOutput('platform-version', report.version);
    }
    else {
        report.version = 'auto (the next patch after the newest existing version, found at run time)';
    }
    deps.setOutput('plan', report.plan.join('\n'));
    deps.log.info([`Dry run: ${looked ? 'read-only AWS calls only (DescribeImages)' : 'no AWS call made'}. A real run would:`, ...report.plan].join('\n'));
    return report;
}
function smokeSetup({ inputs, deps }) {
    return {
        region: inputs.region,
        subnetId: inputs.smoke.subnetId,
        allowedCidr: inputs.smoke.allowedCidr,
        extraTags: inputs.smoke.tags,
        runTags: deps.runTags,
        sshPort: inputs.smoke.sshPort,
        httpPort: inputs.smoke.httpPort,
    };
}
async function prepareSmoke(ctx) {
    const [{ prepareSmokeTest }, { EC2Client }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(395), __webpack_require__.e(27)]).then(__webpack_require__.bind(__webpack_require__, 2027)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19))]);
    const { clients, deps, clock } = ctx;
    return prepareSmokeTest(smokeSetup(ctx), { ...deps, ec2: clients.get(EC2Client), clock });
}
async function smokeTest(ctx, amiId, prepared) {
    const { inputs, clients, deps, report, clock, deadline, definition } = ctx;
    const [{ runSmokeTest }, { EC2Client }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(395), __webpack_require__.e(27)]).then(__webpack_require__.bind(__webpack_require__, 2027)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19))]);
    const smoke = await runSmokeTest({
        amiId,
        region: inputs.region,
        instanceType: inputs.smoke.instanceType,
        subnetId: inputs.smoke.subnetId,
        allowedCidr: inputs.smoke.allowedCidr,
        extraTags: inputs.smoke.tags,
        runTags: deps.runTags,
        userScript: inputs.smoke.script,
        spec: definition.smoke,
        sshUser: inputs.smoke.sshUser,
        sshPort: inputs.smoke.sshPort,
        httpPort: inputs.smoke.httpPort,
        address: inputs.smoke.address,
        kmsKeyId: inputs.smoke.kmsKeyId,
        deadline,
    }, { ...deps, ec2: clients.get(EC2Client), clock }, prepared);
    // A cancel is reported as such by the step, not as failed checks.
    if (deps.signal?.aborted)
        throw new Error('cancelled');
    report.smoke = smoke;
    if (!smoke.ok) {
        const failed = smoke.checks.filter((c) => !c.ok).map((c) => c.name);
        throw new Error(`Smoke test failed: ${failed.join(', ') || 'see the log'}`);
    }
}
async function installPacker({ inputs, deps }) {
    const { preparePacker } = await Promise.all(/* import() */[__webpack_require__.e(367), __webpack_require__.e(472), __webpack_require__.e(865)]).then(__webpack_require__.bind(__webpack_require__, 865));
    return preparePacker({ version: inputs.packer.version, pluginVersion: inputs.packer.pluginVersion, workDir: deps.workDir }, deps.log);
}
function setAmiIds({ deps, report }, ids) {
    report.amiIds = ids;
    deps.setOutput('ami-ids', JSON.stringify(ids));
}
/** At the start: what runs of this repository that ended long ago left behind. Never fails the run. */
async function sweepOrphans({ inputs, clients, deps, report, clock }) {
    const { sweep } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(114), __webpack_require__.e(395), __webpack_require__.e(283), __webpack_require__.e(376)]).then(__webpack_require__.bind(__webpack_require__, 4376));
    const { builderEnvironment } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(114), __webpack_require__.e(603)]).then(__webpack_require__.bind(__webpack_require__, 8603));
    try {
        const adoptBuilder = inputs.builder === 'elastic-beanstalk' && !inputs.keepBuilder
            ? (environmentName) => deps.ledger.record(builderEnvironment(inputs.region, environmentName))
            : undefined;
        const removed = await sweep(clients, { region: inputs.region, runTags: deps.runTags, adoptBuilder }, { log: deps.log, clock });
        report.release.push(...removed.map((o) => `swept ${o.what}, left by ${o.run}`));
    }
    catch (error) {
        deps.log.warning(`The sweep of ended runs' leftovers failed: ${(0,lib_errors/* describeError */.Uc)(error)}. The build goes on.`);
    }
}
function promoteContext({ inputs, deps, clock, deadline }) {
    return { ...deps, clock: (0,lib_clock/* abortable */.Z)(clock, deps.signal), region: inputs.region, platformName: inputs.platformName, release: inputs.release, deadline };
}
/** The copies to other regions, begun as the image is available when a promotion will copy it. */
async function startCopiesEarly(ctx, amiId) {
    if (!(0,release_settings/* promotes */.A9)(ctx.inputs.release) || !ctx.inputs.release.regions.length)
        return undefined;
    const { startCopies } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(736), __webpack_require__.e(632), __webpack_require__.e(768)]).then(__webpack_require__.bind(__webpack_require__, 6768));
    return startCopies(promoteContext(ctx), amiId);
}
/** After a passed smoke test: promotion (taking up the copies begun alongside it), then the prune and the deprecation of what it replaces. */
async function release(ctx, step, built, copies) {
    const { inputs, deps, report, clock } = ctx;
    const settings = inputs.release;
    let ids = { [inputs.region]: built.amiId };
    if ((0,release_settings/* promotes */.A9)(settings)) {
        const { promote } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(736), __webpack_require__.e(632), __webpack_require__.e(768)]).then(__webpack_require__.bind(__webpack_require__, 6768));
        ids = await step('Promote', () => promote(promoteContext(ctx), built, copies));
        setAmiIds(ctx, ids);
        report.release.push(...Object.entries(ids).map(([region, id]) => `image in ${region}: ${id}`));
    }
    if (settings.keepVersions !== undefined) {
        const keep = settings.keepVersions;
        const { prune } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(114), __webpack_require__.e(736), __webpack_require__.e(932), __webpack_require__.e(680)]).then(__webpack_require__.bind(__webpack_require__, 3680));
        const lines = await step('Prune old versions', () => prune({
            builder: inputs.builder,
            platformName: inputs.platformName,
            version: built.version,
            amiIds: ids,
            buildRegion: inputs.region,
            keep,
            parameters: { image: settings.ssmParameter, platformArn: settings.ssmParameterPlatformArn },
            clientsFor: deps.clientsFor,
            log: deps.log,
            clock,
        }));
        report.release.push(...lines);
    }
    if (settings.deprecateAfterDays !== undefined) {
        const days = settings.deprecateAfterDays;
        const { deprecatePrevious } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193), __webpack_require__.e(586)]).then(__webpack_require__.bind(__webpack_require__, 5586));
        const lines = await step('Deprecate previous images', () => deprecatePrevious(deps.clientsFor, { platformName: inputs.platformName, version: built.version, amiIds: ids, days }, { log: deps.log, clock }));
        report.release.push(...lines);
    }
}


/***/ }),

/***/ 1916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ readSmokeSpec),
/* harmony export */   Z: () => (/* binding */ SMOKE_FILE)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7268);
/* harmony import */ var _lib_paths__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2308);
/**
 * What a platform declares about itself for the smoke test, in `smoke.yaml`
 * beside platform.yaml: command checks, how to build and deploy its sample
 * application, and the HTTP answer to expect. The action's own checks hold for
 * any image (SSH with the pinned host key, the boot finished, smoke-script);
 * everything about this platform is declared here, so any platform directory
 * can be proven. Checked before any AWS call.
 */





const SMOKE_FILE = 'smoke.yaml';
const KEYS = ['checks', 'deploy', 'http'];
const CHECK_KEYS = ['name', 'run', 'root', 'settle', 'expect', 'timeout'];
function fail(file, what) {
    throw new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('platform-dir', `${file}: ${what}`);
}
function mapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
function text(file, at, value, required = true) {
    if (value === undefined || value === null) {
        if (required)
            fail(file, `${at} is missing`);
        return undefined;
    }
    if (typeof value !== 'string' || !value.trim())
        fail(file, `${at} must be a non-empty string`);
    return value;
}
function readCheck(file, item, i) {
    const at = `checks[${i}]`;
    const c = mapping(item);
    if (!c)
        fail(file, `${at} must be a mapping with name and run`);
    for (const key of Object.keys(c))
        if (!CHECK_KEYS.includes(key))
            fail(file, `${at}.${key} is not a check key: expected ${CHECK_KEYS.join(', ')}`);
    let expect;
    const pattern = text(file, `${at}.expect`, c.expect, false);
    if (pattern !== undefined) {
        try {
            expect = new RegExp(pattern, 'm');
        }
        catch (e) {
            fail(file, `${at}.expect is not a regular expression: ${e.message}`);
        }
    }
    const timeout = c.timeout === undefined ? 120 : Number(c.timeout);
    if (!Number.isInteger(timeout) || timeout < 1 || timeout > 1800)
        fail(file, `${at}.timeout must be whole seconds from 1 to 1800`);
    if (c.root !== undefined && typeof c.root !== 'boolean')
        fail(file, `${at}.root must be true or false`);
    const settle = text(file, `${at}.settle`, c.settle, false);
    if (settle !== undefined && !/^[\w@.-]+$/.test(settle))
        fail(file, `${at}.settle must be a systemd unit name`);
    return {
        name: text(file, `${at}.name`, c.name),
        run: text(file, `${at}.run`, c.run),
        root: c.root === true,
        settle,
        expect,
        timeoutMs: timeout * 1000,
    };
}
/** Reads the platform's smoke.yaml; a platform without one declares nothing (undefined). */
function readSmokeSpec(platformDir) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(platformDir, SMOKE_FILE);
    if (!node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync(file))
        return undefined;
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync(file, 'utf8'), { prettyErrors: true });
    if (doc.errors.length)
        fail(file, `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
    const raw = mapping(doc.toJS());
    if (!raw)
        fail(file, `expected a mapping with ${KEYS.join(', ')}`);
    for (const key of Object.keys(raw))
        if (!KEYS.includes(key))
            fail(file, `'${key}' is not a smoke.yaml key: expected ${KEYS.join(', ')}`);
    if (raw.checks !== undefined && !Array.isArray(raw.checks))
        fail(file, "'checks' must be a list");
    const checks = (raw.checks ?? []).map((c, i) => readCheck(file, c, i));
    const names = new Set();
    for (const c of checks) {
        if (names.has(c.name))
            fail(file, `two checks are named '${c.name}'`);
        names.add(c.name);
    }
    let deploy;
    if (raw.deploy !== undefined) {
        const d = mapping(raw.deploy);
        if (!d)
            fail(file, "'deploy' must be a mapping with build and command");
        const build = text(file, 'deploy.build', d.build);
        const full = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(platformDir, build);
        if (!(0,_lib_paths__WEBPACK_IMPORTED_MODULE_4__/* .isInside */ .F)(platformDir, full))
            fail(file, `deploy.build (${build}) leaves the platform directory`);
        if (!node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync(full))
            fail(file, `deploy.build names ${build}, which does not exist in ${platformDir}`);
        deploy = { build: full, command: text(file, 'deploy.command', d.command) };
    }
    let http;
    if (raw.http !== undefined) {
        const h = mapping(raw.http);
        if (!h)
            fail(file, "'http' must be a mapping with path and expect");
        const p = text(file, 'http.path', h.path);
        if (!p.startsWith('/'))
            fail(file, `http.path must start with /, not '${p}'`);
        http = { path: p, expect: text(file, 'http.expect', h.expect) };
    }
    return { checks, deploy, http };
}


/***/ }),

/***/ 9525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XE: () => (/* binding */ lateTemplateKeys),
/* harmony export */   cT: () => (/* binding */ templateRegions),
/* harmony export */   g$: () => (/* binding */ resolveValue),
/* harmony export */   pn: () => (/* binding */ EB_DOCUMENTED_ENV),
/* harmony export */   xA: () => (/* binding */ amazonBuilders),
/* harmony export */   z: () => (/* binding */ resolvedRunTags)
/* harmony export */ });
/** The variables Elastic Beanstalk documents for the Packer run (guide, "Custom platforms"). */
const EB_DOCUMENTED_ENV = ['AWS_EB_PLATFORM_ARN', 'AWS_EB_PLATFORM_NAME', 'AWS_EB_PLATFORM_VERSION'];
const USER = /^\{\{\s*user\s+`([^`]+)`\s*\}\}$/;
const ENV = /^\{\{\s*env\s+`([^`]+)`\s*\}\}$/;
/** Follows `{{user `x`}}` through the template's variables until a literal, an env lookup or something else. */
function resolve(value, variables, seen = new Set()) {
    const text = value.trim();
    if (!text)
        return { kind: 'empty' };
    const user = USER.exec(text);
    if (user) {
        if (seen.has(user[1]) || !(user[1] in variables))
            return { kind: 'unresolved', expression: text };
        seen.add(user[1]);
        const next = variables[user[1]];
        return typeof next === 'string'
            ? resolve(next, variables, seen)
            : next === null || next === undefined
                ? { kind: 'empty' }
                : { kind: 'unresolved', expression: text };
    }
    const env = ENV.exec(text);
    if (env)
        return { kind: 'env', variable: env[1] };
    if (text.includes('{{'))
        return { kind: 'unresolved', expression: text };
    return { kind: 'literal', region: text };
}
/** The amazon-ebs builders of a template, with where each sits in `builders`. */
function amazonBuilders(template) {
    return (template.builders ?? []).map((builder, index) => ({ index, builder })).filter(({ builder }) => builder.type === 'amazon-ebs');
}
/** The region of each amazon-ebs builder in the template. */
function templateRegions(template) {
    const variables = (template.variables ?? {});
    return amazonBuilders(template).map(({ index, builder }) => {
        const raw = builder.region;
        return {
            index,
            region: raw === undefined || raw === null
                ? { kind: 'empty' }
                : typeof raw === 'string'
                    ? resolve(raw, variables)
                    : { kind: 'unresolved', expression: JSON.stringify(raw) },
        };
    });
}
/**
 * Keys of the amazon-ebs builder's block device mappings that Packer learnt
 * late, which the Packer on Elastic Beanstalk's builder (undocumented, older
 * tooling in every public transcript) may refuse: `throughput` came in Packer
 * 1.6.6, and 1.6.6 refuses a gp3 volume without it ("Throughput must be
 * between 125 and 1000", seen running Debian's 1.6.6), so gp3 works with no
 * Packer before or at 1.6.6 both ways. Leaving volume_type out takes the
 * source image's type (gp3 for Canonical's hvm-ssd-gp3 images).
 */
function lateTemplateKeys(template) {
    const found = [];
    for (const { index, builder } of amazonBuilders(template)) {
        for (const list of ['launch_block_device_mappings', 'ami_block_device_mappings']) {
            const mappings = builder[list];
            if (!Array.isArray(mappings))
                continue;
            mappings.forEach((m, i) => {
                const at = `builders[${index}].${list}[${i}]`;
                if (m && 'throughput' in m)
                    found.push(`${at}.throughput (needs Packer 1.6.6)`);
                if (m?.volume_type === 'gp3')
                    found.push(`${at}.volume_type gp3 (Packer 1.6.6 demands a throughput with it, which older Packer does not know)`);
            });
        }
    }
    return found;
}
/**
 * The tags the template gives Packer's build instance (amazon-ebs `run_tags`),
 * resolved with the values the build's environment will hold; a tag whose
 * value cannot be known before the build is left out. After a build that ended
 * without Packer's own clean-up, these find its instance.
 */
function resolvedRunTags(template, env) {
    const variables = (template.variables ?? {});
    const tags = {};
    for (const { builder } of amazonBuilders(template)) {
        const runTags = builder.run_tags;
        if (typeof runTags !== 'object' || runTags === null)
            continue;
        for (const [key, raw] of Object.entries(runTags)) {
            if (typeof raw !== 'string')
                continue;
            const value = resolveValue(raw, variables, env);
            if (value !== undefined && value !== '' && !key.includes('{{'))
                tags[key] = value;
        }
    }
    return tags;
}
/** A template string made only of literals, `{{user `x`}}` and `{{env `X`}}`, resolved; undefined when anything else is in it (a function, `{{timestamp}}`). */
function resolveValue(text, variables, env, depth = 0) {
    if (depth > 5)
        return undefined;
    let unknown = false;
    const out = text.replace(/\{\{\s*(user|env)\s+`([^`]+)`\s*\}\}|\{\{[^}]*\}\}/g, (whole, kind, name) => {
        if (kind === 'env' && name && name in env)
            return env[name];
        if (kind === 'user' && name && typeof variables[name] === 'string') {
            const v = resolveValue(variables[name], variables, env, depth + 1);
            if (v !== undefined)
                return v;
        }
        unknown = true;
        return whole;
    });
    return unknown ? undefined : out;
}


/***/ }),

/***/ 7625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ extractZip)
/* harmony export */ });
/* unused harmony export readZip */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Reads back a zip written by zip.ts (or any zip of stored and deflated
 * entries without zip64): the pre-flight validates the bytes that ship, and
 * Packer runs on them, without a system `unzip`.
 */



const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
function corrupt(file, what) {
    return new Error(`${file} is not a readable zip: ${what}`);
}
/** Every entry of the zip at `file`, in the central directory's order. */
function readZip(file) {
    const buf = node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync(file);
    // The end record sits in the last 22 bytes plus a comment of at most 65535.
    let end = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
        if (buf.readUInt32LE(i) === END) {
            end = i;
            break;
        }
    }
    if (end < 0)
        throw corrupt(file, 'no end of central directory');
    const count = buf.readUInt16LE(end + 10);
    let at = buf.readUInt32LE(end + 16);
    const entries = [];
    for (let n = 0; n < count; n++) {
        if (buf.readUInt32LE(at) !== CENTRAL)
            throw corrupt(file, `entry ${n} has no central header`);
        const method = buf.readUInt16LE(at + 10);
        const compressed = buf.readUInt32LE(at + 20);
        const size = buf.readUInt32LE(at + 24);
        const nameLength = buf.readUInt16LE(at + 28);
        const extraLength = buf.readUInt16LE(at + 30);
        const commentLength = buf.readUInt16LE(at + 32);
        const unixMode = buf.readUInt32LE(at + 38) >>> 16;
        const local = buf.readUInt32LE(at + 42);
        const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
        at += 46 + nameLength + extraLength + commentLength;
        if (buf.readUInt32LE(local) !== LOCAL)
            throw corrupt(file, `${name} has no local header`);
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const body = buf.subarray(start, start + compressed);
        const data = method === 0 ? Buffer.from(body) : method === 8 ? node_zlib__WEBPACK_IMPORTED_MODULE_2__.inflateRawSync(body) : undefined;
        if (!data)
            throw corrupt(file, `${name} uses compression method ${method}`);
        if (data.length !== size)
            throw corrupt(file, `${name} holds ${data.length} bytes, not ${size}`);
        entries.push({ name, mode: unixMode & 0o777 || 0o644, data });
    }
    return entries;
}
/** Unpacks the zip into `dir` (emptied first), refusing an entry that would land outside it. */
function extractZip(file, dir) {
    const entries = readZip(file);
    node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync(dir, { recursive: true, force: true });
    node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync(dir, { recursive: true });
    const root = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(dir);
    for (const e of entries) {
        const target = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, e.name);
        if (!target.startsWith(root + node_path__WEBPACK_IMPORTED_MODULE_1__.sep))
            throw corrupt(file, `${e.name} leaves the directory it unpacks into`);
        if (e.name.endsWith('/')) {
            node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync(target, { recursive: true });
            continue;
        }
        node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(target), { recursive: true });
        node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync(target, e.data, { mode: e.mode });
        node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync(target, e.mode);
    }
    return entries;
}


/***/ })

};
;
//# sourceMappingURL=207.index.js.map