"use strict";
exports.id = 717;
exports.ids = [717];
exports.modules = {

/***/ 4774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dv: () => (/* binding */ DEFAULT_PACKER),
/* harmony export */   Pn: () => (/* binding */ PLUGIN_PACKER),
/* harmony export */   rO: () => (/* binding */ DEFAULT_AMAZON_PLUGIN)
/* harmony export */ });
/**
 * The Packer and amazon plugin releases the action installs unless told
 * otherwise, and the Packer that first takes a plugin it did not bundle.
 * Kept apart from the installer so the inputs and the plan read them without
 * loading it.
 */
/** The newest Packer release (1.16.0, 2026-07-24, Packer's CHANGELOG). */
const DEFAULT_PACKER = '1.16.0';
/** The newest amazon plugin release (1.8.2, 2026-07-14, the plugin's CHANGELOG). */
const DEFAULT_AMAZON_PLUGIN = '1.8.2';
/** The first Packer without a bundled amazon builder, and with `plugins install --path` (Packer CHANGELOG 1.10.0, GH-12643). */
const PLUGIN_PACKER = '1.10.0';


/***/ }),

/***/ 1978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jD: () => (/* binding */ RUN_TAG_COUNT),
/* harmony export */   mc: () => (/* binding */ INPUTS),
/* harmony export */   rV: () => (/* binding */ BUILDERS)
/* harmony export */ });
/* unused harmony export OUTPUTS */
/* harmony import */ var _resources_run_tags__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(236);
/**
 * Every input and output of the action, declared once. action.yml's `inputs`
 * and `outputs` and the README's tables of them are written from here
 * (`npm run docs`); tests hold them, the parser (`src/inputs.ts`), the steps
 * that set outputs and the plan CLI's --help to it.
 */

