#!/usr/bin/env node
// typeflake's command line: compiled JavaScript (dist/, written by `npm run build` and by
// prepack) run by plain Node. Inside the repository, `npm run generate` runs the sources instead.
try {
  await import("../dist/generators/cli/main.js");
} catch (thrown) {
  if (thrown?.code !== "ERR_MODULE_NOT_FOUND" || !String(thrown.message).includes("/dist/generators/cli/main.js")) throw thrown;
  console.error("typeflake is not built: run `npm run build` in its repository (installed packages come built).");
  process.exitCode = 2;
}
