"use strict";
exports.id = 478;
exports.ids = [478];
exports.modules = {

/***/ 9303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ bundleKey),
/* harmony export */   oe: () => (/* binding */ BUILDER_ENVIRONMENT),
/* harmony export */   wP: () => (/* binding */ builderOptionSettings)
/* harmony export */ });
/**
 * The environment Elastic Beanstalk starts to run Packer. The API does not
 * return its name (CreatePlatformVersion gives only an ARN), and the EB CLI
 * hard-codes this one; there is a single builder per region, reused by builds.
 */
const BUILDER_ENVIRONMENT = 'eb-custom-platform-builder-packer';
/**
 * The builder environment's settings, as the EB CLI sends them
 * (ebcli/lib/elasticbeanstalk.py, create_platform_version): the launch
 * configuration and VPC the user chose, and always enhanced health and the
 * service role.
 */
function builderOptionSettings(builder) {
    const settings = [
        { Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'IamInstanceProfile', Value: builder.instanceProfile },
    ];
    if (builder.instanceType)
        settings.push({ Namespace: 'aws:autoscaling:launchconfiguration', OptionName: 'InstanceType', Value: builder.instanceType });
    if (builder.vpcId) {
        settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'VPCId', Value: builder.vpcId });
        if (builder.subnets.length)
            settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'Subnets', Value: builder.subnets.join(',') });
        settings.push({ Namespace: 'aws:ec2:vpc', OptionName: 'AssociatePublicIpAddress', Value: 'true' });
    }
    settings.push({ Namespace: 'aws:elasticbeanstalk:healthreporting:system', OptionName: 'SystemType', Value: 'enhanced' });
    settings.push({ Namespace: 'aws:elasticbeanstalk:environment', OptionName: 'ServiceRole', Value: builder.serviceRole });
    return settings;
}
/** Where the bundle goes: its content hash is part of the key, so a changed platform never overwrites an old one. */
function bundleKey(platformName, version, sha256) {
    return `custom-platforms/${platformName}/${version}-${sha256}.zip`;
}


/***/ }),

/***/ 4478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planLines: () => (/* binding */ planLines)
/* harmony export */ });
/* harmony import */ var _builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9303);
/* harmony import */ var _platform_smoke_spec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1916);
/* harmony import */ var _builders_packer_defaults__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4774);
/* harmony import */ var _release_prune_rules__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(747);
/* harmony import */ var _release_settings__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5552);





