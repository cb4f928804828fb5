/**
 * `typeflake options sync` and `typeflake options import`: the fleet's own option schema in
 * `.typeflake/options/` (TypeScript declarations registered as the fleet's NixOS option types,
 * the index `generate` validates with, and how it was made), from the fleet's evaluated NixOS
 * configurations or from an options.json. Nothing is ever written into the installed package.
 */
import { readFileSync } from "node:fs";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import type { CommandIo } from "../../command/command-context.ts";
import { ExitCode } from "../../command/exit-code.ts";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import {
  type DryRunFlags,
  inputOverrides,
  type OverrideInputFlags,
  withDryRun,
  withOverrideInput,
} from "../../nix-cli/cli-options.ts";
import { FLEET_SCHEMA_DIR, FLEET_SCHEMA_FILES } from "../../options/fleet-schema.ts";
import { importOptionSchema, type JsonInput } from "../../options/import-schema.ts";
import { formatInputProblem } from "../../options/options-file.ts";
import { GENERATED_FILES } from "../../options/shipped.ts";
import { syncFleetSchema } from "../../options/sync-fleet-schema.ts";
import { writeGeneratedFiles } from "../../options/write-generated-files.ts";
import { TYPEFLAKE_PACKAGE_INFO } from "../../package-info.ts";

/** What `options import` was asked to do. */
export interface OptionsImportRequest {
  readonly optionsFile: string;
  /** The output folder; a fleet's `.typeflake/options/` unless the target is the package. */
  readonly outDir: string;
  readonly aliasesFile?: string;
  /**
   * `fleet` (the default): the three files of a fleet's schema. `package`: typeflake's own
   * shipped `types.ts` and `index.json` (the repository's generator script).
   */
  readonly target?: "fleet" | "package";
  /** Module specifier for typeflake's expression values; default `typeflake` (a fleet's schema). */
  readonly expressionsImport?: string;
  /** Overwrite files typeflake did not generate. */
  readonly force: boolean;
  /** Directory the paths are relative to. */
  readonly cwd: string;
  /**
   * The fleet the schema is for, when known: writing inside typeflake's own folder is allowed
   * only when that folder is the fleet (typeflake's repository is also a fleet).
   */
  readonly fleetRoot?: string;
}

/** Where the command reports. */
export interface Reporter {
  info(message: string): void;
  error(message: string): void;
}

/** Add `options sync` and `options import` to the CLI. */
export function registerOptionsCommand(program: Command, environment: CommandEnvironment): void {
  const options = program
    .command("options")
    .description("the fleet's own typed NixOS options (.typeflake/options/), for tsc, the editor and generate");

  const sync = options
    .command("sync")
    .description(
      "ask nix for the option declarations of the fleet's evaluated NixOS configurations and write .typeflake/options/",
    )
    .option("--host <host...>", "only these hosts (repeatable; default: every host of the flake)")
    .option("--check", "write nothing; exit 1 when the committed .typeflake/options/ is not what nix says now")
    .option("--force", "replace files in .typeflake/options/ that typeflake did not generate", false);
  withOverrideInput(withDryRun(sync)).action(
    commandAction(
      environment,
      async (context, flags: SyncFlags) => {
        const root = context.fleetRoot();
        const code = await syncFleetSchema(
          {
            root,
            ...(flags.host !== undefined ? { hosts: flags.host } : {}),
            overrides: inputOverrides(flags),
            check: flags.check === true,
            force: flags.force === true,
          },
          { cwd: root, io: context.io, dryRun: flags.dryRun === true, signal: context.signal },
        );
        if (code !== ExitCode.Ok) context.setExitCode(code);
      },
      { interruptible: true },
    ),
  );

  options
    .command("import")
    .description("write .typeflake/options/ from a NixOS options.json (the manual's optionsJSON of your nixpkgs)")
    .argument("<options.json>", "options in the NixOS manual's options.json shape")
    .option("--out <dir>", `output folder (default: the fleet's ${FLEET_SCHEMA_DIR})`)
    .option("--aliases <file>", "renamed and removed options: a JSON list of { from, to, kind }")
    .option("--force", "overwrite files that typeflake did not generate", false)
    .action(
      commandAction(environment, async (context, optionsFile: string, flags: { out?: string; aliases?: string; force: boolean }) => {
        const fleetRoot = flags.out === undefined ? context.fleetRoot() : undefined;
        const code = await runOptionsImport(
          {
            optionsFile,
            outDir: flags.out ?? join(fleetRoot ?? ".", ...FLEET_SCHEMA_DIR.split("/")),
            force: flags.force,
            cwd: context.io.cwd,
            ...(fleetRoot !== undefined ? { fleetRoot } : {}),
            ...(flags.aliases !== undefined ? { aliasesFile: flags.aliases } : {}),
          },
          ioReporter(context.io),
        );
        context.setExitCode(code);
      }),
    );
}

