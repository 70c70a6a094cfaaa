// commander requires child_process (and with it net, dgram, streams) at start-up, but only
// spawns for executable subcommands, which study has none of. This stand-in loads the real
// module on first use, so no run of study pays for it (issue #7). See scripts/build.mjs.
'use strict';
module.exports = {
  spawn: (...args) => process.getBuiltinModule('node:child_process').spawn(...args),
};
