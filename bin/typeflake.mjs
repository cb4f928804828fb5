#!/usr/bin/env node
// typeflake's command line: compiled JavaScript (dist/, written by `npm run build` and by
// prepack) run by plain Node, through compiled-modules.mjs (which keeps V8's code cache).
// Installed packages ship dist/ and no sources. In a checkout of
// typeflake's repository, where dist/ may be missing or older than the sources being edited,
// the sources run instead, through tsx (a development dependency there).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { distIsStale } from "./stale-dist.mjs";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const SOURCES = here("../generators/cli/main.ts");

if (existsSync(SOURCES) && distIsStale(here(".."))) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(SOURCES);
} else {
  const { runCli } = await import("./compiled-modules.mjs");
  runCli();
}
