#!/usr/bin/env node
// Bundles src/ into dist/index.js (with its source map) with ncc, and writes the
// three tiny entry files action.yml and `npm run plan` start. One bundle keeps dist/ small.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist');

fs.rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    require.resolve('@vercel/ncc/dist/ncc/cli.js'),
    'build',
    path.join(root, 'src/action/index.ts'),
    '-o',
    dist,
    '--minify',
    // A source map, read by Node itself (the entry files turn it on): stack traces point into src/.
    '--source-map',
    '--no-source-map-register',
    '--license',
    'licenses.txt',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } },
);
// Stack traces need the mappings and the sources' names, not their text: without it Node reads and
// parses a third of the map at every start.
const mapFile = path.join(dist, 'index.js.map');
const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
delete map.sourcesContent;
fs.writeFileSync(mapFile, JSON.stringify(map));
for (const entry of ['main', 'post', 'plan']) {
  fs.writeFileSync(path.join(dist, `${entry}.js`), `'use strict';\nprocess.setSourceMapsEnabled(true);\nrequire('./index.js').run('${entry}');\n`);
}
