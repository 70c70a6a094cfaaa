// chalk's colour detection (tty, os, env probing at import time) replaced by "no colour":
// study never uses chalk's default instance; run.ts builds `new Chalk({ level })` from
// --no-color, NO_COLOR, FORCE_COLOR and whether stdout is a terminal. This keeps node:tty
// (and node:net under it) out of every run (issue #7). See scripts/build.mjs.
export default { stdout: false, stderr: false };
