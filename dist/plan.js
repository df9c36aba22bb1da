'use strict';
require('./index.js').run('plan');
