'use strict';
require('./index.js').run('post');