/** Tags the action adds to what it creates (resources/run-tags.ts), counted against each service's limit. */
const RUN_TAG_COUNT = Object.keys(_resources_run_tags__WEBPACK_IMPORTED_MODULE_0__/* .TAG */ .Dk).length;
/** Who runs Packer: Elastic Beanstalk's builder environment, or the action on the runner. */
const BUILDERS = ['elastic-beanstalk', 'packer'];
const INPUTS = {
    mode: {
        default: 'build',
        description: "build (package, build, smoke-test and release the platform) or rollback (no build: point ssm-parameter, in the build region and every ami-regions region, and ssm-parameter-platform-arn back at the last release before the current one, read from the parameters' history; nothing changes unless every target still exists).",
        meaning: '`build`, or `rollback`: no build and no smoke test; `ssm-parameter` (in `aws-region` and each of `ami-regions`) and `ssm-parameter-platform-arn` go back to the release before the current one, found in their history. Every target is checked first (the image exists, is available and not deprecated; the platform version is Ready); if one is not, nothing changes.',
    },
    'skip-unchanged': {
        default: 'false',
        description: 'Reuse, instead of building, an image of this platform that passed its smoke test and was built from the same inputs: the bundle, the base image the template resolves to now, the builder, and (builder packer) the Packer and plugin versions and variables. It is still promoted where asked; the output reused says which happened.',
        meaning: 'Reuse a proven image built from the same inputs (bundle, the base image the template resolves to now, builder, Packer and plugin versions) instead of building: no build, no smoke test; promotion still runs, reusing copies that exist. `reused` says which happened, and the log says why a run builds.',
    },
    builder: {
        default: 'elastic-beanstalk',
        description: 'Who runs Packer: elastic-beanstalk (CreatePlatformVersion; Elastic Beanstalk runs Packer in its builder environment) or packer (the action runs Packer on the runner, with no Elastic Beanstalk call; the image is the product).',
        meaning: '`elastic-beanstalk` or `packer` (see above).',
    },
    'packer-version': {
        default: '',
        description: "builder packer: the Packer release to install from HashiCorp's release site, its SHA256SUMS checked against HashiCorp's signature and the zip against its sum; empty is 1.16.0, the release the action is tested with. path takes the packer on PATH.",
        shownDefault: '`1.16.0`',
        meaning: '`builder: packer`: a release to download and verify, or `path` for the packer on `PATH`.',
        only: { builder: 'packer', why: 'whose builder runs its own Packer: leave it empty, or use builder: packer' },
    },
    'packer-amazon-plugin-version': {
        default: '',
        description: "builder packer: the amazon plugin release installed (from HashiCorp's release site, verified like Packer, with packer plugins install --path) for Packer 1.10 and later; empty is 1.8.2, the release the action is tested with. Packer before 1.10 bundles its own and refuses this input.",
        shownDefault: '`1.8.2`',
        meaning: '`builder: packer`, Packer 1.10+: the amazon plugin, downloaded, verified and installed with `plugins install --path`.',
        only: { builder: 'packer', why: 'whose builder runs its own Packer: leave it empty, or use builder: packer' },
    },
    'packer-variables': {
        default: '',
        description: 'builder packer: template variables, one name=value per line, passed as -var.',
        meaning: '`builder: packer`: `name=value` per line, passed as `-var` (refused with `elastic-beanstalk`, which takes none).',
        only: { builder: 'packer', why: "whose builder runs the template without -var: set the variables' defaults in the template, or use builder: packer" },
    },
    'platform-dir': {
        default: 'platform',
        description: 'Directory holding platform.yaml, the Packer template and the builder scripts, relative to the repository.',
        meaning: "Directory with `platform.yaml`, the Packer template and builder scripts. `.ebignore` (gitignore syntax) excludes files; symlinks and paths leaving the directory are refused. The repository's root (`.`) is packaged without `.git/`, `.github/` and `node_modules/` (the log says what was left out; `!node_modules/` in `.ebignore` takes one back).",
    },
    'platform-name': {
        default: '',
        description: 'Name of the custom platform (letters, digits, ".", "_", "-"). Defaults to the repository name.',
        shownDefault: 'repository name',
        meaning: 'Letters, digits, `.`, `_`, `-`.',
    },
    'platform-version': {
        default: 'auto',
        description: '"auto" (next patch after the newest version of this name in the account, 1.0.0 if none), an explicit MAJOR.MINOR.PATCH, or a tag such as v1.4.2 or refs/tags/v1.4.2 (pass github.ref on tag pushes).',
        meaning: '`auto` = next patch after the newest version of this name owned by the account (failed versions count, as in the EB CLI; `1.0.0` if none); `1.4.2`; or a tag `v1.4.2` / `refs/tags/v1.4.2`. An existing version is refused before anything is created.',
    },
    'aws-region': {
        default: '',
        description: "Region to build in. Defaults to AWS_REGION or AWS_DEFAULT_REGION (set by aws-actions/configure-aws-credentials). Checked against the regions the action knows (the AWS SDK's list); a misspelling names the nearest.",
        shownDefault: '`AWS_REGION`',
        meaning: 'Region to build in; one the action does not know is refused, naming the nearest (`eu-wst-1`: did you mean `eu-west-1`?).',
    },
    'allow-new-region': {
        default: 'false',
        description: 'Take a region the action does not know yet (newer than the AWS SDK it ships with) in aws-region, ami-regions or ami-kms-key-ids, with a warning, instead of refusing it.',
        meaning: "Take a region newer than the action's list (the AWS SDK's) in `aws-region`, `ami-regions` or `ami-kms-key-ids`, with a warning.",
    },
    'deadline-minutes': {
        default: '60',
        description: 'Overall deadline for the build, the smoke test and the copies of the release, in minutes (1 to 1440). Teardown always runs after it.',
        meaning: "Deadline for the build, the smoke test and the copies of the release, 1 to 1440. Teardown runs after it regardless. Keep the step's own `timeout-minutes` above it, so teardown has time.",
    },
    'timeout-minutes': {
        default: '',
        description: "deadline-minutes' old name: a workflow step's own timeout-minutes key is another thing.",
        meaning: "Deprecated: `deadline-minutes`' old name, which a workflow step's own `timeout-minutes` key shadowed in people's reading. Still taken, with a warning; both at once is an error.",
        deprecationMessage: 'timeout-minutes is now deadline-minutes.',
    },
    'poll-interval-seconds': {
        default: '10',
        description: 'Elastic Beanstalk builder: the pause between polls of the build events, one call each (the status is read when an event says the build ended, and every 5 minutes). Also the most a verdict waits to be seen.',
        meaning: "`elastic-beanstalk` only. Pause between polls of the build's events, one call each, as the EB CLI polls (the events carry the verdict; the status is read when one says the build ended, and every 5 minutes as a safety net). After a minute without events, a line says how long the build has run and what it did last.",
        only: { builder: 'elastic-beanstalk', why: "which follows Packer's output as it comes and polls nothing" },
    },
    'smoke-test': {
        default: 'true',
        description: 'Launch a throwaway instance from the new AMI and check it over SSH.',
        meaning: 'Launch a throwaway instance from the AMI and check it over SSH.',
    },
    'keep-builder': {
        default: 'false',
        description: 'Leave the Packer builder environment (eb-custom-platform-builder-packer) running after the build. It costs money every hour it lives.',
        meaning: '`elastic-beanstalk` only. Leave the Packer builder environment running (it is billed by the hour).',
        only: { builder: 'elastic-beanstalk', why: 'which makes no builder environment to keep' },
    },
    'dry-run': {
        default: 'false',
        description: 'Validate and package the platform and print the AWS calls a real run would make, without calling AWS; with skip-unchanged and AWS credentials in the environment, DescribeImages alone says whether a run would build or reuse.',
        meaning: 'Validate, package, print the plan of AWS calls; no AWS call, except that with `skip-unchanged` and credentials in the environment the plan says whether a run would build or reuse (read-only `DescribeImages`).',
    },
    tags: {
        default: '',
        description: `Tags for the platform version, or with builder packer for the AMI and its snapshots: one Key=Value per line, or comma-separated (a comma stays in a value unless another Key= follows it). At most ${50 - RUN_TAG_COUNT}: the resource's limit is 50 and the action adds its run's ${RUN_TAG_COUNT}.`,
        meaning: `\`Key=Value\` per line (or comma-separated: a comma stays in a value unless another \`Key=\` follows it), for the platform version, or with \`builder: packer\` for the AMI and its snapshots (the template's own \`tags\` win on a shared key). At most ${50 - RUN_TAG_COUNT}: the resource's limit is 50 and the action adds its run's ${RUN_TAG_COUNT}. Elastic Beanstalk's rules, for either builder: key up to 127, value up to 255 characters, no \`aws:\` or \`elasticbeanstalk:\` prefix, letters, digits, spaces and \`_ . : / = + - @\`.`,
    },
    'builder-instance-profile': {
        default: 'aws-elasticbeanstalk-custom-platform-ec2-role',
        description: 'Instance profile for the builder environment; it needs the AWSElasticBeanstalkCustomPlatformforEC2Role managed policy.',
        meaning: 'Instance profile of the builder; it needs the managed policy `AWSElasticBeanstalkCustomPlatformforEC2Role` (the plain `aws-elasticbeanstalk-ec2-role` makes Packer fail).',
        only: { builder: 'elastic-beanstalk', why: 'which makes no builder environment: leave it empty, or use builder: elastic-beanstalk' },
    },
    'builder-service-role': {
        default: 'aws-elasticbeanstalk-service-role',
        description: 'Service role Elastic Beanstalk uses for the builder environment (the EB CLI always sends aws-elasticbeanstalk-service-role).',
        meaning: '`elastic-beanstalk` only, like every `builder-*` input (given with `builder: packer`, each is refused, naming the builder that uses it). The service role for the builder environment (the EB CLI always sends this one).',
        only: { builder: 'elastic-beanstalk', why: 'which makes no builder environment: leave it empty, or use builder: elastic-beanstalk' },
    },
    'builder-instance-type': {
        default: '',
        description: 'Instance type of the builder environment (Elastic Beanstalk chooses when empty).',
        shownDefault: "EB's choice",
        meaning: 'Instance type of the builder.',
        only: { builder: 'elastic-beanstalk', why: 'which makes no builder environment: leave it empty, or use builder: elastic-beanstalk' },
    },
    'builder-vpc-id': {
        default: '',
        description: 'VPC for the builder environment (the default VPC when empty).',
        shownDefault: 'default VPC',
        meaning: 'The VPC the builder runs in.',
        only: { builder: 'elastic-beanstalk', why: "which makes no builder environment: set the VPC in the template's amazon-ebs builder (vpc_id)" },
    },
    'builder-subnets': {
        default: '',
        description: 'Comma-separated subnets of builder-vpc-id for the builder environment.',
        shownDefault: "default VPC's",
        meaning: 'Subnets of `builder-vpc-id` the builder runs in, comma- or space-separated.',
        only: { builder: 'elastic-beanstalk', why: "which makes no builder environment: set the subnet in the template's amazon-ebs builder (subnet_id)" },
    },
    'max-bundle-size-mb': {
        default: '500',
        description: 'Refuse a platform bundle larger than this many MiB.',
        meaning: 'Refuse a larger bundle.',
    },
    'smoke-instance-type': {
        default: 't3.small',
        description: 'Instance type of the smoke-test instance.',
        meaning: 'Instance type of the smoke-test instance.',
    },
    'smoke-subnet-id': {
        default: '',
        description: 'Subnet for the smoke-test instance (a default subnet of the default VPC when empty).',
        shownDefault: 'default subnet',
        meaning: 'Subnet of the smoke-test instance.',
    },
    'smoke-allowed-cidr': {
        default: '',
        description: "IPv4 CIDR allowed to reach the smoke-test instance on SSH and HTTP. Defaults to the runner's own public address (/32); a wider block needs smoke-allow-wide-cidr.",
        shownDefault: "runner's address/32",
        meaning: 'Who may reach the instance on SSH and HTTP. A block wider than one address is refused unless `smoke-allow-wide-cidr` is `true`.',
    },
    'smoke-allow-wide-cidr': {
        default: 'false',
        description: 'Allow a smoke-allowed-cidr wider than one address (a runner network inside the VPC); the log and the summary warn of it.',
        meaning: 'Allow a `smoke-allowed-cidr` wider than a /32 (a runner network inside the VPC, `0.0.0.0/0`); the log and the summary warn of it.',
    },
    'smoke-address': {
        default: 'public',
        description: 'Which address of the smoke-test instance the runner connects to: public, or private for a self-hosted runner inside the VPC (then set smoke-allowed-cidr to the runner network).',
        meaning: "The instance address the runner connects to: `public`, or `private` for a self-hosted runner inside the VPC (then `smoke-allowed-cidr` is required: the runner's /32, or its network with `smoke-allow-wide-cidr`).",
    },
    'smoke-kms-key-id': {
        default: '',
        description: "KMS key (id, alias or ARN) for the smoke-test instance's encrypted root volume. The account's default EBS key when empty.",
        shownDefault: "the account's default EBS key",
        meaning: "KMS key for the instance's encrypted root volume.",
    },
    'smoke-tags': {
        default: '',
        description: `Extra tags for the smoke-test instance, security group and key pair, written as tags is. At most ${50 - RUN_TAG_COUNT - 1}: EC2's limit is 50, the action adds its run's ${RUN_TAG_COUNT} and a Name.`,
        meaning: `Extra tags for the instance, security group and key pair, written as \`tags\` is. At most ${50 - RUN_TAG_COUNT - 1}: EC2's limit is 50, the action adds its run's ${RUN_TAG_COUNT} and a \`Name\`.`,
    },
    'smoke-script': {
        default: '',
        description: 'A script in the repository to run on the smoke-test instance after the built-in checks.',
        meaning: 'A script in the repository, run on the instance after the built-in checks.',
    },
    'sbom-previous-path': {
        default: '',
        description: "The previous image's SBOM (its run's sbom-path, kept as a workflow artifact and downloaded): a file, or a directory holding one .cdx.json. The summary lists the packages that changed since; absent is no comparison.",
        meaning: "The previous image's SBOM (a file, or the directory a downloaded artifact holds it in): the summary lists the packages added, removed and changed since, checked against the digest that image's tag records. Absent (a first release): no comparison. See \"The image's SBOM\".",
    },
    'ssh-user': {
        default: 'ubuntu',
        description: 'User to log in as on the smoke-test instance.',
        meaning: 'Login user on the instance.',
    },
    'ssh-port': {
        default: '22',
        description: 'SSH port of the smoke-test instance.',
        meaning: 'Port of sshd on the instance.',
    },
    'http-port': {
        default: '80',
        description: 'HTTP port nginx answers on, on the smoke-test instance.',
        meaning: 'Port of nginx on the instance.',
    },
    'ami-regions': {
        default: '',
        description: 'After a passed smoke test, regions to copy the image to (CopyImage, with its tags), one per line or comma-separated. The copies run in parallel; if one fails, every copy is removed.',
        meaning: 'After a passed smoke test, regions to copy the image to (see "Release").',
    },
    'ami-kms-key-ids': {
        default: '',
        description: "KMS keys for the copies, one region=key per line (a key id, alias or ARN in that region): that region's copy is encrypted with it.",
        meaning: "`region=key` per line: that region's copy is encrypted with the key.",
    },
    'ami-share-accounts': {
        default: '',
        description: 'AWS account ids given launch permission on the image and its copies, one per line or comma-separated.',
        meaning: 'Launch permission on the image and its copies for these AWS accounts.',
    },
    'ami-share-org-arns': {
        default: '',
        description: 'Organization ARNs given launch permission on the image and its copies.',
        meaning: 'Launch permission on the image and its copies for these organizations (ARNs).',
    },
    'ami-share-ou-arns': {
        default: '',
        description: 'Organizational unit ARNs given launch permission on the image and its copies.',
        meaning: 'Launch permission on the image and its copies for these organizational units (ARNs).',
    },
    'ssm-parameter': {
        default: '',
        description: 'An SSM parameter set to the image id in each region that has the image (data type aws:ec2:image), for launch templates that use resolve:ssm:.',
        meaning: 'SSM parameter set to the image id in each region that has it (data type `aws:ec2:image`).',
    },
    'ssm-parameter-platform-arn': {
        default: '',
        description: 'An SSM parameter set to the platform version ARN in the build region (builder elastic-beanstalk).',
        meaning: '`elastic-beanstalk` only. SSM parameter set to the platform version ARN.',
        only: { builder: 'elastic-beanstalk', why: 'which makes no platform version: use ssm-parameter for the image id' },
    },
    'keep-versions': {
        default: '0',
        description: 'Keep the newest N versions of the platform (platform versions, or images with builder packer) and remove older ones nothing uses; failed ones go first. 0 keeps all.',
        shownDefault: '`0` (all)',
        meaning: 'Keep the newest N versions of the platform; remove older ones nothing uses.',
    },
    'deprecate-previous-after-days': {
        default: '0',
        description: "Set a deprecation date this many days ahead on the platform's older images (EnableImageDeprecation). 0 leaves them.",
        shownDefault: '`0` (never)',
        meaning: "Set a deprecation date this many days ahead on the platform's older images.",
    },
    'sweep-orphans': {
        default: 'true',
        description: "At the start, remove the instances, security groups and key pairs this repository's runs that ended over an hour ago left (found by the action's tags).",
        meaning: "At the start, remove what this repository's runs that ended over an hour ago left.",
    },
};
/** Every output of the action, declared once like the inputs; a step sets one only by a name declared here. */
const OUTPUTS = {
    'platform-arn': {
        description: 'ARN of the new platform version.',
        meaning: 'ARN of the new platform version (empty with `builder: packer`).',
    },
    'platform-version': {
        description: 'The version created, such as 1.4.2; on a dry run, the version given (empty for auto, found only at run time).',
        meaning: 'The version created, such as `1.4.2`; on a dry run, the version given (unset for `auto`).',
    },
    'ami-id': { description: 'The AMI the build produced.', meaning: 'The AMI the build produced.' },
    'ami-ids': {
        description: 'JSON object, region to image id: the image and its copies.',
        meaning: 'JSON, region to image id: the image and its copies, such as `{"eu-west-1":"ami-0a…","eu-central-1":"ami-0b…"}`.',
    },
    'bundle-sha256': {
        description: 'SHA-256 of the platform bundle (hex); also part of its S3 key. Set on a dry run too.',
        meaning: 'SHA-256 (hex) of the platform bundle; also part of its S3 key. Set on a dry run too.',
    },
    'sbom-path': {
        description: "After a passed smoke test: the image's SBOM (CycloneDX 1.5 JSON), read from the booted instance.",
        meaning: "After a passed smoke test: the image's SBOM, CycloneDX 1.5 JSON, read from the booted instance (packages, OS, kernel, Docker).",
    },
    reused: {
        description: 'true when skip-unchanged reused a proven image instead of building; false when the run built one.',
        meaning: '`true` when `skip-unchanged` reused a proven image (no build, no smoke test), `false` when the run built.',
    },
    'rolled-back-from': {
        description: 'mode rollback: JSON object, region to the image id the SSM parameter held before the rollback.',
        meaning: '`mode: rollback`: JSON, region to the image the parameter held before (`ami-ids` says what it holds now).',
    },
    plan: {
        description: 'Dry run only: the AWS calls a real run would make, one per line.',
        meaning: 'Dry run only: the AWS calls a real run would make, one per line.',
    },
};


