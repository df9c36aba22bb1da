"use strict";
exports.id = 979;
exports.ids = [979,865];
exports.modules = {

/***/ 8586:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fr: () => (/* binding */ packerLogStream),
/* harmony export */   Th: () => (/* binding */ packerLogTail),
/* harmony export */   XH: () => (/* binding */ provisionerTail),
/* harmony export */   dJ: () => (/* binding */ buildFailureReason)
/* harmony export */ });
/* unused harmony export builderLogText */
/* harmony import */ var _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2684);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _packer_output__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3942);



/**
 * The ERROR events a failed build ends with that only say it failed, in the
 * order public transcripts of real `ebp create` runs show them: Packer's own
 * error comes before them and is the one worth reading.
 */
const GENERIC_FAILURE = [
    /^'packer build' failed/,
    /Command failed on instance/,
    /^Unsuccessful command execution on instance/,
    /^Failed to create platform version/,
];
/** Packer's own error from a failed build's events ("Packer failed with error: …"), or the most telling ERROR there is. */
function buildFailureReason(events) {
    const errors = events.filter((e) => e.severity === 'ERROR');
    const packer = [...errors].reverse().find((e) => /^Packer failed with error/.test(e.message));
    if (packer)
        return packer.message;
    const specific = [...errors].reverse().find((e) => !GENERIC_FAILURE.some((re) => re.test(e.message)));
    return (specific ?? errors.at(-1))?.message ?? 'no error event was recorded';
}
/** Where Elastic Beanstalk keeps Packer's output for a build (the EB CLI's `ebp logs`, ebcli/operations/platformops.py). */
function packerLogStream(name, version) {
    return { group: `/aws/elasticbeanstalk/platform/${name}`, stream: version };
}
/** Where Packer's own wrap-up starts after a provisioner failed: what follows is its clean-up, not the failure. */
const PACKER_WRAP_UP = /Provisioning step had errors|^Build '[^']+' errored|==> [^:]+: Terminating the source/;
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\]8;;[^\u0007\u001b]*(\u0007|\u001b\\)/g;
/** The last lines a failing provisioner printed: Packer's output up to its wrap-up, without terminal colours. */
function provisionerTail(output, lines = 20) {
    const clean = output.map((l) => l.replace(ANSI, '').replace(/\s+$/, ''));
    const end = clean.findIndex((l) => PACKER_WRAP_UP.test(l.trim()));
    return (end >= 0 ? clean.slice(0, end) : clean).filter((l) => l.trim()).slice(-lines);
}
/**
 * What a person reads of one line of the builder's log. The builder runs Packer
 * with machine-readable output and logs each line through its own logger
 * (`I, [2017-11-21T19:13:21.560213+0000#29667]  INFO -- Packer: 1511291601,,ui,message,    HVM AMI builder: …`,
 * the form the EB CLI's tests parse, tests/unit/operations/test_platformops.py):
 * both layers come off, and a ui line gives its text (which may hold several
 * lines). Anything else is kept as it is.
 */
function builderLogText(line) {
    const logged = /^[A-Z], \[[^\]]*\]\s+[A-Z]+ -- Packer: (.*)$/.exec(line);
    const packer = (0,_packer_output__WEBPACK_IMPORTED_MODULE_1__/* .parseMachineLine */ .hF)(logged ? logged[1] : line);
    if (!packer)
        return [logged ? logged[1] : line];
    return packer.type === 'ui' ? packer.data.slice(1).join(',').split('\n') : [];
}
/**
 * The last lines the failing provisioner printed in Packer's output for a
 * build, where its own words are; or why they could not be read.
 */
async function packerLogTail(logs, name, version, lines = 20) {
    const { group, stream } = packerLogStream(name, version);
    try {
        const out = await logs.send(new _aws_sdk_client_cloudwatch_logs__WEBPACK_IMPORTED_MODULE_2__/* .GetLogEventsCommand */ .h7S({ logGroupName: group, logStreamName: stream, startFromHead: false, limit: 200 }));
        return {
            lines: provisionerTail((out.events ?? []).flatMap((e) => (e.message ?? '').replace(/\n$/, '').split('\n')).flatMap(builderLogText), lines),
        };
    }
    catch (error) {
        return { lines: [], error: (0,_lib_errors__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) };
    }
}


/***/ }),

/***/ 865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ packerVersion),
  preparePacker: () => (/* binding */ preparePacker)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(4994);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js
var tool_cache = __webpack_require__(3472);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/process.ts
var lib_process = __webpack_require__(2302);
// EXTERNAL MODULE: ./src/lib/semver.ts
var semver = __webpack_require__(5419);
// EXTERNAL MODULE: ./src/builders/packer/defaults.ts
var defaults = __webpack_require__(4774);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/builders/packer/hashicorp-key.ts
/**
 * HashiCorp's release-signing public key, pinned: "HashiCorp Security
 * (hashicorp.com/security)", fingerprint C874 011F 0AB4 0511 0D02 1055 3436
 * 5D94 72D7 468F (HashiCorp's security page, https://www.hashicorp.com/security).
 * The armored block is the one HashiCorp's own installer embeds
 * (hashicorp/hc-install, internal/pubkey/pubkey.go, as refreshed in
 * April 2026: its keys expire 2030-03-01; the copy before it expired on
 * 2026-04-18 and cannot verify newer releases).
 */
