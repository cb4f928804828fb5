// Preloaded into a profiled child (`node --enable-source-maps --import`): when the process exits,
// write the source map of every TypeScript module of typeflake it loaded (tsx compiles each file
// to one minified line, so profile positions mean nothing without them) to the JSON file named by
// TYPEFLAKE_BENCH_SOURCE_MAPS, as { url: payload }. Plain JavaScript: it runs before tsx.
import { readdirSync, writeFileSync } from "node:fs";
import { findSourceMap } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const target = process.env.TYPEFLAKE_BENCH_SOURCE_MAPS;
const repository = join(import.meta.dirname, "../..");

const typeScriptFiles = () =>
  ["generators", "dsl"].flatMap((folder) =>
    readdirSync(join(repository, folder), { recursive: true })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => join(repository, folder, file)),
  );

if (target)
  process.on("exit", () => {
    const maps = {};
    for (const file of typeScriptFiles()) {
      const url = pathToFileURL(file).href;
      const map = findSourceMap(url);
      if (map) maps[url] = map.payload;
    }
    writeFileSync(target, JSON.stringify(maps));
  });
