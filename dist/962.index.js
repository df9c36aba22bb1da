"use strict";
exports.id = 962;
exports.ids = [962];
exports.modules = {

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

/***/ 962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkParameters: () => (/* binding */ checkParameters),
/* harmony export */   confirmParameter: () => (/* binding */ confirmParameter),
/* harmony export */   getParameter: () => (/* binding */ getParameter),
/* harmony export */   parameterConflict: () => (/* binding */ parameterConflict),
/* harmony export */   parameterMetadata: () => (/* binding */ parameterMetadata),
/* harmony export */   setParameter: () => (/* binding */ setParameter),
/* harmony export */   writeParameter: () => (/* binding */ writeParameter)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4736);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6676);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _lib_retry__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1737);




/**
 * A parameter's type, data type and tier, or undefined when it does not exist. GetParameter does
 * not say the tier; DescribeParameters does (API reference, ParameterMetadata).
 */
async function parameterMetadata(ssm, name) {
    const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__.DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Option: 'Equals', Values: [name] }] }));
    return out.Parameters?.find((p) => p.Name === name);
}
/**
 * Writes an SSM parameter, replacing its value. An image id goes in with data
 * type aws:ec2:image, so that launch templates can resolve it
 * (`resolve:ssm:NAME`); the platform's ARN as text. An existing parameter keeps
 * its tier: "you can't revert an advanced parameter to a standard parameter"
 * (Systems Manager user guide, "Changing a standard parameter to an advanced
 * parameter"), and what PutParameter does to an advanced parameter when no tier
 * is given is not documented, so the tier it has is sent. The description says
 * what the version is (release/history.ts reads it back for a rollback).
 * Returns the new version.
 */
async function writeParameter(ssm, name, value, dataType, description) {
    const tier = (await parameterMetadata(ssm, name))?.Tier;
    const out = await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__.PutParameterCommand({
        Name: name,
        Value: value,
        Type: 'String',
        DataType: dataType,
        Description: description,
        Overwrite: true,
        ...(tier ? { Tier: tier } : {}),
    }));
    return out.Version;
}
/**
 * Sets a parameter to `value` unless it holds it already (a reused image's promotion writes no new
 * version, so the history shows releases only); an image id is confirmed read back, as Parameter
 * Store checks it after answering. Returns the line the log says.
 */
async function setParameter(ssm, name, value, dataType, description, where) {
    const now = await getParameter(ssm, name);
    if (now?.Value === value)
        return `SSM parameter ${name} in ${where.region} already is ${value} (version ${now.Version ?? '?'}).`;
    const version = await writeParameter(ssm, name, value, dataType, description);
    if (dataType === 'aws:ec2:image')
        await confirmParameter(ssm, name, value, version, where.clock);
    return `SSM parameter ${name} in ${where.region} is ${value} (version ${version ?? '?'}).`;
}
/**
 * Why an existing parameter cannot take what the action writes, or undefined when it can (or does
 * not exist). "You can't change a parameter to or from either of these data types" (aws:ec2:image,
 * aws:ssm:integration; Systems Manager user guide, "Native parameter support for Amazon Machine Image
 * IDs"), so a text parameter of the user's own cannot become an image parameter, nor the reverse:
 * found before the build, not after it and the smoke test.
 */
function parameterConflict(existing, input, region, dataType) {
    if (!existing)
        return undefined;
    const has = existing.DataType ?? 'text';
    if (has === dataType)
        return undefined;
    return (`${input}: the SSM parameter ${existing.Name} in ${region} exists with data type ${has}, and Systems Manager cannot change it to ${dataType}. ` +
        `Delete it (aws ssm delete-parameter --region ${region} --name ${existing.Name}) so the action creates it anew, or name another parameter.`);
}
/**
 * Checks before the build that each parameter can be written in each region: the data type (a
 * refusal), the type (a warning: what the action writes is a String). A denied look is a warning.
 */
async function checkParameters(ssmFor, wanted) {
    const warnings = [];
    const conflicts = [];
    for (const w of wanted) {
        for (const region of w.regions) {
            let existing;
            try {
                existing = await parameterMetadata(ssmFor(region), w.name);
            }
            catch (error) {
                if (!(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .isPermissionDenied */ .T1)(error))
                    throw error;
                warnings.push(`Could not check the SSM parameter ${w.name} in ${region} (${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}): add ssm:DescribeParameters to have it checked before the build.`);
                continue;
            }
            const conflict = parameterConflict(existing, w.input, region, w.dataType);
            if (conflict)
                conflicts.push(conflict);
            else if (existing && existing.Type !== 'String')
                warnings.push(`${w.input}: the SSM parameter ${w.name} in ${region} is a ${existing.Type}; the action overwrites it with a String.`);
        }
    }
    if (conflicts.length)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('preflight', conflicts.join('\n'));
    return warnings;
}
/** A parameter as it reads now, or undefined when it does not exist. */
async function getParameter(ssm, name) {
    try {
        return (await ssm.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_1__.GetParameterCommand({ Name: name }))).Parameter;
    }
    catch (error) {
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .isNotFound */ .c4)(error, 'ParameterNotFound'))
            return undefined;
        throw error;
    }
}
/**
 * Waits (at most a minute) until the parameter reads back as written. For
 * aws:ec2:image, "Parameter Store validates the AMI ID asynchronously ... If
 * the AMI ID is not valid, the parameter is not created" (Systems Manager user
 * guide): PutParameter's answer alone does not prove the value took.
 */
async function confirmParameter(ssm, name, value, version, clock) {
    const until = clock.now() + 60_000;
    const pause = (0,_lib_retry__WEBPACK_IMPORTED_MODULE_3__/* .backoff */ .J)(500, 5_000);
    let seen = 'nothing';
    while (clock.now() < until) {
        try {
            const p = await getParameter(ssm, name);
            if (p?.Value === value && (version === undefined || (p.Version ?? 0) >= version))
                return;
            seen = p ? `${p.Value ?? 'no value'} (version ${p.Version ?? '?'})` : 'no parameter';
        }
        catch (error) {
            if (!(0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error))
                throw error;
        }
        await clock.sleep(pause.next());
    }
    throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('Promote', `SSM parameter ${name} still reads ${seen}, not ${value}, a minute after it was written: Systems Manager did not take the value (for aws:ec2:image, it checks that the image exists in the region).`);
}


/***/ })

};
;
//# sourceMappingURL=962.index.js.map