const HASHICORP_FINGERPRINT = 'C874011F0AB405110D02105534365D9472D7468F';
/** HashiCorp's short key id: the name of the signature file made with this key (`…_SHA256SUMS.72D7468F.sig`). */
const HASHICORP_KEY_ID = '72D7468F';
const HASHICORP_PUBLIC_KEY = `
-----BEGIN PGP PUBLIC KEY BLOCK-----

mQINBGB9+xkBEACabYZOWKmgZsHTdRDiyPJxhbuUiKX65GUWkyRMJKi/1dviVxOX
PG6hBPtF48IFnVgxKpIb7G6NjBousAV+CuLlv5yqFKpOZEGC6sBV+Gx8Vu1CICpl
Zm+HpQPcIzwBpN+Ar4l/exCG/f/MZq/oxGgH+TyRF3XcYDjG8dbJCpHO5nQ5Cy9h
QIp3/Bh09kET6lk+4QlofNgHKVT2epV8iK1cXlbQe2tZtfCUtxk+pxvU0UHXp+AB
0xc3/gIhjZp/dePmCOyQyGPJbp5bpO4UeAJ6frqhexmNlaw9Z897ltZmRLGq1p4a
RnWL8FPkBz9SCSKXS8uNyV5oMNVn4G1obCkc106iWuKBTibffYQzq5TG8FYVJKrh
RwWB6piacEB8hl20IIWSxIM3J9tT7CPSnk5RYYCTRHgA5OOrqZhC7JefudrP8n+M
pxkDgNORDu7GCfAuisrf7dXYjLsxG4tu22DBJJC0c/IpRpXDnOuJN1Q5e/3VUKKW
mypNumuQpP5lc1ZFG64TRzb1HR6oIdHfbrVQfdiQXpvdcFx+Fl57WuUraXRV6qfb
4ZmKHX1JEwM/7tu21QE4F1dz0jroLSricZxfaCTHHWNfvGJoZ30/MZUrpSC0IfB3
iQutxbZrwIlTBt+fGLtm3vDtwMFNWM+Rb1lrOxEQd2eijdxhvBOHtlIcswARAQAB
tERIYXNoaUNvcnAgU2VjdXJpdHkgKGhhc2hpY29ycC5jb20vc2VjdXJpdHkpIDxz
ZWN1cml0eUBoYXNoaWNvcnAuY29tPokCVAQTAQoAPgIbAwULCQgHAgYVCgkICwIE
FgIDAQIeAQIXgBYhBMh0AR8KtAURDQIQVTQ2XZRy10aPBQJplkfQBQkQrOy3AAoJ
EDQ2XZRy10aPw6gP/3GUEMUa6mCRuuSOT9UnziPIvXYd63mcN6A6Jwmwj8JaB2qu
OCijvJkw56UbZK3x1FZIbe0hA6VUAwNSNmSIxVJkilgwIYYFO0tnL79XhIeP7jYF
ydXLZ4rTi1FDl8lltAujTNARdY8UGg4hGlcM9OrEeXEFLWugJNiChL15FVoxZqIS
jeduaEqyxGfJnyVwy8z3pZfgODeFr7xs2NkUIMSfuRg24VcL4aW8Frt3jW8P45y3
o/5fsi6Aw2tZ0wD9NSgkVc8VD1NRV9eSZ95Bv+Awf9IXa+Cn5OCjc8Jc+XF+nLfB
oPswOO7E8dLiuBUw6/GzSLMbVs8qf8BNXB92dOe1VccVTqjCxK2sEpVaHh7e+co8
d8lDGBIWMGh7NS6XlGORpFb/T6gxjjOYUV3SKd4QDebUUG8kMkb5juLljOoq+YOP
vgNLDZLZteFpmH+zB9DpOY1YtHZB/OD+DtzLMaSl6VPF2Ln0j5aQGwNDt7sheyAe
sXbu0qn2H5FxojSfvhT0kUDKZ0mgg5y3Oflg49MiAOhjLGY0JocFpBeMILw27fbw
fpIBP7siQWFTFJ1O+l2NQiWAwC2x5fX2EakyCBJmrkPV2hr4nEogNqg9/RDskIUq
cpcOOd/0BntiXMyUCCH2AoCt5acaTQ0WU6CAosZPojOYhtGGgOgeQSdflpMSuQIN
BGB9+xkBEACoklYsfvWRCjOwS8TOKBTfl8myuP9V9uBNbyHufzNETbhYeT33Cj0M
GCNd9GdoaknzBQLbQVSQogA+spqVvQPz1MND18GIdtmr0BXENiZE7SRvu76jNqLp
KxYALoK2Pc3yK0JGD30HcIIgx+lOofrVPA2dfVPTj1wXvm0rbSGA4Wd4Ng3d2AoR
G/wZDAQ7sdZi1A9hhfugTFZwfqR3XAYCk+PUeoFrkJ0O7wngaon+6x2GJVedVPOs
2x/XOR4l9ytFP3o+5ILhVnsK+ESVD9AQz2fhDEU6RhvzaqtHe+sQccR3oVLoGcat
ma5rbfzH0Fhj0JtkbP7WreQf9udYgXxVJKXLQFQgel34egEGG+NlbGSPG+qHOZtY
4uWdlDSvmo+1P95P4VG/EBteqyBbDDGDGiMs6lAMg2cULrwOsbxWjsWka8y2IN3z
1stlIJFvW2kggU+bKnQ+sNQnclq3wzCJjeDBfucR3a5WRojDtGoJP6Fc3luUtS7V
5TAdOx4dhaMFU9+01OoH8ZdTRiHZ1K7RFeAIslSyd4iA/xkhOhHq89F4ECQf3Bt4
ZhGsXDTaA/VgHmf3AULbrC94O7HNqOvTWzwGiWHLfcxXQsr+ijIEQvh6rHKmJK8R
9NMHqc3L18eMO6bqrzEHW0Xoiu9W8Yj+WuB3IKdhclT3w0pO4Pj8gQARAQABiQI8
BBgBCgAmAhsMFiEEyHQBHwq0BRENAhBVNDZdlHLXRo8FAmmWR+0FCRCs7NQACgkQ
NDZdlHLXRo/R0A//QW1opBlzWSmWww1q9QuJA2WCIIs8tJKRDOsmgJPscNpzwZFU
N1Df0wWNjqi1BDReei7lZTHwUk+ebBn0bkI3ANmmgYg7LBueAt5UWSingOc+rvKA
N32BDzBYkMckRzJSQsmeC5hm3J3wLSy90uaIlrJJE9GJZkf/W2Ob+4SQZZ+dnnRP
JokDdW1DuZS9PbxSLJKD5eIWHBxJnFM1CmHfOfrjTJ+MYvVGM5sxSY8R7E+GADj5
L/i4N+tTFJLuTMYARGfA6d+KPKcMJtgpUPjSMAg8nGUhukctpuBs27mOKW0CBtmJ
82X/qYROTL0+vGTvUYflYiuceVlhX/kw0JZnMaG5V/mpHq8SwD07pCGOf69j/mNa
5EL3++Pmzg0s0stw3Ea5pCN0cL/nKkoWchHBfW15W4JOnKAIspyD1vH670P4WfeV
E9B9d6tgKSbM/9JlXoQS5ZdG+kbdosieELhmVWmvojyK7K+Ry6C9wgd+UfnW5jXd
iNwKW3KHuautQwlFhHRNMyDg08c+pI5emTMT3IUQyGWo+Gska3TqGujFcABx7Ip+
mHNmMrCkSD+XC2bvzvRR7FcM0/B9fsjLX/Wttm5vRJ1d2oAoEPvw2IZnJIXpOt2z
zo55sJTztNu4lWGgDVgtp9SXO5a0E5YvFHQNZN5QLeVTTFu6I7qG+ME1E/K5Ag0E
YH3+JQEQALivllTjMolxUW2OxrXb+a2Pt6vjCBsiJzrUj0Pa63U+lT9jldbCCfgP
wDpcDuO1O05Q8k1MoYZ6HddjWnqKG7S3eqkV5c3ct3amAXp513QDKZUfIDylOmhU
qvxjEgvGjdRjz6kECFGYr6Vnj/p6AwWv4/FBRFlrq7cnQgPynbIH4hrWvewp3Tqw
GVgqm5RRofuAugi8iZQVlAiQZJo88yaztAQ/7VsXBiHTn61ugQ8bKdAsr8w/ZZU5
HScHLqRolcYg0cKN91c0EbJq9k1LUC//CakPB9mhi5+aUVUGusIM8ECShUEgSTCi
KQiJUPZ2CFbbPE9L5o9xoPCxjXoX+r7L/WyoCPTeoS3YRUMEnWKvc42Yxz3meRb+
BmaqgbheNmzOah5nMwPupJYmHrjWPkX7oyyHxLSFw4dtoP2j6Z7GdRXKa2dUYdk2
x3JYKocrDoPHh3Q0TAZujtpdjFi1BS8pbxYFb3hHmGSdvz7T7KcqP7ChC7k2RAKO
GiG7QQe4NX3sSMgweYpl4OwvQOn73t5CVWYp/gIBNZGsU3Pto8g27vHeWyH9mKr4
cSepDhw+/X8FGRNdxNfpLKm7Vc0Sm9Sof8TRFrBTqX+vIQupYHRi5QQCuYaV6OVr
ITeegNK3So4m39d6ajCR9QxRbmjnx9UcnSYYDmIB6fpBuwT0ogNtABEBAAGJBHIE
GAEKACYCGwIWIQTIdAEfCrQFEQ0CEFU0Nl2UctdGjwUCYH4bgAUJAeFQ2wJAwXQg
BBkBCgAdFiEEs2y6kaLAcwxDX8KAsLRBCXaFtnYFAmB9/iUACgkQsLRBCXaFtnYX
BhAAlxejyFXoQwyGo9U+2g9N6LUb/tNtH29RHYxy4A3/ZUY7d/FMkArmh4+dfjf0
p9MJz98Zkps20kaYP+2YzYmaizO6OA6RIddcEXQDRCPHmLts3097mJ/skx9qLAf6
rh9J7jWeSqWO6VW6Mlx8j9m7sm3Ae1OsjOx/m7lGZOhY4UYfY627+Jf7WQ5103Qs
lgQ09es/vhTCx0g34SYEmMW15Tc3eCjQ21b1MeJD/V26npeakV8iCZ1kHZHawPq/
aCCuYEcCeQOOteTWvl7HXaHMhHIx7jjOd8XX9V+UxsGz2WCIxX/j7EEEc7CAxwAN
nWp9jXeLfxYfjrUB7XQZsGCd4EHHzUyCf7iRJL7OJ3tz5Z+rOlNjSgci+ycHEccL
YeFAEV+Fz+sj7q4cFAferkr7imY1XEI0Ji5P8p/uRYw/n8uUf7LrLw5TzHmZsTSC
UaiL4llRzkDC6cVhYfqQWUXDd/r385OkE4oalNNE+n+txNRx92rpvXWZ5qFYfv7E
95fltvpXc0iOugPMzyof3lwo3Xi4WZKc1CC/jEviKTQhfn3WZukuF5lbz3V1PQfI
xFsYe9WYQmp25XGgezjXzp89C/OIcYsVB1KJAKihgbYdHyUN4fRCmOszmOUwEAKR
3k5j4X8V5bk08sA69NVXPn2ofxyk3YYOMYWW8ouObnXoS8QJEDQ2XZRy10aPMpsQ
AIbwX21erVqUDMPn1uONP6o4NBEq4MwG7d+fT85rc1U0RfeKBwjucAE/iStZDQoM
ZKWvGhFR+uoyg1LrXNKuSPB82unh2bpvj4zEnJsJadiwtShTKDsikhrfFEK3aCK8
Zuhpiu3jxMFDhpFzlxsSwaCcGJqcdwGhWUx0ZAVD2X71UCFoOXPjF9fNnpy80YNp
flPjj2RnOZbJyBIM0sWIVMd8F44qkTASf8K5Qb47WFN5tSpePq7OCm7s8u+lYZGK
wR18K7VliundR+5a8XAOyUXOL5UsDaQCK4Lj4lRaeFXunXl3DJ4E+7BKzZhReJL6
EugV5eaGonA52TWtFdB8p+79wPUeI3KcdPmQ9Ll5Zi/jBemY4bzasmgKzNeMtwWP
fk6WgrvBwptqohw71HDymGxFUnUP7XYYjic2sVKhv9AevMGycVgwWBiWroDCQ9Ja
btKfxHhI2p+g+rcywmBobWJbZsujTNjhtme+kNn1mhJsD3bKPjKQfAxaTskBLb0V
wgV21891TS1Dq9kdPLwoS4XNpYg2LLB4p9hmeG3fu9+OmqwY5oKXsHiWc43dei9Y
yxZ1AAUOIaIdPkq+YG/PhlGE4YcQZ4RPpltAr0HfGgZhmXWigbGS+66pUj+Ojysc
j0K5tCVxVu0fhhFpOlHv0LWaxCbnkgkQH9jfMEJkAWMOuQINBGCAXCYBEADW6RNr
ZVGNXvHVBqSiOWaxl1XOiEoiHPt50Aijt25yXbG+0kHIFSoR+1g6Lh20JTCChgfQ
kGGjzQvEuG1HTw07YhsvLc0pkjNMfu6gJqFox/ogc53mz69OxXauzUQ/TZ27GDVp
UBu+EhDKt1s3OtA6Bjz/csop/Um7gT0+ivHyvJ/jGdnPEZv8tNuSE/Uo+hn/Q9hg
8SbveZzo3C+U4KcabCESEFl8Gq6aRi9vAfa65oxD5jKaIz7cy+pwb0lizqlW7H9t
Qlr3dBfdIcdzgR55hTFC5/XrcwJ6/nHVH/xGskEasnfCQX8RYKMuy0UADJy72TkZ
bYaCx+XXIcVB8GTOmJVoAhrTSSVLAZspfCnjwnSxisDn3ZzsYrq3cV6sU8b+QlIX
7VAjurE+5cZiVlaxgCjyhKqlGgmonnReWOBacCgL/UvuwMmMp5TTLmiLXLT7uxeG
ojEyoCk4sMrqrU1jevHyGlDJH9Taux15GILDwnYFfAvPF9WCid4UZ4Ouwjcaxfys
3LxNiZIlUsXNKwS3mhiMRL4TRsbs4k4QE+LIMOsauIvcvm8/frydvQ/kUwIhVTH8
0XGOH909bYtJvY3fudK7ShIwm7ZFTduBJUG473E/Fn3VkhTmBX6+PjOC50HR/Hyb
waRCzfDruMe3TAcE/tSP5CUOb9C7+P+hPzQcDwARAQABiQRyBBgBCgAmAhsCFiEE
yHQBHwq0BRENAhBVNDZdlHLXRo8FAmmWSAoFCRCqi+QCQMF0IAQZAQoAHRYhBDdO
x1tIWRNgSoMcx8ggxtXNJ6uHBQJggFwmAAoJEMggxtXNJ6uHRfAP/2CGdSyg0K7U
66Vygl0dugxrMm8O3/Oe211BKdQsFUSWAznOTRTK/zvMUHO4LJAlYvdtZ6xDa4XH
l9FYQ8MR9ZV0OuOlAZvU4IJDLPVCU09X/UzX/GEoZL0R5esvwPAXopMaRHCfXJeI
/gEaB94UhAeYlwpcRn0eSuk1vyZx7GRE6/hog8DCf4hoT40dW20gGe58xcvJ+mRY
lC0lr16WH08wuUcee6+dgu+4Cg6SG6+zt9cMyl8VnTUL5BK/V3MebnYZJK0RFDNn
nXDhzStgOd5gOeIL+xBPXHd0/ld/rDM74SFExpuS+hNsyo+xMQ/HJavak21MFinu
l9COwfGEmlAXTGMY30Lf3Pt/eAkbwgmGc966VSoRmOFEXJVlDr+yJR6ru+7j50z8
lAv6Lsop7sun1Qysbo0swf6W1qgPf6VWbx91NTFLkw0+gD8jxwrU5ZMkeSuntX9d
pjuZS29CflXXIRPlvhuiDPicwTpYuIUx37vHveAH5gnowZg247x780Urrsx8duTX
8CI9MAnqzm4dFAiRlwE8bvLk+l9wekiXA9gIMZiVNqNlduXIqvAG21Wdgq8qyeXK
y/XWCVKDQOmEbFAltfNam8E3KEw0fl199x+93d5ckDGcPzUYPbNkCuIwngC/ZN96
pDafF3Z12fSNfhZUe0C8td8KAszYa96GCRA0Nl2UctdGj1gKD/4jOGhEGTg88Vyu
PVjeK+zkwrTIZSvHdUHfTt/+rTLSNb/RQiBCUQuEZvafj6FrntS7bAEhccGqH894
T3St5K0AXWkvsLd6K+cbIQdlnFA2zb6geJUCk6qx5NgWpRc3i0DS7CheGwl+Bwu7
+n9pNjNjiHV+rYDgqbQXG0dtGysB0/3qIRgEDHFO0HJu/dcte4oXrQIqrZrpOwe8
WxqFqdU918JpSUcc8coiFp9YtwpgqQNxGVZ+rhgnTGdZzk1f/Yhhimh+2B0ReaFv
k3UzVBj3HQ9C6+Ot3MyDEhSgdhjr9e25Tm9S5YfhwtWmghRw9RKPyLMSXSxm/Uc0
mK1NucAp8TQBwKqKzNpCk5IdrBSWRUbjOoOFyzyCsY6gS285GCpSIzI39hTf+3gd
wYPlE6fj+F2TZzdhx62DPnzBzBHnByYTVdJ649bx0FFp4Q+5TbIWtxu/AQkRDxmW
NQfE+6GgeshlrhXWsh6+PGDzt+2raG6zUT913sdz7Ctw4fLjmsKOTdTz3Xa9pr8l
xfI/JuukSgt9o/n3GirhTB3zE1w/I/Xt6k7oASiP3zQSuHtB/CYKYHDtOCWwjo7J
PEGtb/FkreKNxsk/p20jnlrB8WZxxswdr2Vri9NmFeyMDVX7qF3WqT+8aCV9GtS1
GCHx/5nGBdDwoxEsXqpI3IUqPb6FDg==
=wtp+
-----END PGP PUBLIC KEY BLOCK-----
`;

