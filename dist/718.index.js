"use strict";
exports.id = 718;
exports.ids = [718,818];
exports.modules = {

/***/ 5348:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ coreLog)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7484);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_actions_core__WEBPACK_IMPORTED_MODULE_0__);

/** The Log the entry points hand to every step: the runner's log, groups and masking. */
function coreLog() {
    return {
        info: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(m),
        warning: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(m),
        error: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.error(m),
        debug: (m) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.debug(m),
        group: (name, fn) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.group(name, fn),
        mask(secret) {
            // The runner masks line by line; a multi-line secret (a private key) is registered one line
            // at a time, leaving out PEM armour lines, which are not secret.
            const lines = secret.split(/\r?\n/).map((l) => l.trim());
            if (lines.length === 1)
                return _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret);
            for (const line of lines)
                if (line.length >= 4 && !/^-----(BEGIN|END) /.test(line))
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(line);
        },
    };
}


/***/ }),

/***/ 7718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7484);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_actions_core__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_log__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5348);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7268);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8141);
/* harmony import */ var _resources_ledger__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(428);
/* harmony import */ var _lib_aws__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2986);
/* harmony import */ var _lib_clock__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4517);
/* harmony import */ var _teardown_kinds__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9283);
/* harmony import */ var _teardown_teardown__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1818);









/**
 * Runs after the job whatever happened to it (post-if: always()): removes
 * whatever the main step recorded and did not get to remove itself, because it
 * failed, was cancelled or was killed. The clock is the runner's, or a test's
 * virtual one.
 */
async function post(clock = _lib_clock__WEBPACK_IMPORTED_MODULE_5__/* .realClock */ .d) {
    const log = (0,_core_log__WEBPACK_IMPORTED_MODULE_1__/* .coreLog */ .u)();
    const saved = (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_4__/* .parseLedger */ .h8)(_actions_core__WEBPACK_IMPORTED_MODULE_0__.getState(_resources_ledger__WEBPACK_IMPORTED_MODULE_4__/* .LEDGER_STATE */ .Kp), (why) => log.warning(why));
    if (!saved.length) {
        log.info('Nothing left to tear down.');
        return;
    }
    let keepBuilder = false;
    try {
        keepBuilder = (0,_inputs__WEBPACK_IMPORTED_MODULE_3__/* .parseBoolean */ .yG)('keep-builder', _actions_core__WEBPACK_IMPORTED_MODULE_0__.getInput('keep-builder'), false);
    }
    catch (error) {
        log.warning(`${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}; tearing the builder down.`);
    }
    log.info(`Tearing down what the run left: ${saved.map(_teardown_kinds__WEBPACK_IMPORTED_MODULE_6__/* .describeResource */ .w).join(', ')}`);
    const ledger = (0,_resources_ledger__WEBPACK_IMPORTED_MODULE_4__/* .createLedger */ .M5)((serialized) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_resources_ledger__WEBPACK_IMPORTED_MODULE_4__/* .LEDGER_STATE */ .Kp, serialized), saved);
    const pool = (0,_lib_aws__WEBPACK_IMPORTED_MODULE_8__/* .clientPool */ .u)();
    const outcomes = await (0,_teardown_teardown__WEBPACK_IMPORTED_MODULE_7__.teardown)({ ledger, clientsFor: (region) => pool.clientsFor(region), log, clock }, { keepBuilder }).finally(() => pool.destroy());
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`Could not remove: ${failed.map((o) => `${o.what} (${o.detail})`).join('; ')}. Remove them by hand.`);
    }
}


/***/ }),

/***/ 1818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   teardown: () => (/* binding */ teardown)
/* harmony export */ });
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _resources_kind__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9639);
/* harmony import */ var _kinds__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9283);



/**
 * Removes everything the ledger still lists, what does not depend on anything
 * else at once, and keeps going past failures so one stuck resource does not
 * strand the others. Idempotent: gone is success.
 */
async function teardown(given, options) {
    const { ledger, log } = given;
    const env = { ...given, keepBuilder: options.keepBuilder };
    return (0,_resources_kind__WEBPACK_IMPORTED_MODULE_2__/* .removeConcurrently */ .vI)(ledger.list().reverse(), _kinds__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCE_KINDS */ .p, async (resource) => {
        const what = (0,_kinds__WEBPACK_IMPORTED_MODULE_1__/* .describeResource */ .w)(resource);
        try {
            return { resource, what, ok: true, detail: await (0,_resources_kind__WEBPACK_IMPORTED_MODULE_2__/* .kindOf */ .I)(_kinds__WEBPACK_IMPORTED_MODULE_1__/* .RESOURCE_KINDS */ .p, resource).remove(resource, env) };
        }
        catch (error) {
            log.error(`Could not remove ${what}: ${(0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
            return { resource, what, ok: false, detail: (0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) };
        }
    });
}


/***/ })

};
;
//# sourceMappingURL=718.index.js.map