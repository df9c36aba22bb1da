"use strict";
exports.id = 99;
exports.ids = [99];
exports.modules = {

/***/ 1099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkBuilderProfile: () => (/* binding */ checkBuilderProfile)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6764);
/* harmony import */ var _lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6676);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);



/**
 * The builder's instance profile must exist before the build starts: without
 * it the builder environment fails to launch minutes later. A denied lookup
 * (no iam:GetInstanceProfile) cannot tell, and is a warning, not a failure.
 */
async function checkBuilderProfile(iam, profile) {
    try {
        await iam.send(new _aws_sdk_client_iam__WEBPACK_IMPORTED_MODULE_1__.GetInstanceProfileCommand({ InstanceProfileName: profile }));
        return undefined;
    }
    catch (error) {
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .errorCode */ .CA)(error) === 'NoSuchEntity') {
            throw new _lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .StepError */ .zg('preflight', `The builder's instance profile '${profile}' (builder-instance-profile) does not exist in this account. ` +
                `Create it with the managed policy AWSElasticBeanstalkCustomPlatformforEC2Role (ebp create makes aws-elasticbeanstalk-custom-platform-ec2-role), or name another.`);
        }
        if ((0,_lib_aws_errors__WEBPACK_IMPORTED_MODULE_2__/* .isPermissionDenied */ .T1)(error))
            return `Could not check the builder's instance profile '${profile}' (${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}): add iam:GetInstanceProfile to the policy to have it checked before the build.`;
        throw error;
    }
}


/***/ })

};
;
//# sourceMappingURL=99.index.js.map