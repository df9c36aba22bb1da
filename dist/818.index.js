"use strict";
exports.id = 818;
exports.ids = [818];
exports.modules = {

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
//# sourceMappingURL=818.index.js.map