;// CONCATENATED MODULE: ./src/builders/packer/releases.ts
/**
 * One release of a HashiCorp product (Packer, its amazon plugin) from
 * HashiCorp's release site, checked the way HashiCorp's own installer checks
 * it (hashicorp/hc-install, internal/releasesjson): the SHA256SUMS file's
 * detached signature against HashiCorp's pinned key (`…_SHA256SUMS.72D7468F.sig`,
 * else `…_SHA256SUMS.sig`), then the zip's SHA-256 against that file. Nothing
 * downloaded is unpacked or run before both hold.
 */





/** HashiCorp's release site; a mirror with the same layout and HashiCorp's signatures can stand in for it (PACKER_RELEASES_URL). */
const RELEASES = 'https://releases.hashicorp.com';
function hashicorpReleases(env = process.env) {
    return {
        url: (env.PACKER_RELEASES_URL || RELEASES).replace(/\/$/, ''),
        publicKey: HASHICORP_PUBLIC_KEY,
        fingerprint: HASHICORP_FINGERPRINT,
        keyId: HASHICORP_KEY_ID,
    };
}
const ARCH = { x64: 'amd64', arm64: 'arm64' };
/** The release's zip name for this runner (`packer_1.16.0_linux_amd64.zip`); releases exist for Linux runners here. */
function releaseZipName(product, version) {
    const arch = ARCH[process.arch];
    if (!arch || process.platform !== 'linux')
        throw new errors/* StepError */.zg('packer', `No ${product} release is fetched for ${process.platform}/${process.arch}: set packer-version: path and put packer on PATH.`);
    return `${product}_${version}_linux_${arch}.zip`;
}
const statusOf = (error) => error.httpStatusCode;
async function fetchFile(url) {
    return external_node_fs_.readFileSync(await tool_cache.downloadTool(url));
}
/** The SHA256SUMS file's signature: the one named for HashiCorp's key first, as hc-install looks for it, then the plain one. */
async function fetchSignature(base, source) {
    try {
        return await fetchFile(`${base}.${source.keyId}.sig`);
    }
    catch (error) {
        if (statusOf(error) !== 404)
            throw error;
        return fetchFile(`${base}.sig`);
    }
}
/**
 * Whether `signature` (binary, detached, as the release site publishes it) is a valid signature of
 * `data` by the pinned key. openpgp checks the signing subkey's validity at the signature's time;
 * `expectSigned` makes a bad signature throw rather than come back as an unawaited promise.
 */