/***/ }),

/***/ 8141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ InputErrors),
  yG: () => (/* binding */ parseBoolean),
  TL: () => (/* binding */ parseInputs),
  p6: () => (/* binding */ unknownInputWarning),
  qs: () => (/* binding */ unknownInputs)
});

// UNUSED EXPORTS: BUILDER_INPUTS, DEFAULT_BUILDER_PROFILE, DEFAULT_SERVICE_ROLE, EB_TAG_RULES, EC2_TAG_RULES, MODES, RUN_TAG_COUNT, cidrAddresses, parseChoice, parseCidr, parseNumber, parseTags, parseVersionRequest

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/builders/packer/defaults.ts
var defaults = __webpack_require__(4774);
;// CONCATENATED MODULE: ./src/lib/closest.ts
/** The candidate nearest to `word` by edit distance, when near enough to be a slip of the keyboard. */
function closest(word, candidates) {
    let best;
    for (const c of candidates) {
        const d = editDistance(word.toLowerCase(), c.toLowerCase());
        if (!best || d < best.d)
            best = { c, d };
    }
    return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.c : undefined;
}
/** Levenshtein distance: insertions, deletions and substitutions of one character each. */
function editDistance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++)
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
    }
    return row[b.length];
}

// EXTERNAL MODULE: ./src/lib/errors.ts
var lib_errors = __webpack_require__(7268);
;// CONCATENATED MODULE: ./src/lib/regions.ts
/**
 * The AWS regions the action knows, from the AWS SDK's partition data
 * (@aws-sdk/core, util-endpoints partitions: each partition's regions, its
 * `-global` pseudo-regions left out). A test holds this list to the SDK's, so
 * it grows with the SDK; a region newer than both passes with
 * allow-new-region, with a warning.
 */
const KNOWN_REGIONS = [
    'af-south-1',
    'ap-east-1',
    'ap-east-2',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-3',
    'ap-southeast-4',
    'ap-southeast-5',
    'ap-southeast-6',
    'ap-southeast-7',
    'ca-central-1',
    'ca-west-1',
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'eu-south-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'il-central-1',
    'me-central-1',
    'me-south-1',
    'me-west-1',
    'mx-central-1',
    'sa-east-1',
    'sa-west-1',
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'cn-north-1',
    'cn-northwest-1',
    'eusc-de-east-1',
    'us-iso-east-1',
    'us-iso-west-1',
    'us-isob-east-1',
    'us-isob-west-1',
    'eu-isoe-west-1',
    'us-isof-east-1',
    'us-isof-south-1',
    'us-gov-east-1',
    'us-gov-west-1',
];

// EXTERNAL MODULE: ./src/lib/semver.ts
var semver = __webpack_require__(5419);
// EXTERNAL MODULE: ./src/lib/input-text.ts
var input_text = __webpack_require__(915);
// EXTERNAL MODULE: ./src/release/settings.ts
var settings = __webpack_require__(5552);
// EXTERNAL MODULE: ./src/lib/paths.ts
var paths = __webpack_require__(2308);
// EXTERNAL MODULE: ./src/declarations.ts
var declarations = __webpack_require__(1978);
;// CONCATENATED MODULE: ./src/inputs.ts











/** What a run does: build and release the platform, or roll its SSM parameters back. */
const MODES = ['build', 'rollback'];
/** The inputs a rollback reads; any other given at a value other than its default is ignored, with a warning. */
const ROLLBACK_INPUTS = new Set([
    'mode',
    'aws-region',
    'allow-new-region',
    'ami-regions',
    'ssm-parameter',
    'ssm-parameter-platform-arn',
    'platform-name',
    'dry-run',
    'deadline-minutes',
    'timeout-minutes',
]);
/** The EB CLI's default builder profile; the plain EB instance profile makes Packer fail. */
const DEFAULT_BUILDER_PROFILE = 'aws-elasticbeanstalk-custom-platform-ec2-role';
/** The service role the EB CLI always sends for the builder (ebcli/lib/elasticbeanstalk.py). */
const DEFAULT_SERVICE_ROLE = 'aws-elasticbeanstalk-service-role';

