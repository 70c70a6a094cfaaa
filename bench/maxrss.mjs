// Preloaded (node --import) by bench/run.mjs when GNU time is not installed: writes the
// process's peak RSS in KiB to $STUDY_BENCH_RSS when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.STUDY_BENCH_RSS) writeFileSync(process.env.STUDY_BENCH_RSS, `${process.resourceUsage().maxRSS}\n`);
});
