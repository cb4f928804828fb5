/**
 * `typeflake init [dir] [--host <name>] [--address <ip>] [--description <text>] [--system <s>]`:
 * scaffold a new fleet repository in `dir` (default: the current directory), depending on this
 * typeflake's version, ready for `npm install && npm run generate`. A fleet's files are never
 * replaced: if one exists, nothing is written and the exit code is 1. In a folder that is already
 * an npm package or a repository, its package.json and .gitignore get what the fleet needs, and its
 * README and CI workflow are kept. Unlike every other command, it does not look for a fleet: it
 * makes one.
 */
import { isAbsolute, relative, resolve } from "node:path";
import type { Command } from "commander";
import { AlreadyReported, UsageError } from "../../command/command-error.ts";
import { ExitCode } from "../../command/exit-code.ts";
import { DEFAULT_INIT_OPTIONS, initOptionProblems, type InitOptions } from "../../init/init-options.ts";
import { scaffoldFiles } from "../../init/scaffold.ts";
import { type ScaffoldResult, writeScaffold } from "../../init/write-scaffold.ts";
import { shellQuote } from "../../nix-cli/command-line.ts";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";

/** Why nothing (or not everything) was written, for `init <dir>` resolved to `root`. */
const refusal = (result: Exclude<ScaffoldResult, { ok: true }>, root: string): string => {
  switch (result.reason) {
    case "existing":
      return `${root} already has ${result.existing.join(", ")}; init never replaces a fleet's files, so nothing was written. Choose an empty folder, or move those files away.`;
    case "unmergeable":
      return `${result.problem}, so init cannot add what the fleet needs to it; nothing was written. Fix ${result.path}, or choose an empty folder.`;
    case "not-a-folder":
      return `${root} is a file, not a folder; choose a folder (init creates it when it does not exist).`;
    case "failed":
      return `could not write ${result.path} in ${root}: ${result.message}; nothing was kept. Choose a folder you can write to.`;
    default:
      return result satisfies never;
  }
};

/** What to run next, from the user's folder `cwd`, for `init <dir>` resolved to `root`. */
const nextSteps = (dir: string, root: string, cwd: string): string => {
  // An absolute dir is shown as given: `../../srv/fleet` from the home folder would be a puzzle.
  const where = isAbsolute(dir) ? root : relative(cwd, root);
  return [
    "",
    "Next:",
    ...(where === "" ? [] : [`  cd ${shellQuote(where)}`]),
    "  npm install        # then commit package-lock.json: CI runs npm ci",
    "  npm run generate   # writes flake.nix and hosts/*/default.nix",
    "  nix flake lock     # pins the inputs: commit flake.lock with the rest",
    "",
  ].join("\n");
};

/** Add `init` to the CLI. */
export function registerInitCommand(program: Command, environment: CommandEnvironment): void {
  program
    .command("init")
    .description("scaffold a new fleet repository: package.json, tsconfig, typeflake.config.ts, one host, .gitignore, CI workflow, README")
    .argument("[dir]", "the folder to create it in, made if missing; a package.json or .gitignore there gets what the fleet needs, nothing else there is replaced", ".")
    .option("--host <name>", "name of the first host", DEFAULT_INIT_OPTIONS.host)
    .option("--address <address>", "its IP address or DNS name", DEFAULT_INIT_OPTIONS.address)
    .option("--description <text>", "the flake's description", DEFAULT_INIT_OPTIONS.description)
    .option("--system <system>", "the hosts' platform", DEFAULT_INIT_OPTIONS.system)
    .action(
      commandAction(
        environment,
        async (context, dir: string, options: InitOptions) => {
          const { cwd, stderr } = context.io;
          const problems = initOptionProblems(options);
          if (problems.length) {
            stderr.write(problems.map((problem) => `typeflake init: ${problem}\n`).join(""));
            throw new AlreadyReported(ExitCode.Invalid);
          }
          const root = resolve(cwd, dir);
          const result = await writeScaffold(root, await scaffoldFiles(root, options));
          if (!result.ok) throw new UsageError(refusal(result, root));
          stderr.write(
            [
              ...result.written.map((path) => `created: ${path}`),
              ...result.updated.map(({ path, changes, notes }) => `updated: ${path} (${[changes.join(", "), ...notes].join("; ")})`),
              ...result.kept.map(({ path, notes }) => `kept: ${path} (${["yours, as it was", ...notes].join("; ")})`),
            ].join("\n") + `\n${nextSteps(dir, root, cwd)}`,
          );
        },
        { namedInErrors: true },
      ),
    );
}