/**
 * Inputs only one builder reads, with their action.yml default (a value equal to it counts as not
 * given) and why the other builder cannot use them: given with the other builder, each is refused.
 */
const BUILDER_INPUTS = Object.fromEntries(Object.entries(declarations/* INPUTS */.mc).flatMap(([name, d]) => (d.only ? [[name, { ...d.only, default: d.default }]] : [])));
/** Thrown when several inputs are wrong at once: each keeps its own line. */
class InputErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.map((e) => e.message).join('\n'));
        this.errors = errors;
        this.name = 'InputErrors';
    }
}
// The region shapes of AWS's partitions (aws, aws-cn, aws-us-gov, aws-iso*, eusc), as the SDK's partition data defines them.
const REGION = /^(?:(?:us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+|cn-\w+-\d+|us-gov-\w+-\d+|us-iso[bef]?-\w+-\d+|eu-isoe-\w+-\d+|eusc-\w+-\d+)$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
/** Parses a version input: `auto`, `1.4.2`, `v1.4.2` or `refs/tags/v1.4.2`. */
function parseVersionRequest(raw) {
    const value = raw.trim();
    if (value === '' || value === 'auto')
        return { kind: 'auto' };
    const bare = value.replace(/^refs\/tags\//, '').replace(/^v/, '');
    if (!semver/* VERSION_INPUT */.KO.test(bare)) {
        throw new lib_errors/* InputError */.dz('platform-version', `'${value}' is not a version: expected 'auto', MAJOR.MINOR.PATCH such as 1.4.2, or a tag such as v1.4.2 or refs/tags/v1.4.2`);
    }
    return { kind: 'explicit', version: bare };
}
function parseBoolean(name, raw, fallback) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new lib_errors/* InputError */.dz(name, `'${value}' is not a boolean: expected true or false`);
}
function parseNumber(name, raw, fallback, min, max, integer = true) {
    const value = raw.trim();
    if (value === '')
        return fallback;
    const n = Number(value);
    const kind = integer ? 'a whole number' : 'a number';
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
        throw new lib_errors/* InputError */.dz(name, `'${value}' is not valid: expected ${kind} from ${min} to ${max}`);
    }
    return n;
}
const EC2_TAG_RULES = { max: 50 - declarations/* RUN_TAG_COUNT */.jD - 1, keyLength: 128, valueLength: 256, reservedPrefixes: /^aws:/i, service: 'EC2' };
/** Elastic Beanstalk's: key up to 127, value up to 255, no aws: or elasticbeanstalk: prefix, letters, digits, spaces and _ . : / = + - @ (API model, Tag). */
const EB_TAG_RULES = {
    max: 50 - declarations/* RUN_TAG_COUNT */.jD,
    keyLength: 127,
    valueLength: 255,
    reservedPrefixes: /^(aws|elasticbeanstalk):/i,
    characters: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
    service: 'Elastic Beanstalk',
};
/** `Key=Value` pairs, one per line or separated by commas, as AWS tags. */
function parseTags(name, raw, rules = EC2_TAG_RULES) {
    const tags = {};
    for (const item of (0,input_text/* tagItems */.LF)(raw)) {
        const eq = item.indexOf('=');
        const key = eq < 0 ? item : item.slice(0, eq).trim();
        const value = eq < 0 ? '' : item.slice(eq + 1).trim();
        if (eq < 0 || !key)
            throw new lib_errors/* InputError */.dz(name, `'${item}' is not a tag: expected Key=Value, one per line`);
        if (key.length > rules.keyLength || value.length > rules.valueLength) {
            throw new lib_errors/* InputError */.dz(name, `tag '${key}' is too long: ${rules.service} takes keys up to ${rules.keyLength} characters and values up to ${rules.valueLength}`);
        }
        const reserved = rules.reservedPrefixes.exec(key);
        if (reserved)
            throw new lib_errors/* InputError */.dz(name, `tag '${key}' uses the reserved prefix '${reserved[0]}': ${rules.service} keeps it for itself`);
        if (rules.characters && !(rules.characters.test(key) && rules.characters.test(value))) {
            throw new lib_errors/* InputError */.dz(name, `tag '${key}=${value}' has a character ${rules.service} refuses: expected letters, digits, spaces and _ . : / = + - @`);
        }
        tags[key] = value;
    }
    const count = Object.keys(tags).length;
    if (count > rules.max)
        throw new lib_errors/* InputError */.dz(name, `${count} tags given: expected at most ${rules.max} (${rules.service} takes 50 per resource; the action adds its own)`);
    return tags;
}
function parseCidr(name, raw) {
    const value = raw.trim();
    if (!value)
        return undefined;
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
    if (!m || m.slice(1, 5).some((o) => Number(o) > 255) || Number(m[5]) > 32) {
        throw new lib_errors/* InputError */.dz(name, `'${value}' is not an IPv4 CIDR block: expected a.b.c.d/n, such as 203.0.113.7/32`);
    }
    return value;
}
/** How many addresses a CIDR block holds, for the warning about a wide one. */
function cidrAddresses(cidr) {
    return 2 ** (32 - Number(cidr.split('/')[1]));
}
/**
 * A block wider than one address opens the smoke instance's SSH and HTTP to others than the runner:
 * refused unless smoke-allow-wide-cidr says so, and then a warning in the log and the summary.
 */
function checkCidrWidth(cidr, allowWide, warnings) {
    if (!cidr || cidr.endsWith('/32'))
        return;
    const what = `${cidr} lets ${cidr.endsWith('/0') ? 'the whole internet' : `${cidrAddresses(cidr).toLocaleString('en')} addresses`} reach the smoke-test instance's SSH and HTTP ports`;
    if (!allowWide)
        throw new lib_errors/* InputError */.dz('smoke-allowed-cidr', `${what}: expected a /32 (the runner's address), or set smoke-allow-wide-cidr: true to allow a wider block (a runner network inside the VPC)`);
    warnings.push(`smoke-allowed-cidr: ${what} (smoke-allow-wide-cidr: true).`);
}
function regionCode(name, value, check) {
    const parts = value.split(/\s+/);
    if (parts.length > 1 && parts.every((p) => REGION.test(p)))
        throw new lib_errors/* InputError */.dz(name, `'${value}' is several regions separated by spaces: expected one region per line, or a comma between them`);
    if (!REGION.test(value)) {
        const near = closest(value, KNOWN_REGIONS);
        throw new lib_errors/* InputError */.dz(name, `'${value}' is not an AWS region: expected a region code such as us-east-1 or eu-west-2${near ? ` (did you mean ${near}?)` : ''}`);
    }
    if (!KNOWN_REGIONS.includes(value)) {
        const near = closest(value, KNOWN_REGIONS);
        if (!check.allowNew)
            throw new lib_errors/* InputError */.dz(name, `'${value}' is not an AWS region the action knows${near ? `: did you mean ${near}?` : ''} A region newer than the action's list passes with allow-new-region: true`);
        check.warnings.push(`${name}: '${value}' is not an AWS region the action knows${near ? ` (the nearest is ${near})` : ''}; taken as a new region (allow-new-region).`);
    }
    return value;
}
/**
 * deadline-minutes, or its old name timeout-minutes (deprecated: a workflow's step takes a key of
 * that name, which stops the whole step, not the build's own deadline).
 */
