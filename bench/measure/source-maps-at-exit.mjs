// Preloaded into a profiled child (`node --enable-source-maps --import`): when the process exits,
// write the source map of every module of typeflake it loaded — the chunks of the compiled bundle
// in dist/, or the TypeScript files tsx compiled (each to one minified line) — to the JSON file
// named by TYPEFLAKE_BENCH_SOURCE_MAPS, as { url: payload }: profile positions mean nothing
// without them. Plain JavaScript: it runs before tsx.
import { readdirSync, writeFileSync } from "node:fs";
import { findSourceMap } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const target = process.env.TYPEFLAKE_BENCH_SOURCE_MAPS;
const repository = join(import.meta.dirname, "../..");

/** Files under the repository's `folder` (none when it does not exist) whose names end with `extension`. */
const filesUnder = (folder, extension) => {
  try {
    return readdirSync(join(repository, folder), { recursive: true })
      .filter((file) => file.endsWith(extension))
      .map((file) => join(repository, folder, file));
  } catch {
    return [];
  }
};

const moduleFiles = () => [...filesUnder("generators", ".ts"), ...filesUnder("dsl", ".ts"), ...filesUnder("dist", ".js")];

if (target)
  process.on("exit", () => {
    const maps = {};
    for (const file of moduleFiles()) {
      const url = pathToFileURL(file).href;
      const map = findSourceMap(url);
      if (map) maps[url] = map.payload;
    }
    writeFileSync(target, JSON.stringify(maps));
  });