async function verifySignature(data, signature, source) {
    const openpgp = await __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 3074));
    const key = await openpgp.readKey({ armoredKey: source.publicKey });
    if (key.getFingerprint().toUpperCase() !== source.fingerprint)
        throw new Error(`the pinned key's fingerprint is ${key.getFingerprint()}, not ${source.fingerprint}`);
    await openpgp.verify({
        message: await openpgp.createMessage({ binary: new Uint8Array(data) }),
        signature: await openpgp.readSignature({ binarySignature: new Uint8Array(signature) }),
        verificationKeys: key,
        expectSigned: true,
    });
}
/** Downloads one release's zip for this runner and verifies it; returns the zip's path. */
async function verifiedRelease(product, version, source, log) {
    const file = releaseZipName(product, version);
    const dir = `${source.url}/${product}/${version}`;
    const sumsName = `${product}_${version}_SHA256SUMS`;
    log.info(`Downloading ${product} ${version} from ${source.url}`);
    let zip;
    let sums;
    let signature;
    try {
        sums = await fetchFile(`${dir}/${sumsName}`);
        signature = await fetchSignature(`${dir}/${sumsName}`, source);
        zip = await tool_cache.downloadTool(`${dir}/${file}`);
    }
    catch (error) {
        const status = statusOf(error);
        throw new errors/* StepError */.zg('packer', `Downloading ${product} ${version} from ${source.url} failed (${status ? `HTTP ${status}` : error.message})${status === 404 ? `: no such release, check the version` : ''}.`);
    }
    try {
        await verifySignature(sums, signature, source);
    }
    catch (error) {
        throw new errors/* StepError */.zg('packer', `${sumsName} from ${source.url} is not signed by HashiCorp's key ${source.fingerprint} (${error.message}): nothing from it is used.`);
    }
    const expected = sums
        .toString('utf8')
        .split('\n')
        .find((l) => l.trim().endsWith(`  ${file}`))
        ?.split(/\s+/)[0];
    if (!expected)
        throw new errors/* StepError */.zg('packer', `HashiCorp's signed SHA-256 sums for ${product} ${version} do not list ${file}.`);
    const actual = (0,external_node_crypto_.createHash)('sha256').update(external_node_fs_.readFileSync(zip)).digest('hex');
    if (expected !== actual)
        throw new errors/* StepError */.zg('packer', `${product} ${version} failed verification: ${file} has SHA-256 ${actual}, HashiCorp's signed sums say ${expected}.`);
    log.info(`${file}: signature by ${source.fingerprint} and SHA-256 verified.`);
    return zip;
}

