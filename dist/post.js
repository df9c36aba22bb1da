'use strict';
process.setSourceMapsEnabled(true);
require('./index.js').run('post');
