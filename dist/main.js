'use strict';
require('./index.js').run('main');