;// CONCATENATED MODULE: ./src/builders/packer/install.ts
/**
 * The Packer the action runs, and its amazon plugin. By default a pinned
 * Packer release, downloaded from HashiCorp's release site and verified
 * (releases.ts), cached with the runner's tool cache; `packer-version: path`
 * takes the packer on PATH instead. Packer 1.10 and later ship without the
 * amazon plugin, and Packer 1.10 to 1.13 fetch plugins from GitHub, where the
 * plugin publishes nothing since v1.3.10 ("all release binaries will now be
 * published exclusively to the official HashiCorp release site", plugin
 * CHANGELOG 1.3.10; the `…_SHA256SUMS: 404` of packer-plugin-amazon#586 and
 * #596). Packer 1.14 and later try the release site first but fall back to
 * GitHub when it fails, meeting the same 404 (packer#13661, on 1.15.4). So the
 * action fetches and verifies the plugin itself, like Packer, and hands the
 * binary to `packer plugins install --path` (Packer 1.10 and later: CHANGELOG
 * 1.10.0, GH-12643), which installs it under PACKER_PLUGIN_PATH with its
 * SHA256SUM file.
 */









const PLUGIN_SOURCE = 'github.com/hashicorp/amazon';
async function packerVersion(packer) {
    const r = await (0,lib_process/* runProcess */.R)(packer, ['version'], {});
    const m = /Packer v(\d+\.\d+\.\d+)/.exec(r.stdout + r.stderr);
    if (r.code !== 0 || !m)
        throw new errors/* StepError */.zg('packer', `'${packer} version' did not say its version (exit ${r.code}): ${(r.stdout + r.stderr).trim().slice(0, 300)}`);
    return m[1];
}
/** A verified release, unpacked into the tool cache (or found there): the directory holding it. */
async function cachedRelease(product, version, source, log) {
    const cached = tool_cache.find(product, version);
    if (cached)
        return cached;
    const zip = await verifiedRelease(product, version, source, log);
    return tool_cache.cacheDir(await tool_cache.extractZip(zip), product, version);
}
/** The plugin's binary, as the release zip holds it (`packer-plugin-amazon_v1.8.2_x5.0_linux_amd64`). */
async function pluginBinary(version, source, log) {
    const dir = await cachedRelease('packer-plugin-amazon', version, source, log);
    const name = external_node_fs_.readdirSync(dir).find((f) => f.startsWith(`packer-plugin-amazon_v${version}_`));
    if (!name)
        throw new errors/* StepError */.zg('packer', `The amazon plugin ${version}'s release holds no packer-plugin-amazon_v${version}_… binary (it holds ${external_node_fs_.readdirSync(dir).join(', ')}).`);
    const binary = external_node_path_.join(dir, name);
    external_node_fs_.chmodSync(binary, 0o755);
    return binary;
}
async function installPlugin(packer, version, pluginPath, source, log) {
    const binary = await pluginBinary(version, source, log);
    const r = await (0,lib_process/* runProcess */.R)(packer.path, ['plugins', 'install', '--path', binary, PLUGIN_SOURCE], {
        env: { ...process.env, PACKER_PLUGIN_PATH: pluginPath, CHECKPOINT_DISABLE: '1' },
        timeoutMs: 120_000,
    });
    if (r.code !== 0)
        throw new errors/* StepError */.zg('packer', `Packer ${packer.version} did not install the amazon plugin ${version} from ${binary}: ${(r.stderr || r.stdout).trim().slice(-500)}`);
    log.info(`Amazon plugin ${version} installed for Packer ${packer.version} (${pluginPath}).`);
}
/**
 * Packer before 1.10 bundles its own amazon builder and has no `plugins install --path`: it cannot
 * take the plugin asked for. Named with both versions and the fix, before any AWS call.
 */
