/**
 * typeflake's commands, each loaded only when it runs: the CLI starts with Node and commander
 * alone (`typeflake --version` loads nothing else), and `typeflake generate` loads what generating
 * needs, not the nix drivers or ts-morph. Help and an unknown command load them all, so that
 * commander can list every command and suggest the closest name.
 */
import type { Command } from "commander";
import type { CommandEnvironment } from "./command-environment.ts";

/** One module of commands: the names it registers, and how to register them. */
interface CommandModule {
  readonly names: readonly string[];
  readonly register: (program: Command, environment: CommandEnvironment) => Promise<unknown>;
}

const COMMAND_MODULES: readonly CommandModule[] = [
  { names: ["generate", "diff"], register: async (p, e) => (await import("./commands/generate.ts")).registerGenerateCommands(p, e) },
  { names: ["inventory"], register: async (p, e) => (await import("./commands/inventory.ts")).registerInventoryCommand(p, e) },
  { names: ["plan"], register: async (p, e) => (await import("./commands/plan.ts")).registerPlanCommand(p, e) },
  { names: ["eval"], register: async (p, e) => (await import("./commands/eval.ts")).registerEvalCommand(p, e) },
  { names: ["flake-check"], register: async (p, e) => (await import("./commands/flake-check.ts")).registerFlakeCheckCommand(p, e) },
  { names: ["build"], register: async (p, e) => (await import("./commands/build.ts")).registerBuildCommand(p, e) },
  { names: ["deploy"], register: async (p, e) => (await import("./commands/deploy.ts")).registerDeployCommand(p, e) },
  { names: ["rollback"], register: async (p, e) => (await import("./commands/rollback.ts")).registerRollbackCommand(p, e) },
  { names: ["generations"], register: async (p, e) => (await import("./commands/generations.ts")).registerGenerationsCommand(p, e) },
  { names: ["closure-diff"], register: async (p, e) => (await import("./commands/closure-diff.ts")).registerClosureDiffCommand(p, e) },
  { names: ["update"], register: async (p, e) => (await import("./commands/update.ts")).registerUpdateCommand(p, e) },
  { names: ["status"], register: async (p, e) => (await import("./commands/status.ts")).registerStatusCommand(p, e) },
  { names: ["options"], register: async (p, e) => (await import("./commands/options.ts")).registerOptionsCommand(p, e) },
  { names: ["schema"], register: async (p, e) => (await import("./commands/schema.ts")).registerSchemaCommand(p, e) },
  { names: ["init"], register: async (p, e) => (await import("./commands/init.ts")).registerInitCommand(p, e) },
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
export const registerCommands = async (program: Command, environment: CommandEnvironment, args: readonly string[]): Promise<void> => {
  const name = commandNamed(args);
  const wantsOnlyVersion = name === undefined && args.some((arg) => arg === "-V" || arg === "--version");
  if (wantsOnlyVersion) return;
  const named = COMMAND_MODULES.filter((module) => name !== undefined && module.names.includes(name));
  for (const module of named.length > 0 ? named : COMMAND_MODULES) await module.register(program, environment);
};
