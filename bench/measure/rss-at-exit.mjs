// Preloaded into a measured child (`node --import`): when the process exits, write its peak
// resident set size in kB (`process.resourceUsage().maxRSS`) to the file named by
// TYPEFLAKE_BENCH_RSS_FILE. Plain JavaScript: it runs before any TypeScript loader is registered.
import { writeFileSync } from "node:fs";

const target = process.env.TYPEFLAKE_BENCH_RSS_FILE;
if (target) process.on("exit", () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