function tooOldForPlugin(packer, asked) {
    return new errors/* StepError */.zg('packer', `Packer ${packer} cannot use the amazon plugin ${asked} (packer-amazon-plugin-version): it bundles its own amazon builder, and plugins install --path came with Packer ${defaults/* PLUGIN_PACKER */.Pn}. ` +
        `Set packer-version to ${defaults/* DEFAULT_PACKER */.Dv} (or another release from ${defaults/* PLUGIN_PACKER */.Pn} on), or leave packer-amazon-plugin-version empty to build with the bundled builder.`);
}
async function preparePacker(choice, log, source = hashicorpReleases()) {
    let packer;
    if (choice.version === 'path') {
        packer = await io.which('packer', false);
        if (!packer)
            throw new errors/* StepError */.zg('packer', `No packer on PATH (packer-version: path): install one, or set packer-version to a release such as ${defaults/* DEFAULT_PACKER */.Dv}.`);
    }
    else {
        packer = external_node_path_.join(await cachedRelease('packer', choice.version, source, log), 'packer');
    }
    const version = await packerVersion(packer);
    if (choice.version !== 'path' && version !== choice.version)
        throw new errors/* StepError */.zg('packer', `${packer} says it is Packer ${version}, not the ${choice.version} asked for.`);
    log.info(`Packer ${version} (${packer})`);
    const installed = { path: packer, version };
    if (!(0,semver/* atLeast */.jZ)(version, defaults/* PLUGIN_PACKER */.Pn)) {
        if (choice.pluginVersion)
            throw tooOldForPlugin(version, choice.pluginVersion);
        log.warning(`Packer ${version} builds with the amazon builder it bundles, older than the plugin ${defaults/* DEFAULT_AMAZON_PLUGIN */.rO} this action is tested with: set packer-version to ${defaults/* DEFAULT_PACKER */.Dv}.`);
        return installed;
    }
    const pluginVersion = choice.pluginVersion ?? defaults/* DEFAULT_AMAZON_PLUGIN */.rO;
    const pluginPath = external_node_path_.join(choice.workDir, 'packer-plugins');
    external_node_fs_.mkdirSync(pluginPath, { recursive: true });
    await installPlugin(installed, pluginVersion, pluginPath, source, log);
    return { ...installed, pluginPath, pluginVersion };
}


/***/ }),

/***/ 2979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateOffline: () => (/* binding */ validateOffline)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4994);
/* harmony import */ var _actions_io__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_actions_io__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3472);
/* harmony import */ var _actions_tool_cache__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(_actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7268);
/* harmony import */ var _lib_process__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2302);
/* harmony import */ var _install__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(865);
/* harmony import */ var _run__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5238);
/**
 * A dry run's `packer validate -syntax-only` on the bundle as it ships, with
 * the Packer a real run would use where this machine already has it (on PATH
 * for `packer-version: path`, else in the tool cache): no download and no
 * credentials, so the offline plan stays offline.
 */