function parseDeadline(get, warnings) {
    const raw = get('deadline-minutes').trim();
    const old = get('timeout-minutes').trim();
    if (!old)
        return parseNumber('deadline-minutes', raw, 60, 1, 1440);
    if (raw && raw !== '60' && raw !== old)
        throw new lib_errors/* InputError */.dz('timeout-minutes', `and deadline-minutes are both given (${old} and ${raw}): timeout-minutes is deadline-minutes' old name, set only deadline-minutes`);
    warnings.push("Input 'timeout-minutes' is deprecated: it is now deadline-minutes (a workflow step's own timeout-minutes key is another thing).");
    return parseNumber('timeout-minutes', old, 60, 1, 1440);
}
function parseRegion(raw, env, dryRun, check) {
    const value = raw.trim() || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || '';
    if (!value) {
        if (dryRun)
            return '';
        throw new lib_errors/* InputError */.dz('aws-region', 'no region given: set the aws-region input or AWS_REGION (aws-actions/configure-aws-credentials sets it)');
    }
    return regionCode('aws-region', value, check);
}
/** The regions to copy the image to: each once, never the build's own (the image is there already). */
function parseCopyRegions(raw, buildRegion, check) {
    const regions = [...new Set((0,input_text/* listInput */.dt)(raw).map((r) => regionCode('ami-regions', r, check)))];
    if (buildRegion && regions.includes(buildRegion)) {
        throw new lib_errors/* InputError */.dz('ami-regions', `${buildRegion} is the build's region, where the image is already: list only the regions to copy it to`);
    }
    return regions;
}
function parsePlatformName(raw, env) {
    const value = raw.trim() || (env.GITHUB_REPOSITORY ?? '').split('/')[1] || '';
    if (!value)
        throw new lib_errors/* InputError */.dz('platform-name', 'no name given: set platform-name (it defaults to the repository name on GitHub)');
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value)) {
        throw new lib_errors/* InputError */.dz('platform-name', `'${value}' is not a platform name: expected up to 100 letters, digits, '.', '_' or '-', starting with a letter or digit`);
    }
    return value;
}
function parseId(name, raw, prefix) {
    const value = raw.trim();
    if (!value)
        return undefined;
    if (!new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`).test(value))
        throw new lib_errors/* InputError */.dz(name, `'${value}' is not a ${prefix} id: expected ${prefix}- followed by 8 or 17 hex digits`);
    return value;
}
function parsePackerVersion(name, raw, fallback) {
    const v = raw.trim().replace(/^v/, '');
    if (!v)
        return fallback;
    if (name === 'packer-version' && v === 'path')
        return v;
    if (!semver/* VERSION_INPUT */.KO.test(v))
        throw new lib_errors/* InputError */.dz(name, `'${raw.trim()}' is not a version: expected MAJOR.MINOR.PATCH such as ${fallback ?? defaults/* DEFAULT_AMAZON_PLUGIN */.rO}${name === 'packer-version' ? ', or path for the packer on PATH' : ''}`);
    return v;
}
/** `name=value` lines, passed to `packer build` as -var; only the packer builder can pass them. */
function parsePackerVariables(raw) {
    const vars = {};
    for (const line of (0,input_text/* inputLines */.KD)(raw)) {
        const eq = line.indexOf('=');
        const key = eq < 0 ? '' : line.slice(0, eq).trim();
        if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key))
            throw new lib_errors/* InputError */.dz('packer-variables', `'${line}' is not a variable: expected name=value, one per line`);
        vars[key] = line.slice(eq + 1).trim();
    }
    return vars;
}
/** An IAM role or instance profile name (IAM: up to 128 of letters, digits and +=,.@_-). */
function parseRoleName(name, raw, fallback) {
    const v = raw.trim() || fallback;
    if (!/^[\w+=,.@-]{1,128}$/.test(v))
        throw new lib_errors/* InputError */.dz(name, `'${v}' is not an IAM name: expected up to 128 letters, digits or +=,.@_-`);
    return v;
}
function parseChoice(name, raw, choices, fallback) {
    const v = raw.trim();
    if (!v)
        return fallback;
    if (!choices.includes(v))
        throw new lib_errors/* InputError */.dz(name, `'${v}' is not one of ${choices.join(', ')}`);
    return v;
}
/** A KMS key id, alias or ARN, as EC2 takes one for an encrypted volume. */
function parseKmsKey(name, raw) {
    const v = raw.trim();
    if (!v)
        return undefined;
    const id = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^mrk-[0-9a-f]{32}$/;
    const arn = /^arn:aws[\w-]*:kms:[a-z0-9-]+:\d{12}:(key\/[\w-]+|alias\/[\w/+=,.@-]+)$/;
    if (!(id.test(v) || arn.test(v) || /^alias\/[\w/+=,.@-]+$/.test(v))) {
        throw new lib_errors/* InputError */.dz(name, `'${v}' is not a KMS key: expected a key id, an alias such as alias/ebs-smoke, or a key or alias ARN`);
    }
    return v;
}
function parseInstanceType(name, raw, fallback) {
    const value = raw.trim();
    if (!value)
        return fallback;
    if (!INSTANCE_TYPE.test(value))
        throw new lib_errors/* InputError */.dz(name, `'${value}' is not an EC2 instance type: expected a family and size such as t3.small`);
    return value;
}
function resolveInside(workspace, name, raw, what) {
    const full = external_node_path_.resolve(workspace, raw);
    if (!(0,paths/* isInside */.F)(workspace, full))
        throw new lib_errors/* InputError */.dz(name, `'${raw}' leaves the repository (${workspace}): expected a path inside it`);
    let stat;
    try {
        stat = external_node_fs_.statSync(full);
    }
    catch {
        throw new lib_errors/* InputError */.dz(name, `'${raw}' does not exist in ${workspace}: expected a ${what}`);
    }
    if (what === 'directory' ? !stat.isDirectory() : !stat.isFile())
        throw new lib_errors/* InputError */.dz(name, `'${raw}' is not a ${what}`);
    return full;
}
function parseBuilderEnvironment(get, attempt) {
    return {
        instanceType: attempt(() => parseInstanceType('builder-instance-type', get('builder-instance-type')), undefined),
        instanceProfile: attempt(() => parseRoleName('builder-instance-profile', get('builder-instance-profile'), DEFAULT_BUILDER_PROFILE), DEFAULT_BUILDER_PROFILE),
        serviceRole: attempt(() => parseRoleName('builder-service-role', get('builder-service-role'), DEFAULT_SERVICE_ROLE), DEFAULT_SERVICE_ROLE),
        vpcId: attempt(() => parseId('builder-vpc-id', get('builder-vpc-id'), 'vpc'), undefined),
        subnets: attempt(() => get('builder-subnets')
            .split(/[\s,]+/)
            .filter(Boolean)
            .map((s) => parseId('builder-subnets', s, 'subnet')), []),
    };
}
function parseSmoke(get, attempt, workspace, warnings) {
    const script = get('smoke-script').trim();
    return {
        instanceType: attempt(() => parseInstanceType('smoke-instance-type', get('smoke-instance-type'), 't3.small'), 't3.small'),
        subnetId: attempt(() => parseId('smoke-subnet-id', get('smoke-subnet-id'), 'subnet'), undefined),
        allowedCidr: attempt(() => {
            const cidr = parseCidr('smoke-allowed-cidr', get('smoke-allowed-cidr'));
            checkCidrWidth(cidr, parseBoolean('smoke-allow-wide-cidr', get('smoke-allow-wide-cidr'), false), warnings);
            return cidr;
        }, undefined),
        tags: attempt(() => parseTags('smoke-tags', get('smoke-tags')), {}),
        script: script ? attempt(() => resolveInside(workspace, 'smoke-script', script, 'file'), undefined) : undefined,
        sshUser: attempt(() => {
            const v = get('ssh-user').trim() || 'ubuntu';
            if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(v))
                throw new lib_errors/* InputError */.dz('ssh-user', `'${v}' is not a user name: expected lower-case letters, digits, '_' or '-'`);
            return v;
        }, 'ubuntu'),
        sshPort: attempt(() => parseNumber('ssh-port', get('ssh-port'), 22, 1, 65535), 22),
        httpPort: attempt(() => parseNumber('http-port', get('http-port'), 80, 1, 65535), 80),
        address: attempt(() => parseChoice('smoke-address', get('smoke-address'), ['public', 'private'], 'public'), 'public'),
        kmsKeyId: attempt(() => parseKmsKey('smoke-kms-key-id', get('smoke-kms-key-id')), undefined),
    };
}
function parseRelease(get, attempt, check) {
    const optionalCount = (name, max) => attempt(() => {
        const n = parseNumber(name, get(name), 0, 0, max);
        return n === 0 ? undefined : n;
    }, undefined);
    return {
        regions: [],
        kmsKeyIds: attempt(() => (0,settings/* parseKmsKeyMap */.Sf)('ami-kms-key-ids', get('ami-kms-key-ids'), (v) => regionCode('ami-kms-key-ids', v, check), (v) => {
            const key = parseKmsKey('ami-kms-key-ids', v);
            if (!key)
                throw new lib_errors/* InputError */.dz('ami-kms-key-ids', 'a region is given without a key: expected region=key');
            return key;
        }), {}),
        shareAccounts: attempt(() => (0,settings/* parseShareList */.Lm)('ami-share-accounts', get('ami-share-accounts'), 'account'), []),
        shareOrgArns: attempt(() => (0,settings/* parseShareList */.Lm)('ami-share-org-arns', get('ami-share-org-arns'), 'organization'), []),
        shareOuArns: attempt(() => (0,settings/* parseShareList */.Lm)('ami-share-ou-arns', get('ami-share-ou-arns'), 'ou'), []),
        ssmParameter: attempt(() => (0,settings/* parseParameterName */.An)('ssm-parameter', get('ssm-parameter')), undefined),
        ssmParameterPlatformArn: attempt(() => (0,settings/* parseParameterName */.An)('ssm-parameter-platform-arn', get('ssm-parameter-platform-arn')), undefined),
        keepVersions: optionalCount('keep-versions', 1000),
        // EnableImageDeprecation takes a date at most ten years ahead (EC2 API reference).
        deprecateAfterDays: optionalCount('deprecate-previous-after-days', 3650),
        sweepOrphans: attempt(() => parseBoolean('sweep-orphans', get('sweep-orphans'), true), true),
    };
}
/** Release inputs that contradict the others. */
function releaseConsistency(inputs) {
    const r = inputs.release;
    const errors = [];
    const stray = Object.keys(r.kmsKeyIds).filter((region) => !r.regions.includes(region));
    if (stray.length) {
        errors.push(new lib_errors/* InputError */.dz('ami-kms-key-ids', `${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} not in ami-regions: a key applies to the copy made in its region (the build region's image is encrypted as its template says)`));
    }
    for (const [input, name, regions] of [
        ['ssm-parameter', r.ssmParameter, [inputs.region, ...r.regions]],
        ['ssm-parameter-platform-arn', r.ssmParameterPlatformArn, [inputs.region]],
    ]) {
        const longest = name ? Math.max(...regions.filter(Boolean).map((region) => (0,settings/* parameterArnLength */.BF)(region, name))) : 0;
        if (name && longest > settings/* MAX_PARAMETER_ARN */.H3)
            errors.push(new lib_errors/* InputError */.dz(input, `'${name.slice(0, 40)}…' makes an ARN of ${longest} characters: Systems Manager counts the name with its ARN, at most ${settings/* MAX_PARAMETER_ARN */.H3}`));
    }
    if (r.ssmParameter && r.ssmParameter === r.ssmParameterPlatformArn) {
        errors.push(new lib_errors/* InputError */.dz('ssm-parameter-platform-arn', `is the same parameter as ssm-parameter (${r.ssmParameter}): expected another name`));
    }
    if ((0,settings/* promotes */.A9)(r) && !inputs.smokeTest) {
        errors.push(new lib_errors/* InputError */.dz('smoke-test', 'false while the image is to be promoted (ami-regions, sharing or an SSM parameter): a promotion follows a passed smoke test only'));
    }
    return errors;
}
/** A rollback needs a parameter to move; the inputs only a build reads are ignored, with one warning. */
function rollbackConsistency(inputs, get, warnings) {
    const ignored = Object.entries(declarations/* INPUTS */.mc)
        .filter(([name, d]) => !ROLLBACK_INPUTS.has(name) && get(name).trim() && get(name).trim() !== d.default)
        .map(([name]) => name);
    if (ignored.length)
        warnings.push(`mode rollback builds nothing: ${ignored.join(', ')} ${ignored.length > 1 ? 'are' : 'is'} ignored.`);
    if (inputs.release.ssmParameter || inputs.release.ssmParameterPlatformArn)
        return [];
    return [
        new lib_errors/* InputError */.dz('mode', 'rollback without ssm-parameter or ssm-parameter-platform-arn: expected the parameter the releases wrote, whose history says what to return to'),
    ];
}
/**
 * Parses and validates every input, collecting one error per bad input, so a
 * user fixes them all in one go. Nothing here touches AWS.
 */
function parseInputs(given, env = process.env) {
    // Only declared inputs: an input given under any other name is one the action ignores, and says so.
    const get = (name) => {
        if (!Object.hasOwn(declarations/* INPUTS */.mc, name))
            throw new Error(`input ${name} is not declared in src/declarations.ts`);
        return given(name);
    };
    const errors = [];
    const attempt = (fn, fallback) => {
        try {
            return fn();
        }
        catch (e) {
            if (e instanceof lib_errors/* InputError */.dz) {
                errors.push(e);
                return fallback;
            }
            throw e;
        }
    };
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const mode = attempt(() => parseChoice('mode', get('mode'), MODES, 'build'), 'build');
    const dryRun = attempt(() => parseBoolean('dry-run', get('dry-run'), false), false);
    const warnings = [];
    const regionCheck = { allowNew: attempt(() => parseBoolean('allow-new-region', get('allow-new-region'), false), false), warnings };
    const smokeTest = attempt(() => parseBoolean('smoke-test', get('smoke-test'), true), true);
    const builder = attempt(() => parseChoice('builder', get('builder'), declarations/* BUILDERS */.rV, 'elastic-beanstalk'), 'elastic-beanstalk');
    const inputs = {
        mode,
        skipUnchanged: attempt(() => parseBoolean('skip-unchanged', get('skip-unchanged'), false), false),
        sbomPreviousPath: get('sbom-previous-path').trim() ? external_node_path_.resolve(workspace, get('sbom-previous-path').trim()) : undefined,
        builder,
        packer: {
            version: attempt(() => parsePackerVersion('packer-version', get('packer-version'), defaults/* DEFAULT_PACKER */.Dv), defaults/* DEFAULT_PACKER */.Dv),
            pluginVersion: attempt(() => parsePackerVersion('packer-amazon-plugin-version', get('packer-amazon-plugin-version')), undefined),
            variables: attempt(() => parsePackerVariables(get('packer-variables')), {}),
        },
        // A rollback packages nothing: its workflow need not check the platform out.
        platformDir: mode === 'rollback' ? '' : attempt(() => resolveInside(workspace, 'platform-dir', get('platform-dir').trim() || 'platform', 'directory'), ''),
        platformName: attempt(() => parsePlatformName(get('platform-name'), env), ''),
        platformVersion: attempt(() => parseVersionRequest(get('platform-version')), { kind: 'auto' }),
        region: attempt(() => parseRegion(get('aws-region'), env, dryRun, regionCheck), ''),
        timeoutMinutes: attempt(() => parseDeadline(get, warnings), 60),
        pollIntervalSeconds: attempt(() => parseNumber('poll-interval-seconds', get('poll-interval-seconds'), 10, 0.05, 300, false), 10),
        smokeTest,
        keepBuilder: attempt(() => parseBoolean('keep-builder', get('keep-builder'), false), false),
        dryRun,
        tags: attempt(() => parseTags('tags', get('tags'), EB_TAG_RULES), {}),
        builderEnvironment: parseBuilderEnvironment(get, attempt),
        maxBundleBytes: attempt(() => parseNumber('max-bundle-size-mb', get('max-bundle-size-mb'), 500, 1, 4000) * 1024 * 1024, 500 * 1024 * 1024),
        smoke: parseSmoke(get, attempt, workspace, warnings),
        release: parseRelease(get, attempt, regionCheck),
        warnings,
        inputNames: new Set(Object.keys(declarations/* INPUTS */.mc)),
    };
    inputs.release.regions = attempt(() => parseCopyRegions(get('ami-regions'), inputs.region, regionCheck), []);
    if (inputs.smoke.address === 'private' && !get('smoke-allowed-cidr').trim() && smokeTest) {
        errors.push(new lib_errors/* InputError */.dz('smoke-allowed-cidr', "not set while smoke-address is private: expected the runner's address inside the VPC, such as 10.0.3.7/32, or its network (10.0.0.0/16) with smoke-allow-wide-cidr: true"));
    }
    if (mode === 'rollback')
        errors.push(...rollbackConsistency(inputs, get, warnings));
    else
        errors.push(...releaseConsistency(inputs));
    if (inputs.skipUnchanged && !smokeTest)
        errors.push(new lib_errors/* InputError */.dz('skip-unchanged', 'true while smoke-test is false: only an image that passed its smoke test is reused, and this run would prove none'));
    for (const [name, only] of Object.entries(BUILDER_INPUTS)) {
        const value = get(name).trim();
        if (only.builder !== builder && value && value !== only.default)
            errors.push(new lib_errors/* InputError */.dz(name, `given with builder ${builder}, ${only.why}`));
    }
    if (inputs.builderEnvironment.subnets.length && !inputs.builderEnvironment.vpcId) {
        errors.push(new lib_errors/* InputError */.dz('builder-subnets', 'subnets given without builder-vpc-id: expected the VPC that holds them'));
    }
    if (errors.length === 1)
        throw errors[0];
    if (errors.length > 1)
        throw new InputErrors(errors);
    return inputs;
}
/** Inputs given that the action does not read, each with the nearest one it does (a misspelling's fix). */
function unknownInputs(given, inputs) {
    const known = [...inputs.inputNames];
    return given.filter((name) => !inputs.inputNames.has(name)).map((name) => ({ name, nearest: closest(name, known) }));
}
/** What the log says of an input the action does not read. */
const unknownInputWarning = ({ name, nearest }) => `Input '${name}' is not an input of this action${nearest ? `: did you mean ${nearest}?` : ''} It is ignored.`;


/***/ }),