/** The AWS calls a real run would make, in order, for a dry run to print; each builder's own. */
function planLines(inputs, bundle, definition, checked = []) {
    const { templateFile } = definition;
    const region = inputs.region || '<region from AWS_REGION>';
    const name = inputs.platformName;
    const version = inputs.platformVersion.kind === 'explicit' ? inputs.platformVersion.version : '<next patch after the newest existing version, 1.0.0 if none>';
    const lines = [`region ${region}, platform ${name}/${version}, Packer template ${templateFile}, builder ${inputs.builder}`];
    const add = (line) => lines.push(`${lines.length}. ${line}`);
    add(`checked already, with no AWS call, on the bundle as it ships: platform.yaml (flavor, metadata, option namespaces), the files and variables the template names, ${definition.smoke ? `${_platform_smoke_spec__WEBPACK_IMPORTED_MODULE_0__/* .SMOKE_FILE */ .Z}, ` : ''}the inputs` +
        (inputs.region ? ", the template's region against the region" : '') +
        (checked.filter((c) => !c.startsWith('not run')).length ? `, ${checked.filter((c) => !c.startsWith('not run')).join(', ')}` : '') +
        (inputs.region ? '' : "; not checked: the template's region, since no region is given (aws-region, AWS_REGION or AWS_DEFAULT_REGION)") +
        checked
            .filter((c) => c.startsWith('not run'))
            .map((c) => `; ${c}`)
            .join(''));
    if (inputs.builder === 'packer') {
        add(inputs.packer.version === 'path'
            ? `use the packer on PATH${inputs.packer.pluginVersion ? ` with the amazon plugin ${inputs.packer.pluginVersion}` : ''} (no AWS call)`
            : `download Packer ${inputs.packer.version} and the amazon plugin ${inputs.packer.pluginVersion ?? _builders_packer_defaults__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_AMAZON_PLUGIN */ .rO} from HashiCorp's release site (each SHA256SUMS checked against HashiCorp's signature, each zip against its sum), packer plugins install --path (no AWS call)`);
        add("the credentials' expiry against the deadline (no call)");
        addParameterCheck(inputs, add);
        addSweep(inputs, add);
        addFingerprint(inputs, add);
        add(`ec2:DescribeImages (owner self, tag eb_platform_name=${name}): ${inputs.platformVersion.kind === 'auto' ? 'choose the version' : `check that ${version} does not exist`}`);
        add(`packer validate, then packer build -machine-readable ${templateFile}${Object.keys(inputs.packer.variables).length ? ` with -var ${Object.keys(inputs.packer.variables).join(', ')}` : ''}: Packer's amazon-ebs calls (ec2:DescribeImages, CreateKeyPair, CreateSecurityGroup, AuthorizeSecurityGroupIngress, RunInstances, DescribeInstances, StopInstances, CreateImage, CreateTags, TerminateInstances, DeleteSecurityGroup, DeleteKeyPair); no Elastic Beanstalk call`);
    }
    else {
        const settings = (0,_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_3__/* .builderOptionSettings */ .wP)(inputs.builderEnvironment)
            .map((o) => `${o.Namespace}:${o.OptionName}=${o.Value}`)
            .join(', ');
        add(`iam:GetInstanceProfile ${inputs.builderEnvironment.instanceProfile}, and the credentials' expiry against the deadline`);
        addParameterCheck(inputs, add);
        addSweep(inputs, add);
        addFingerprint(inputs, add);
        add(`elasticbeanstalk:ListPlatformVersions (owner self, name ${name}): ${inputs.platformVersion.kind === 'auto' ? 'choose the version' : `check that ${version} does not exist`}`);
        add(`elasticbeanstalk:CreateStorageLocation: the account's bucket elasticbeanstalk-${region}-<account>`);
        add(`s3:PutObject ${(0,_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_3__/* .bundleKey */ .CK)(name, version, bundle.sha256)} (${bundle.bytes} bytes, SHA-256 ${bundle.sha256})`);
        add(`elasticbeanstalk:CreatePlatformVersion ${name}/${version} with ${settings}${Object.keys(inputs.tags).length ? `, tags ${Object.keys(inputs.tags).join(', ')}` : ''}`);
        add(`elasticbeanstalk:DescribeEvents every ${inputs.pollIntervalSeconds} s (DescribePlatformVersion when an event says the build ended, and every 5 min) until Ready, Failed or ${inputs.timeoutMinutes} min (logs:GetLogEvents for Packer's output on a failure); ec2:DescribeImages until the AMI is available`);
    }
    if (inputs.smokeTest) {
        add(`smoke test: before the build, ec2:ImportKeyPair, CreateSecurityGroup, AuthorizeSecurityGroupIngress (22, ${inputs.smoke.httpPort} from ${inputs.smoke.allowedCidr ?? "the runner's public address/32"}); ` +
            `once the image is available, DescribeImages, RunInstances (${inputs.smoke.instanceType}, IMDSv2 only, encrypted root volume), DescribeInstances, GetConsoleOutput; SSH checks as ${inputs.smoke.sshUser} at the ${inputs.smoke.address} address; ` +
            `TerminateInstances, DeleteSecurityGroup, DeleteKeyPair`);
        add(definition.smoke
            ? `smoke checks from ${_platform_smoke_spec__WEBPACK_IMPORTED_MODULE_0__/* .SMOKE_FILE */ .Z}: ${definition.smoke.checks.map((c) => c.name).join(', ') || 'none'}${definition.smoke.deploy ? '; a deploy of the sample application' : ''}${definition.smoke.http ? `; GET ${definition.smoke.http.path}` : ''}`
            : `no ${_platform_smoke_spec__WEBPACK_IMPORTED_MODULE_0__/* .SMOKE_FILE */ .Z} beside platform.yaml: only the action's own checks (SSH with the pinned host key, the boot finished${inputs.smoke.script ? ', smoke-script' : ''}); declare the platform's own in ${_platform_smoke_spec__WEBPACK_IMPORTED_MODULE_0__/* .SMOKE_FILE */ .Z} (README, "Declaring a platform's smoke checks")`);
    }
    if (inputs.builder === 'packer') {
        add('teardown of whatever Packer announced and did not remove (its instance, temporary security group and key pair, an image it left half-registered)');
    }
    else {
        add(inputs.keepBuilder
            ? `keep the builder environment ${_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_3__/* .BUILDER_ENVIRONMENT */ .oe} (keep-builder)`
            : `elasticbeanstalk:DescribeEnvironments, ListPlatformVersions, TerminateEnvironment ${_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_3__/* .BUILDER_ENVIRONMENT */ .oe} (AbortEnvironmentUpdate first if this run's build is still running; kept while another build runs); ec2:DescribeInstances for Packer's instance by the template's run tags`);
    }
    releasePlan(inputs, add);
    return lines;
}
/** The sweep of what ended runs left, right after the pre-flight checks. */
function addSweep(inputs, add) {
    if (!inputs.release.sweepOrphans)
        return;
    add(`sweep: ec2:DescribeInstances, DescribeSecurityGroups, DescribeKeyPairs by the action's tags for this repository; TerminateInstances, DeleteSecurityGroup, DeleteKeyPair for those whose run's deadline passed over an hour ago${inputs.builder === 'elastic-beanstalk' && !inputs.keepBuilder ? `; elasticbeanstalk:DescribeEnvironments ${_builders_elastic_beanstalk_settings__WEBPACK_IMPORTED_MODULE_3__/* .BUILDER_ENVIRONMENT */ .oe} and ListPlatformVersions (Creating): a builder left Ready with no build is taken on, reused by the build and ended by teardown` : ''}`);
}
/** The build's fingerprint, and with skip-unchanged the look for a proven image built from it. */
function addFingerprint(inputs, add) {
    add("fingerprint: ec2:DescribeImages with the template's source_ami_filter or source_ami (the base image, as the amazon plugin resolves it); after the build ec2:CreateTags the fingerprint on the image" +
        (inputs.smokeTest ? ', and after a passed smoke test the date it passed' : ''));
    if (inputs.skipUnchanged)
        add('skip-unchanged: ec2:DescribeImages (owner self, this fingerprint, passed its smoke test, no rollback left it)' +
            (inputs.builder === 'elastic-beanstalk' ? ', elasticbeanstalk:DescribePlatformVersion (Ready)' : '') +
            ': when one is found, it is reused: no build and no smoke test, and the release below promotes it (copies an earlier release made are reused)');
}
/** The release's steps and rules: the copies alongside the smoke test, the rest once it passed. */
function releasePlan(inputs, add) {
    const r = inputs.release;
    if (r.regions.length) {
        add(`${inputs.smokeTest ? 'as soon as the image is available, alongside the smoke test' : 'once the image is available'}: ec2:CopyImage to ${r.regions.map((region) => `${region}${r.kmsKeyIds[region] ? ` (encrypted with ${r.kmsKeyIds[region]})` : ''}`).join(', ')} in parallel, DescribeImages until each is available; ` +
            `if ${inputs.smokeTest ? 'the smoke test or ' : ''}one copy fails, every copy is deregistered with its snapshots`);
    }
    // What follows waits for the smoke test: the first line says so.
    let first = inputs.smokeTest ? 'after the smoke test passed: ' : '';
    const addAfter = (line) => {
        add(first + line);
        first = '';
    };
    const who = (0,_release_settings__WEBPACK_IMPORTED_MODULE_1__/* .shareTargets */ .wA)(r);
    if (who.length)
        addAfter(`ec2:ModifyImageAttribute: launch permission on the image and its copies for ${who.join(', ')}`);
    if (r.ssmParameter)
        addAfter(`ssm:PutParameter ${r.ssmParameter} (aws:ec2:image) in ${[inputs.region || '<region>', ...r.regions].join(', ')}`);
    if (r.ssmParameterPlatformArn)
        addAfter(`ssm:PutParameter ${r.ssmParameterPlatformArn} (the platform ARN) in ${inputs.region || '<region>'}`);
    if (r.keepVersions !== undefined)
        addAfter(`prune: ${(0,_release_prune_rules__WEBPACK_IMPORTED_MODULE_4__/* .pruneRules */ .E6)(r.keepVersions)}; the log lists each version kept or removed, with the reason, before the first removal`);
    if (r.deprecateAfterDays !== undefined)
        addAfter(`ec2:EnableImageDeprecation on the platform's older images, ${r.deprecateAfterDays} day(s) ahead`);
}
/** The SSM parameters the release writes, looked up before the build in each region they go to. */
function addParameterCheck(inputs, add) {
    const r = inputs.release;
    const names = [r.ssmParameter, r.ssmParameterPlatformArn].filter(Boolean);
    if (names.length)
        add(`ssm:DescribeParameters ${names.join(', ')} in ${[inputs.region, ...r.regions].join(', ')}: an existing parameter's data type must be what the release writes`);
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


/***/ })

};
;
//# sourceMappingURL=478.index.js.map