/** What the plan says was checked, or why not; throws when Packer refuses the template. */
async function validateOffline(choice, dir, templateFile) {
    const packer = choice.version === 'path' ? await _actions_io__WEBPACK_IMPORTED_MODULE_1__.which('packer', false) : _actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__.find('packer', choice.version) && node_path__WEBPACK_IMPORTED_MODULE_0__.join(_actions_tool_cache__WEBPACK_IMPORTED_MODULE_2__.find('packer', choice.version), 'packer');
    if (!packer)
        return choice.version === 'path'
            ? 'not run: packer validate, since no packer is on PATH'
            : `not run: packer validate, since Packer ${choice.version} is not in this machine's tool cache (a real run downloads it)`;
    const version = await (0,_install__WEBPACK_IMPORTED_MODULE_5__/* .packerVersion */ .Z)(packer);
    const r = await (0,_lib_process__WEBPACK_IMPORTED_MODULE_4__/* .runProcess */ .R)(packer, ['validate', '-syntax-only', ...(0,_run__WEBPACK_IMPORTED_MODULE_6__/* .varArgs */ .Vb)(choice.variables), templateFile], {
        cwd: dir,
        env: { ...process.env, CHECKPOINT_DISABLE: '1', PACKER_NO_COLOR: '1' },
        timeoutMs: 60_000,
    });
    if (r.code !== 0)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('platform-dir', `packer validate -syntax-only ${templateFile} (Packer ${version}) failed: ${(r.stdout + r.stderr).trim()}`);
    return `packer validate -syntax-only (Packer ${version})`;
}


/***/ }),

/***/ 3942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ artifactAmi),
/* harmony export */   JT: () => (/* binding */ announcements),
/* harmony export */   hF: () => (/* binding */ parseMachineLine),
/* harmony export */   uZ: () => (/* binding */ formatPackerLine)
/* harmony export */ });
/**
 * Packer's machine-readable output (`packer build -machine-readable`): one
 * line per message, `timestamp,target,type,data…`, with commas in the data
 * written `%!(PACKER_COMMA)` and newlines `\n` (Packer's docs, "Machine-readable
 * output"). From it the action takes what Packer says, the resources its
 * amazon-ebs builder announces as it makes them, its error, and the AMI.
 */
function parseMachineLine(line) {
    const parts = line.split(',');
    if (parts.length < 3 || !/^\d+$/.test(parts[0]))
        return undefined;
    const unescape = (s) => s
        .replace(/%!\(PACKER_COMMA\)/g, ',')
        .replace(/\\n/g, '\n')
        .replace(/\\r/g, '');
    return { at: Number(parts[0]) * 1000, target: parts[1], type: parts[2], data: parts.slice(3).map(unescape) };
}
const ANNOUNCEMENTS = [
    [/Creating temporary keypair: (\S+)/, 'keyNames'],
    [/Creating temporary security group for this instance: (\S+)/, 'groupNames'],
    [/Instance ID: (i-[0-9a-f]+)/, 'instanceIds'],
    [/^\s*(?:==> )?\S+: AMI: (ami-[0-9a-f]+)/, 'imageIds'],
];
/** Everything one message of Packer's announces: one resource, or each AMI of a build's summary. */
function announcements(message) {
    const summary = /AMIs were created:\n([\s\S]*)/.exec(message);
    if (summary)
        return [...summary[1].matchAll(/^\s*[a-z0-9-]+: (ami-[0-9a-f]+)\s*$/gm)].map((m) => ({ list: 'imageIds', value: m[1] }));
    for (const [re, list] of ANNOUNCEMENTS) {
        const m = re.exec(message);
        if (m)
            return [{ list, value: m[1] }];
    }
    return [];
}
/** The AMI of a finished build, from its artifact line (`artifact,0,id,REGION:ami-…`). */
function artifactAmi(line, region) {
    if (line.type !== 'artifact' || line.data[1] !== 'id')
        return undefined;
    for (const pair of line.data[2]?.split(',') ?? []) {
        const [r, ami] = pair.split(':');
        if (r === region && /^ami-[0-9a-f]+$/.test(ami ?? ''))
            return ami;
    }
    return undefined;
}
/** A human line of Packer's output, as the log shows it, with Packer's timestamp. */
function formatPackerLine(line) {
    if (line.type !== 'ui')
        return undefined;
    const text = line.data.slice(1).join(',').replace(/\s+$/, '');
    return text ? `${new Date(line.at).toISOString()} ${text}` : undefined;
}


/***/ }),

/***/ 5238:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vb: () => (/* binding */ varArgs),
/* harmony export */   _w: () => (/* binding */ buildImage),
/* harmony export */   dC: () => (/* binding */ validateTemplate),
/* harmony export */   vW: () => (/* binding */ templateForRun)
/* harmony export */ });
/* unused harmony export PACKER_CLEANUP_MS */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _lib_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7268);
/* harmony import */ var _lib_process__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2302);
/* harmony import */ var _elastic_beanstalk_failure__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8586);
/* harmony import */ var _output__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3942);
/**
 * `packer validate`, then `packer build -machine-readable` on the platform
 * directory's template: Packer's output streamed into the log as it comes,
 * with Packer's own timestamps; what its amazon-ebs builder makes recorded
 * in the ledger as it announces it; the AMI read from the artifact line, or
 * the failure in Packer's words with the failing provisioner's last lines.
 * On a cancel, Packer gets SIGINT and a bounded time to clean up after
 * itself, then SIGKILL; whatever it left is teardown's.
 */







/**
 * How long Packer gets to clean up after a cancel before it is killed. GitHub's runner sends the
 * step SIGINT, SIGTERM 7.5 s later and kills the process tree 2.5 s after that (actions/runner,
 * src/Runner.Sdk/ProcessInvoker.cs): Packer's own clean-up (terminate, wait, delete) takes longer
 * on AWS, so what it has not removed in this time is teardown's, then the post step's, found by what
 * Packer announced and by the run's tags.
 */
