/**
 * `typeflake init [dir] [--host <name>] [--address <ip>] [--description <text>] [--system <s>]`:
 * scaffold a new fleet repository in `dir` (default: the current directory), depending on this
 * typeflake checkout by path, ready for `npm install && npm run generate`. Existing files are
 * never overwritten: if any target exists, nothing is written and the exit code is 1.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { DEFAULT_INIT_OPTIONS, initOptionProblems, type InitOptions } from "../../init/init-options.ts";
import { scaffoldFiles } from "../../init/scaffold.ts";
import { writeScaffold } from "../../init/write-scaffold.ts";

/** Add `init` to the CLI. */
export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description("scaffold a new fleet repository: package.json, tsconfig, typeflake.config.ts, one host, CI workflow")
    .argument("[dir]", "where to create it (default: the current directory)", ".")
    .option("--host <name>", "name of the first host", DEFAULT_INIT_OPTIONS.host)
    .option("--address <address>", "its IP address or DNS name", DEFAULT_INIT_OPTIONS.address)
    .option("--description <text>", "the flake's description", DEFAULT_INIT_OPTIONS.description)
    .option("--system <system>", "the hosts' platform", DEFAULT_INIT_OPTIONS.system)
    .action(async (dir: string, options: InitOptions) => {
      const problems = initOptionProblems(options);
      if (problems.length) {
        process.stderr.write(problems.map((problem) => `typeflake init: ${problem}\n`).join(""));
        process.exitCode = 1;
        return;
      }
      const root = resolve(dir);
      const result = await writeScaffold(root, await scaffoldFiles(root, options));
      if (!result.ok) {
        process.stderr.write(
          `typeflake init: ${root} already has ${result.existing.join(", ")}; init never overwrites files, so nothing was written. ` +
            "Choose an empty folder, or move those files away.\n",
        );
        process.exitCode = 1;
        return;
      }
      process.stderr.write(
        result.written.map((path) => `created: ${path}\n`).join("") +
          `\nNext: cd ${dir} && npm install && npm run generate\n`,
      );
    });
}
