// Preloaded into a measured child (`node --import`): when the process exits, write its own
// resource usage — peak resident set size (kB) and CPU time of all its threads (µs) — as JSON to
// the file named by TYPEFLAKE_BENCH_USAGE_FILE. Plain JavaScript: it runs before any TypeScript
// loader is registered.
import { writeFileSync } from "node:fs";

const target = process.env.TYPEFLAKE_BENCH_USAGE_FILE;
if (target)
  process.on("exit", () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
  });
