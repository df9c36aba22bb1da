"use strict";
exports.id = 719;
exports.ids = [719];
exports.modules = {

/***/ 9719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   preflight: () => (/* binding */ preflight)
/* harmony export */ });
/* harmony import */ var _lib_credentials__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2829);

/**
 * What must hold before a build starts: credentials that last, the SSM
 * parameters the release writes, and (Elastic Beanstalk) the builder's instance
 * profile. The credentials are any client's; they are asked of the SDK package
 * the build's first call loads anyway.
 */
async function preflight(ctx) {
    const { inputs, clients, deps } = ctx;
    if (inputs.builder === 'packer') {
        const { EC2Client } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
        await checkCredentials(ctx, clients.get(EC2Client));
        await checkReleaseParameters(ctx);
        return;
    }
    const [{ IAMClient }, { checkBuilderProfile }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764), __webpack_require__.e(99)]).then(__webpack_require__.bind(__webpack_require__, 1099))]);
    const iam = clients.get(IAMClient);
    await checkCredentials(ctx, iam);
    const profile = await checkBuilderProfile(iam, inputs.builderEnvironment.instanceProfile);
    if (profile)
        deps.log.warning(profile);
    else
        deps.log.info(`The builder's instance profile ${inputs.builderEnvironment.instanceProfile} exists.`);
    await checkReleaseParameters(ctx);
}
/** The parameters a promotion will write, checked in every region it writes them (a build and a smoke test are too long to lose to them). */
async function checkReleaseParameters({ inputs, deps }) {
    const r = inputs.release;
    if (!r.ssmParameter && !r.ssmParameterPlatformArn)
        return;
    const [{ SSMClient }, { checkParameters }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(736)]).then(__webpack_require__.t.bind(__webpack_require__, 4736, 19)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(736), __webpack_require__.e(962)]).then(__webpack_require__.bind(__webpack_require__, 962))]);
    const warnings = await checkParameters((region) => deps.clientsFor(region).get(SSMClient), [
        ...(r.ssmParameter ? [{ input: 'ssm-parameter', name: r.ssmParameter, dataType: 'aws:ec2:image', regions: [inputs.region, ...r.regions] }] : []),
        ...(r.ssmParameterPlatformArn
            ? [{ input: 'ssm-parameter-platform-arn', name: r.ssmParameterPlatformArn, dataType: 'text', regions: [inputs.region] }]
            : []),
    ]);
    for (const w of warnings)
        deps.log.warning(w);
}
async function checkCredentials({ inputs, deps, deadline }, client) {
    const warning = await (0,_lib_credentials__WEBPACK_IMPORTED_MODULE_0__/* .credentialsWarning */ .j)(() => client.config.credentials(), deadline, inputs.timeoutMinutes);
    if (warning)
        deps.log.warning(warning);
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


/***/ })

};
;
//# sourceMappingURL=719.index.js.map