/***/ 6676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   T1: () => (/* binding */ isPermissionDenied),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/**
 * The one place that reads an AWS error: its code, whether it is worth trying
 * again, and what kind of refusal it is. SDK v3 errors carry the service's code
 * in `name` (query protocols also in `Code`), the HTTP status in `$metadata`.
 */
/** The service's error code (`InvalidGroup.Duplicate`, `Throttling`…), or '' for something that is not an AWS error. */
function errorCode(error) {
    const e = error;
    return e?.Code ?? e?.name ?? '';
}
const TRANSIENT_CODES = [
    'Throttling',
    'ThrottlingException',
    'RequestLimitExceeded',
    'TooManyRequestsException',
    'RequestTimeout',
    'TimeoutError',
    'ServiceUnavailable',
    'InternalError',
    'InternalFailure',
    'SlowDown',
];
const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED'];
/**
 * Throttling, 5xx and dropped connections: the request may not have reached
 * AWS, or AWS may have acted and the answer was lost. Anything else is AWS's
 * final word.
 */
function isTransient(error) {
    const e = error;
    if (e?.$retryable)
        return true;
    const status = e?.$metadata?.httpStatusCode;
    if (status !== undefined && (status >= 500 || status === 429))
        return true;
    if (TRANSIENT_CODES.includes(errorCode(error)))
        return true;
    return NETWORK_CODES.includes(e?.code ?? '');
}
/** A plain IAM denial (`AccessDenied`, EC2's `UnauthorizedOperation`) or Elastic Beanstalk's `InsufficientPrivilegesException`. */
function isPermissionDenied(error) {
    return /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|InsufficientPrivilegesException)$/.test(errorCode(error));
}
/** An error whose code ends in NotFound (`InvalidInstanceID.NotFound`, `InvalidGroup.NotFound`…), or one of `codes`. */
function isNotFound(error, ...codes) {
    const code = errorCode(error);
    return codes.length ? codes.includes(code) : /NotFound$/.test(code);
}
/**
 * The create call's resource exists already. After a lost answer, the SDK's
 * retry of a create meets its own work: EC2 says `…Duplicate`, Elastic
 * Beanstalk (whose exact words for a platform version are not documented)
 * says the version "already exists".
 */