const PACKER_CLEANUP_MS = 6_000;
const varArgs = (variables) => Object.entries(variables).flatMap(([k, v]) => ['-var', `${k}=${v}`]);
async function validateTemplate(run) {
    const r = await (0,_lib_process__WEBPACK_IMPORTED_MODULE_4__/* .runProcess */ .R)(run.packer, ['validate', ...varArgs(run.variables), run.templateFile], { cwd: run.dir, env: run.env, timeoutMs: 120_000 });
    if (r.code !== 0)
        throw new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg('packer', `packer validate ${run.templateFile} failed:\n${(r.stdout + r.stderr).trim()}`);
}
/** Runs the build; resolves with the AMI in the run's region. */
function buildImage(run, log) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(run.packer, ['build', '-machine-readable', '-color=false', ...varArgs(run.variables), run.templateFile], {
            cwd: run.dir,
            env: run.env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const human = [];
        let ami;
        let errorText = '';
        let pending = '';
        // A line of human output (a Packer that printed some without -machine-readable's framing) is
        // read for announcements too; its build summary spans lines.
        let humanSummary = '';
        const take = (text) => {
            pending += text;
            const lines = pending.split('\n');
            pending = lines.pop() ?? '';
            for (const raw of lines) {
                const line = (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .parseMachineLine */ .hF)(raw);
                if (!line) {
                    if (raw.trim())
                        log.info(raw);
                    humanSummary = /AMIs were created:\s*$/.test(raw) ? 'AMIs were created:' : humanSummary ? `${humanSummary}\n${raw}` : '';
                    for (const made of (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .announcements */ .JT)(humanSummary || raw))
                        run.onAnnounced(made);
                    continue;
                }
                const shown = (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .formatPackerLine */ .uZ)(line);
                if (shown) {
                    log.info(shown);
                    human.push(...line.data.slice(1).join(',').split('\n'));
                    for (const made of (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .announcements */ .JT)(line.data.slice(1).join(',')))
                        run.onAnnounced(made);
                }
                if (line.type === 'error')
                    errorText = line.data.join(',').trim();
                ami ??= (0,_output__WEBPACK_IMPORTED_MODULE_6__/* .artifactAmi */ .Af)(line, run.region);
            }
        };
        child.stdout.setEncoding('utf8').on('data', take);
        child.stderr.setEncoding('utf8').on('data', (t) => {
            for (const l of t.split('\n'))
                if (l.trim())
                    log.info(l);
            human.push(...t.split('\n'));
        });
        const cancel = () => {
            log.warning(`Stopping Packer: it gets ${Math.round((run.cleanupMs ?? PACKER_CLEANUP_MS) / 1000)} s to clean up after itself.`);
            // SIGINT: Packer's own clean-up of what it made runs on an interrupt.
            void (0,_lib_process__WEBPACK_IMPORTED_MODULE_4__/* .stopProcess */ .g)(child, 'SIGINT', run.cleanupMs ?? PACKER_CLEANUP_MS);
        };
        if (run.signal?.aborted)
            cancel();
        run.signal?.addEventListener('abort', cancel, { once: true });
        child.on('error', (e) => reject(new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg('packer', `Could not run ${run.packer}: ${e.message}`)));
        child.on('close', (code, signal) => {
            run.signal?.removeEventListener('abort', cancel);
            if (pending)
                take('\n');
            if (run.signal?.aborted)
                return reject(new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg('packer', `Packer stopped (${signal ?? `exit ${code}`}) after the job was cancelled.`));
            if (code === 0 && ami)
                return resolve(ami);
            const why = errorText || (code === 0 ? `packer build succeeded but named no AMI in ${run.region}` : `packer build exited with ${signal ?? code}`);
            const tail = (0,_elastic_beanstalk_failure__WEBPACK_IMPORTED_MODULE_5__/* .provisionerTail */ .XH)(human);
            reject(new _lib_errors__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg('packer', `The image build failed: ${why}${tail.length ? `\nThe failing provisioner's last lines:\n${tail.map((l) => `  ${l}`).join('\n')}` : ''}`));
        });
    });
}
/** Keys of the amazon-ebs builder by which a template chooses its own security group, or its source. */
const OWN_SECURITY_GROUP = [
    'security_group_id',
    'security_group_ids',
    'security_group_filter',
    'temporary_security_group_source_cidrs',
    'temporary_security_group_source_public_ip',
];
/**
 * The template as the run builds it, written beside it (the repository's stays as it is), for each
 * amazon-ebs builder:
 * - `region`, where the template leaves it empty (AWS's samples do, "region": "", and rely on the
 *   builder setting AWS_REGION): set to the run's region, so nothing depends on that variable;
 * - `temporary_security_group_source_cidrs` set to the runner's address, unless the template
 *   chooses its own group or source: the plugin's default opens SSH to 0.0.0.0/0 ("The default is
 *   [0.0.0.0/0]", builder/common/run_config.go). Packer 1.6.6 knows this key; the plugin's
 *   `temporary_security_group_source_public_ip` is unknown to it;
 * - `run_tags` and `run_volume_tags` with the run's tags added, by which the post step finds what a
 *   killed build left: the plugin tags the temporary key pair and security group with run_tags
 *   (builder/ebs/builder.go, StepKeyPair and StepSecurityGroup), and the AMI and its snapshot from
 *   CreateImage on (builder/ebs/step_create_ami.go);
 * - `tags` and `snapshot_tags` with the `tags` input added (the template's own keys win, so the
 *   platform's name and version tags stay as it writes them);
 * - `custom_endpoint_ec2` when `endpoint` is given.
 */
function templateForRun(dir, templateFile, settings) {
    const template = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, templateFile), 'utf8'));
    template.builders = (template.builders ?? []).map((b) => {
        if (b.type !== 'amazon-ebs')
            return b;
        const out = { ...b };
        if (!out.region)
            out.region = settings.region;
        if (!OWN_SECURITY_GROUP.some((k) => k in b))
            out.temporary_security_group_source_cidrs = [settings.sourceCidr];
        out.run_tags = { ...b.run_tags, ...settings.runTags };
        out.run_volume_tags = { ...b.run_volume_tags, ...settings.runTags };
        if (Object.keys(settings.imageTags).length) {
            out.tags = { ...settings.imageTags, ...b.tags };
            out.snapshot_tags = { ...settings.imageTags, ...b.snapshot_tags };
        }
        if (settings.endpoint && !b.custom_endpoint_ec2)
            out.custom_endpoint_ec2 = settings.endpoint;
        return out;
    });
    const copy = `.packer-run-${node_path__WEBPACK_IMPORTED_MODULE_2__.basename(templateFile)}`;
    node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync(node_path__WEBPACK_IMPORTED_MODULE_2__.join(dir, copy), JSON.stringify(template, null, 2));
    return copy;
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


/***/ })

};
;
//# sourceMappingURL=979.index.js.map