/** A reporter that writes information to `io.stdout` and errors to `io.stderr`, a line each. */
const ioReporter = (io: CommandIo): Reporter => ({
  info: (message) => io.stdout.write(`${message}\n`),
  error: (message) => io.stderr.write(`${message}\n`),
});

interface SyncFlags extends DryRunFlags, OverrideInputFlags {
  readonly host?: string[];
  readonly check?: boolean;
  readonly force?: boolean;
}

/** Run the import; returns the exit code (0 written, 1 nothing written). */
export async function runOptionsImport(request: OptionsImportRequest, reporter: Reporter): Promise<ExitCode> {
  const outDir = resolve(request.cwd, request.outDir);
  const target = request.target ?? "fleet";
  const refusal = target === "fleet" ? insidePackage(outDir, request.fleetRoot) : undefined;
  if (refusal !== undefined) {
    reporter.error(refusal);
    return ExitCode.Invalid;
  }
  const optionsInput = readJson(resolve(request.cwd, request.optionsFile));
  const aliasesInput =
    request.aliasesFile === undefined ? undefined : readJson(resolve(request.cwd, request.aliasesFile));
  const unreadable = [optionsInput, aliasesInput].filter((input): input is string => typeof input === "string");
  if (unreadable.length > 0) {
    unreadable.forEach((message) => reporter.error(message));
    return ExitCode.Invalid;
  }
  const options = optionsInput as JsonInput;
  const aliases = aliasesInput as JsonInput | undefined;
  const imported = importOptionSchema({
    options,
    ...(aliases !== undefined ? { aliases } : {}),
    expressionsImport: request.expressionsImport ?? "typeflake",
    ...(target === "fleet"
      ? {
          target: "fleet" as const,
          provenance: {
            origin: { kind: "import" as const, file: options.name, ...(aliases ? { aliases: aliases.name } : {}) },
            typeflakeVersion: TYPEFLAKE_PACKAGE_INFO.version,
          },
        }
      : { target: "package" as const }),
  });
  if (!imported.ok) {
    reporter.error(`Nothing was written: ${imported.problems.length} problem(s) in the input.`);
    imported.problems.forEach((problem) => reporter.error(`  ${formatInputProblem(problem)}`));
    return ExitCode.Invalid;
  }
  const refused = await writeGeneratedFiles(outDir, imported.value.files, request.force);
  if (refused.length > 0) {
    reporter.error(`Nothing was written: these files were not generated by typeflake (use --force to replace them):`);
    refused.forEach((file) => reporter.error(`  ${file}`));
    return ExitCode.Invalid;
  }
  const { optionCount, fallbacks, warnings } = imported.value;
  const names = Object.values(target === "fleet" ? FLEET_SCHEMA_FILES : GENERATED_FILES).join(", ");
  reporter.info(`Imported ${optionCount} options into ${relative(request.cwd, outDir) || "."} (${names}).`);
  if (fallbacks.length > 0) {
    reporter.info(`${fallbacks.length} type description(s) not understood; these options accept any Nix value:`);
    fallbacks.forEach((fallback) =>
      reporter.info(`  \`${fallback.typeText}' (${fallback.count} option(s), e.g. \`${fallback.option}')`),
    );
  }
  warnings.forEach((warning) => reporter.info(`warning: ${warning}`));
  return ExitCode.Ok;
}

const isInside = (folder: string, path: string): boolean => {
  const inner = relative(folder, path);
  return inner === "" || (!inner.startsWith("..") && !isAbsolute(inner));
};

/**
 * Why `outDir` may not hold a fleet's schema, if it may not: it is inside typeflake's package
 * (unless the fleet itself lives there, as typeflake's own repository and its test fleets do) or
 * inside a `node_modules` folder. An update or `npm ci` replaces what is there, and neither tsc
 * nor the validator reads a fleet's schema from it.
 */
function insidePackage(outDir: string, fleetRoot: string | undefined): string | undefined {
  const packageRoot = TYPEFLAKE_PACKAGE_INFO.root;
  const fleetInPackage = fleetRoot !== undefined && isInside(packageRoot, resolve(fleetRoot));
  const inPackage = isInside(packageRoot, outDir) && !fleetInPackage;
  const inNodeModules = relative(fleetRoot ?? packageRoot, outDir).split(sep).includes("node_modules");
  if (!inPackage && !inNodeModules) return undefined;
  return (
    `Nothing was written: ${outDir} is inside ${inNodeModules ? "a node_modules folder" : `typeflake's package (${packageRoot})`}, ` +
    `which typeflake never writes into; leave out --out to write the fleet's ${FLEET_SCHEMA_DIR}/.`
  );
}

/** The file's JSON, or a message saying why it cannot be read. */
function readJson(file: string): JsonInput | string {
  try {
    return { name: basename(file), json: JSON.parse(readFileSync(file, "utf8")) as unknown };
  } catch (cause) {
    return `Cannot read ${file}: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
}