function isAlreadyExists(error) {
    return /\.Duplicate$/.test(errorCode(error)) || /already exists/i.test(error?.message ?? '');
}


/***/ }),

/***/ 2986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ clientPool)
/* harmony export */ });
/* unused harmony export createClients */
/**
 * Clients on the SDK's default credential chain (so OIDC through
 * aws-actions/configure-aws-credentials works unchanged) and its standard
 * endpoint variables (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`).
 * Adaptive retries back off on throttling across the whole run.
 */
function createClients(region) {
    const config = { region, retryMode: 'adaptive', maxAttempts: 8, customUserAgent: 'eb-custom-platform-action' };
    const made = new Map();
    return {
        get(Client) {
            let client = made.get(Client);
            if (!client)
                made.set(Client, (client = new Client(config)));
            return client;
        },
        destroy() {
            for (const client of made.values())
                client.destroy();
            made.clear();
        },
    };
}
function clientPool() {
    const cache = new Map();
    return {
        clientsFor(region) {
            let clients = cache.get(region);
            if (!clients)
                cache.set(region, (clients = createClients(region)));
            return clients;
        },
        destroy() {
            for (const clients of cache.values())
                clients.destroy();
            cache.clear();
        },
    };
}


/***/ }),

/***/ 4517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ abortable),
/* harmony export */   d: () => (/* binding */ realClock)
/* harmony export */ });
const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
/**
 * A clock whose sleeps end at once, and whose time jumps past any deadline,
 * once the job is cancelled: every wait built on it stops promptly.
 */
function abortable(clock, signal) {
    if (!signal)
        return clock;
    return {
        now: () => (signal.aborted ? Number.MAX_SAFE_INTEGER : clock.now()),
        sleep: (ms) => signal.aborted
            ? Promise.resolve()
            : new Promise((resolve) => {
                const done = () => {
                    signal.removeEventListener('abort', done);
                    resolve();
                };
                signal.addEventListener('abort', done);
                clock.sleep(ms).then(done);
            }),
    };
}


/***/ }),

/***/ 915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KD: () => (/* binding */ inputLines),
/* harmony export */   LF: () => (/* binding */ tagItems),
/* harmony export */   dt: () => (/* binding */ listInput)
/* harmony export */ });
/** How multi-value inputs are written: one item per line, or (lists) also comma-separated. */
/** The non-blank lines of an input, trimmed. */
function inputLines(raw) {
    return raw
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
/** Items separated by newlines or commas, blanks dropped. */
function listInput(raw) {
    return raw
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean);
}
/**
 * Tags: one `Key=Value` per line, or several on a line separated by commas. A comma stays in the
 * value unless what follows it reads as another `Key=` (`Team=web,api` is one tag).
 */
function tagItems(raw) {
    return inputLines(raw)
        .flatMap((line) => line.split(/,(?=\s*[^,=\s][^,=]*=)/))
        .map((s) => s.trim())
        .filter(Boolean);
}


/***/ }),

/***/ 2308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ isInside)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Whether `target` is `dir` itself or below it. A name that merely begins with two dots
 * (`..notes`) is inside; `..` and `../x` are not, nor is another drive or root.
 */
