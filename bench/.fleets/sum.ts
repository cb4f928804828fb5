import { readdirSync } from "node:fs";
import { summarizeProfile } from "../measure/cpu-profile.ts";
const dir = process.argv[2]!;
for (const f of readdirSync(dir)) {
  const s = await summarizeProfile(`${dir}/${f}`, "/work/main", Number(process.argv[3] ?? 25));
  console.log(f, s.totalMs.toFixed(0), "ms");
  for (const h of s.functions) console.log(`${h.percent.toFixed(1).padStart(5)}% ${h.selfMs.toFixed(0).padStart(6)} ms  ${h.name}`);
  console.log("-- files");
  for (const h of s.files) console.log(`${h.percent.toFixed(1).padStart(5)}% ${h.selfMs.toFixed(0).padStart(6)} ms  ${h.name}`);
}
