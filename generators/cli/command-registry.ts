/**
 * typeflake's commands, each loaded only when it runs: the CLI starts with Node and commander
 * alone (`typeflake --version` loads nothing else), and `typeflake generate` loads what generating
 * needs, not the nix drivers or ts-morph. Help and an unknown command load them all, so that
 * commander can list every command and suggest the closest name.
 */
import type { Command } from "commander";
import type { CliContext } from "../nix-cli/context.ts";
import type { GlobalOptions } from "./global-options.ts";

/** What the registration functions need from the CLI. */
export interface CommandHost {
  /** The options every command understands, with the fleet root found. */
  readonly globals: () => GlobalOptions;
  /** For the nix commands: the fleet as last generated. */
  readonly context: CliContext;
}

/** One module of commands: the names it registers, and how to register them. */
interface CommandModule {
  readonly names: readonly string[];
  readonly register: (program: Command, host: CommandHost) => Promise<unknown>;
}

const COMMAND_MODULES: readonly CommandModule[] = [
  { names: ["generate", "diff"], register: async (p, h) => (await import("./commands/generate.ts")).registerGenerateCommands(p, h.globals) },
  { names: ["inventory"], register: async (p, h) => (await import("./commands/inventory.ts")).registerInventoryCommand(p, h.globals) },
  { names: ["plan"], register: async (p, h) => (await import("./commands/plan.ts")).registerPlanCommand(p, h.globals) },
  { names: ["eval"], register: async (p, h) => (await import("./commands/eval.ts")).registerEvalCommand(p, h.context) },
  { names: ["flake-check"], register: async (p, h) => (await import("./commands/flake-check.ts")).registerFlakeCheckCommand(p, h.context) },
  { names: ["build"], register: async (p, h) => (await import("./commands/build.ts")).registerBuildCommand(p, h.context) },
  { names: ["deploy"], register: async (p, h) => (await import("./commands/deploy.ts")).registerDeployCommand(p, h.context) },
  { names: ["rollback"], register: async (p, h) => (await import("./commands/rollback.ts")).registerRollbackCommand(p, h.context) },
  { names: ["generations"], register: async (p, h) => (await import("./commands/generations.ts")).registerGenerationsCommand(p, h.context) },
  { names: ["closure-diff"], register: async (p, h) => (await import("./commands/closure-diff.ts")).registerClosureDiffCommand(p, h.context) },
  { names: ["update"], register: async (p, h) => (await import("./commands/update.ts")).registerUpdateCommand(p, h.context) },
  { names: ["status"], register: async (p, h) => (await import("./commands/status.ts")).registerStatusCommand(p, h.context) },
  { names: ["options"], register: async (p, h) => (await import("./commands/options.ts")).registerOptionsCommand(p, h.globals, h.context) },
  { names: ["schema"], register: async (p) => (await import("./commands/schema.ts")).registerSchemaCommand(p) },
  { names: ["init"], register: async (p) => (await import("./commands/init.ts")).registerInitCommand(p) },
];

/** Global options that take a value: their value is not the command's name. */
const VALUED_GLOBAL_OPTIONS = new Set(["-C", "--root"]);

/** The command `args` (after `node typeflake`) names, if any: the first word that is not a global option or its value. */
export const commandNamed = (args: readonly string[]): string | undefined => {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (VALUED_GLOBAL_OPTIONS.has(arg)) index++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
};

/**
 * Register the commands `args` need: none for `--version`, the named command's module when it is
 * known, every module otherwise (help, a misspelt command).
 */
export const registerCommands = async (program: Command, host: CommandHost, args: readonly string[]): Promise<void> => {
  const name = commandNamed(args);
  const wantsOnlyVersion = name === undefined && args.some((arg) => arg === "-V" || arg === "--version");
  if (wantsOnlyVersion) return;
  const named = COMMAND_MODULES.filter((module) => name !== undefined && module.names.includes(name));
  for (const module of named.length > 0 ? named : COMMAND_MODULES) await module.register(program, host);
};
