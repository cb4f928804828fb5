#!/usr/bin/env node
// typeflake's command line: compiled JavaScript (dist/, written by `npm run build`, by prepare
// and by prepack) run by plain Node. Installed packages ship dist/ and no sources. In a checkout
// of typeflake's repository, where dist/ may be missing or older than the sources being edited,
// the sources run instead, through tsx (a development dependency there).
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const COMPILED = here("../dist/generators/cli/main.js");
const SOURCES = here("../generators/cli/main.ts");

/** Whether a file under the source folders changed after dist/ was built. */
const sourcesNewer = () => {
  const built = statSync(COMPILED).mtimeMs;
  return ["../dsl/", "../generators/"].some((folder) =>
    readdirSync(here(folder), { recursive: true }).some((name) => String(name).endsWith(".ts") && statSync(here(folder + name)).mtimeMs > built),
  );
};

if (existsSync(SOURCES) && (!existsSync(COMPILED) || sourcesNewer())) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(SOURCES);
} else {
  await import(COMPILED);
}
