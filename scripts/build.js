#!/usr/bin/env node
// Bundles src/ into dist/ with ncc: index.js, and a chunk (<id>.index.js) for each import() that
// src/ reaches only when a run gets there, each with its source map; then writes the three tiny entry
// files action.yml and `npm run plan` start.
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
    // Source maps, read by Node itself when the entry files turn them on: stack traces point into src/.
    '--source-map',
    '--no-source-map-register',
    '--license',
    'licenses.txt',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } },
);
// Stack traces need the mappings and the sources' names, not their text: without it Node reads and
// parses a third of each map it loads.
for (const name of fs.readdirSync(dist).filter((f) => f.endsWith('.js.map'))) {
  const mapFile = path.join(dist, name);
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  delete map.sourcesContent;
  fs.writeFileSync(mapFile, JSON.stringify(map));
}
// Node reads a chunk's map as it loads it once maps are on, a tenth of a step's start: they are turned on
// when the job runs with debug logging (a re-run with it set), where a bug's stack trace is printed.
for (const entry of ['main', 'post', 'plan']) {
  fs.writeFileSync(
    path.join(dist, `${entry}.js`),
    `'use strict';\nif (process.env.RUNNER_DEBUG === '1') process.setSourceMapsEnabled(true);\nrequire('./index.js').run('${entry}');\n`,
  );
}