function isInside(dir, target) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(dir), node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(dir, target));
    return !node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`);
}


/***/ }),

/***/ 5419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HX: () => (/* binding */ SEMVER),
/* harmony export */   KO: () => (/* binding */ VERSION_INPUT),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   jZ: () => (/* binding */ atLeast)
/* harmony export */ });
/** MAJOR.MINOR.PATCH versions: the platform's, Packer's and its plugin's. */
/** A release version as AWS and HashiCorp list them (no pre-release, no metadata). */
const SEMVER = /^\d+\.\d+\.\d+$/;
/** A version a user writes in an input (platform, Packer, plugin): no leading zeros, each part of at most 9 digits. */
const VERSION_INPUT = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < 3; i++)
        if (pa[i] !== pb[i])
            return (pa[i] ?? 0) - (pb[i] ?? 0);
    return 0;
}
/** Whether `version` is `floor` or later. */
const atLeast = (version, floor) => compareVersions(version, floor) >= 0;


/***/ }),

/***/ 5552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A9: () => (/* binding */ promotes),
/* harmony export */   An: () => (/* binding */ parseParameterName),
/* harmony export */   BF: () => (/* binding */ parameterArnLength),
/* harmony export */   H3: () => (/* binding */ MAX_PARAMETER_ARN),
/* harmony export */   Lm: () => (/* binding */ parseShareList),
/* harmony export */   MA: () => (/* binding */ sharesImage),
/* harmony export */   Sf: () => (/* binding */ parseKmsKeyMap),
/* harmony export */   hq: () => (/* binding */ releaseSteps),
/* harmony export */   wA: () => (/* binding */ shareTargets)
/* harmony export */ });
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _lib_input_text__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(915);
/**
 * The release inputs: where a proven image goes (copies, sharing, SSM), how
 * many of the platform's versions are kept, and the sweep of what dead runs
 * left. Parsed with the other inputs, before any AWS call.
 */


/** Who gets launch permission: accounts, organization ARNs and OU ARNs. */
function shareTargets(r) {
    return [...r.shareAccounts, ...r.shareOrgArns, ...r.shareOuArns];
}
/** Whether the image is shared with anyone. */
function sharesImage(r) {
    return shareTargets(r).length > 0;
}
/** Whether anything happens after the smoke test: a promotion needs a passed smoke test. */
function promotes(r) {
    return r.regions.length > 0 || sharesImage(r) || !!r.ssmParameter || !!r.ssmParameterPlatformArn;
}
function releaseSteps(r) {
    return promotes(r) || r.keepVersions !== undefined || r.deprecateAfterDays !== undefined;
}
const ACCOUNT = /^\d{12}$/;
// Organizations' ARN shapes (Organizations API reference, Organization.Arn and OrganizationalUnit.Arn).
const ORG_ARN = /^arn:aws[\w-]*:organizations::\d{12}:organization\/o-[a-z0-9]{10,32}$/;
const OU_ARN = /^arn:aws[\w-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
function parseShareList(name, raw, kind) {
    const shape = { account: ACCOUNT, organization: ORG_ARN, ou: OU_ARN }[kind];
    const expected = {
        account: 'a 12-digit AWS account id',
        organization: 'an organization ARN such as arn:aws:organizations::123456789012:organization/o-exampleorgid',
        ou: 'an organizational unit ARN such as arn:aws:organizations::123456789012:ou/o-exampleorgid/ou-ab12-cdef3456',
    }[kind];
    const items = (0,_lib_input_text__WEBPACK_IMPORTED_MODULE_1__/* .listInput */ .dt)(raw);
    for (const item of items)
        if (!shape.test(item))
            throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${item}' is not ${expected}`);
    return [...new Set(items)];
}
/**
 * An SSM parameter name (Systems Manager user guide, "Parameter name requirements"): letters,
 * digits and . - _ (and / for a path), at most 1011 characters, at most 15 levels, not beginning
 * with aws or ssm in any case; a path starts with /.
 */
function parseParameterName(name, raw) {
    const v = raw.trim();
    if (!v)
        return undefined;
    const bare = v.replace(/^\//, '');
    if (!/^[A-Za-z0-9._\-/]{1,1011}$/.test(v) || v.includes('//') || v.endsWith('/') || (v.includes('/') && !v.startsWith('/'))) {
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${v}' is not an SSM parameter name: expected letters, digits and . - _, or a path such as /platform/web/ami-id`);
    }
    if (/^(aws|ssm)/i.test(bare))
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${v}' begins with '${bare.slice(0, 3)}', which Systems Manager keeps for itself`);
    if (v.split('/').filter(Boolean).length > 15)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${v}' has more than 15 levels, the most Systems Manager takes`);
    return v;
}
/** The longest parameter name, ARN included: "The maximum length for a parameter name, including the full length of the parameter ARN, is 1011 characters" (Systems Manager user guide, "Parameter name requirements"). */
const MAX_PARAMETER_ARN = 1011;
/** A parameter's ARN as that limit counts it: the partition's prefix, a 12-digit account, the name. */
function parameterArnLength(region, name) {
    const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
    return `arn:${partition}:ssm:${region}:123456789012:parameter${name.startsWith('/') ? '' : '/'}${name}`.length;
}
/** `region=key` lines, each region one the image is copied to (or the build's). */
function parseKmsKeyMap(name, raw, parseRegion, parseKey) {
    const out = {};
    for (const line of (0,_lib_input_text__WEBPACK_IMPORTED_MODULE_1__/* .inputLines */ .KD)(raw)) {
        const eq = line.indexOf('=');
        if (eq < 0)
            throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${line}' is not region=key: expected one line per region, such as eu-central-1=alias/ami-copies`);
        const region = parseRegion(line.slice(0, eq).trim());
        if (out[region])
            throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `region ${region} is given twice`);
        out[region] = parseKey(line.slice(eq + 1).trim());
    }
    return out;
}


/***/ }),

/***/ 428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kp: () => (/* binding */ LEDGER_STATE),
/* harmony export */   M5: () => (/* binding */ createLedger),
/* harmony export */   SP: () => (/* binding */ creating),
/* harmony export */   h8: () => (/* binding */ parseLedger),
/* harmony export */   ik: () => (/* binding */ resourceKey)
/* harmony export */ });
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6676);

/**
 * The field that names each kind from the moment it is recorded, before AWS
 * gives it an id: a name the run chose, or a client token.
 */
const NAMED_BY = {
    'builder-environment': 'environmentName',
    instance: 'clientToken',
    'security-group': 'groupName',
    'key-pair': 'keyName',
    'packer-build': 'build',
    'image-copy': 'clientToken',
};
/** A stable identity for a resource, independent of ids learnt later. */
function resourceKey(resource) {
    const name = resource[NAMED_BY[resource.kind]];
    return `${resource.kind}:${resource.region}:${name}`;
}
/** The name under which the ledger is saved with `core.saveState`. */
const LEDGER_STATE = 'ledger';
function createLedger(persist, initial = []) {
    const entries = new Map();
    for (const r of initial)
        entries.set(resourceKey(r), r);
    const save = () => persist(JSON.stringify([...entries.values()]));
    return {
        record(resource) {
            const key = resourceKey(resource);
            entries.set(key, { ...entries.get(key), ...resource });
            save();
        },
        release(resource) {
            if (entries.delete(resourceKey(resource)))
                save();
        },
        list: () => [...entries.values()],
    };
}
/** Reads a saved ledger; anything unreadable is an empty one, reported through `onBad`. */
function parseLedger(serialized, onBad = () => { }) {
    if (!serialized.trim())
        return [];
    try {
        const value = JSON.parse(serialized);
        if (!Array.isArray(value))
            throw new Error('not a list');
        return value.filter((r) => typeof r === 'object' && r !== null && typeof r.region === 'string' && Object.hasOwn(NAMED_BY, r.kind));
    }
    catch (e) {
        onBad(`saved ledger is unreadable (${e.message})`);
        return [];
    }
}
/**
 * Records `resource`, then runs the call that creates it. A refusal means
 * nothing was created, so the record goes; a lost answer (throttling, 5xx, a
 * dropped connection) leaves it for teardown to settle.
 */
async function creating(ledger, resource, call) {
    ledger.record(resource);
    try {
        return await call();
    }
    catch (error) {
        if (!(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(error.cause ?? error))
            ledger.release(resource);
        throw error;
    }
}


/***/ }),

/***/ 236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dk: () => (/* binding */ TAG),
/* harmony export */   He: () => (/* binding */ runTags),
/* harmony export */   NE: () => (/* binding */ withDeadline)
/* harmony export */ });
/* unused harmony export MANAGED_BY */
/** Tags that tie what a run creates to the repository and run that made it; the sweep reads them back. */
const TAG = {
    managedBy: 'eb-platform-action:managed-by',
    repository: 'eb-platform-action:repository',
    runId: 'eb-platform-action:run-id',
    runAttempt: 'eb-platform-action:run-attempt',
    runUrl: 'eb-platform-action:run-url',
    /** When the run's main step gives up at the latest (its start plus deadline-minutes): after it, only the post step may still act. */
    deadline: 'eb-platform-action:run-deadline',
};
const MANAGED_BY = 'eb-custom-platform-action';
function runTags(env = process.env) {
    const tags = { [TAG.managedBy]: MANAGED_BY };
    if (env.GITHUB_REPOSITORY)
        tags[TAG.repository] = env.GITHUB_REPOSITORY;
    if (env.GITHUB_RUN_ID)
        tags[TAG.runId] = env.GITHUB_RUN_ID;
    if (env.GITHUB_RUN_ATTEMPT)
        tags[TAG.runAttempt] = env.GITHUB_RUN_ATTEMPT;
    if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        tags[TAG.runUrl] = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
    }
    return tags;
}
/** The run's tags with its deadline, once the run knows it; nothing is added to an empty set (a test's). */
function withDeadline(tags, deadline) {
    return tags[TAG.managedBy] ? { ...tags, [TAG.deadline]: new Date(deadline).toISOString() } : tags;
}


/***/ })

};
;
//# sourceMappingURL=717.index.js.map