import { loadAndValidate } from "../../generators/load/index.ts";
for (const d of process.argv.slice(2)) {
  const t = performance.now();
  const r = await loadAndValidate(d);
  console.log(d, Boolean(r.fleet), r.diagnostics.slice(0, 5).map((x) => `${x.origin.file} ${x.origin.objectPath.join(".")}: ${x.message}`), (performance.now() - t).toFixed(0), "ms");
}
