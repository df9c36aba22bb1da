'use strict';
if (process.env.RUNNER_DEBUG === '1') process.setSourceMapsEnabled(true);
require('./index.js').run('post');
