// Preloaded into a profiled child (`node --enable-source-maps --import`): when the process exits,
// write the source map of every module of typeflake it loaded — the TypeScript files tsx compiled
// (each to one minified line), or the chunks of the compiled bundle in dist/ (the maps beside
// them: bin/compiled-modules.mjs compiles them as scripts named by their path, which Node's
// source map cache does not hold) — to the JSON file named by TYPEFLAKE_BENCH_SOURCE_MAPS, as
// { url: payload }: profile positions mean nothing without them. Plain JavaScript: it runs before tsx.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
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

const sourceFiles = () => [...filesUnder("generators", ".ts"), ...filesUnder("dsl", ".ts")];

if (target)
  process.on("exit", () => {
    const maps = {};
    for (const file of sourceFiles()) {
      const url = pathToFileURL(file).href;
      const map = findSourceMap(url);
      if (map) maps[url] = map.payload;
    }
    for (const map of filesUnder("dist", ".cjs.map")) {
      const payload = JSON.parse(readFileSync(map, "utf8"));
      // As Node's cache gives them: each source as a URL, not relative to the map.
      payload.sources = payload.sources.map((source) => new URL(source, pathToFileURL(map)).href);
      maps[pathToFileURL(map.slice(0, -".map".length)).href] = payload;
    }
    writeFileSync(target, JSON.stringify(maps));
  });
