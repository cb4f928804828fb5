/**
 * The `typeflake` command line. Exit codes: 0 ok, 1 invalid input / drift / a host failed,
 * 2 typeflake itself (or a tool it needs) failed.
 */
import { Command, CommanderError } from "commander";
import { TYPEFLAKE_PACKAGE_INFO } from "../package-info.ts";
import { colorEnabled, formatRecovery, formatRecoveryFailure, recoverUnfinishedWrite } from "../emit/index.ts";
import { runPipeline } from "../pipeline.ts";
import { registerBuildCommand } from "./commands/build.ts";
import { registerClosureDiffCommand } from "./commands/closure-diff.ts";
import { registerDeployCommand } from "./commands/deploy.ts";
import { registerEvalCommand } from "./commands/eval.ts";
import { registerFlakeCheckCommand } from "./commands/flake-check.ts";
import { registerGenerateCommands } from "./commands/generate.ts";
import { registerGenerationsCommand } from "./commands/generations.ts";
import { registerInitCommand } from "./commands/init.ts";
import { registerInventoryCommand } from "./commands/inventory.ts";
import { registerOptionsCommand } from "./commands/options.ts";
import { registerPlanCommand } from "./commands/plan.ts";
import { registerRollbackCommand } from "./commands/rollback.ts";
import { registerSchemaCommand } from "./commands/schema.ts";
import { registerStatusCommand } from "./commands/status.ts";
import { registerUpdateCommand } from "./commands/update.ts";
import { fleetTargets } from "../nix-cli/fleet-targets.ts";
import { FleetRootNotFound } from "./find-fleet-root.ts";
import { globalOptions } from "./global-options.ts";
import { reportDiagnostics } from "./report-diagnostics.ts";
import type { FleetTargets } from "../nix-cli/target.ts";

/** Thrown after the diagnostics of an invalid fleet were shown: exit 1, nothing more to say. */
class InvalidFleet extends Error {}

/** An interrupted write could not be recovered: its report, exit 2. */
class UnfinishedWrite extends Error {}

const program = new Command("typeflake")
  .description("Describe a fleet of NixOS machines in typed TypeScript; typeflake writes and drives its flake.")
  .version(TYPEFLAKE_PACKAGE_INFO.version)
  .option("-C, --root <dir>", "the fleet root, where typeflake.config.ts is (default: the nearest one from the current directory upwards)")
  .showHelpAfterError()
  .exitOverride();

const globals = () => globalOptions(program.opts<{ root?: string }>());

/** The nix commands act on the fleet as last generated: validate it and adapt it. */
const context = {
  loadTargets: async (): Promise<FleetTargets> => {
    const { root } = globals();
    const result = await runPipeline(root);
    if (!result.fleet || !result.plan) {
      await reportDiagnostics(result.diagnostics, { root, json: false });
      throw new InvalidFleet();
    }
    return fleetTargets(result.fleet, root);
  },
};

// Before any command in a fleet: finish or undo a generate that was cut off (see docs/writes.md).
program.hook("preAction", async () => {
  const root = (() => {
    try {
      return globals().root;
    } catch (caught) {
      if (caught instanceof FleetRootNotFound) return undefined; // `init`, `schema`: no fleet yet
      throw caught;
    }
  })();
  if (root === undefined) return;
  const recovered = await recoverUnfinishedWrite(root);
  const color = colorEnabled(process.stderr, process.env);
  if (!recovered.ok) throw new UnfinishedWrite(formatRecoveryFailure(recovered.problem, { color }));
  process.stderr.write(formatRecovery(recovered.recovery, { color }));
});

registerGenerateCommands(program, globals);
registerInventoryCommand(program, globals);
registerPlanCommand(program, globals);
registerEvalCommand(program, context);
registerFlakeCheckCommand(program, context);
registerBuildCommand(program, context);
registerDeployCommand(program, context);
registerRollbackCommand(program, context);
registerGenerationsCommand(program, context);
registerClosureDiffCommand(program, context);
registerUpdateCommand(program, context);
registerStatusCommand(program, context);
registerOptionsCommand(program, globals, context);
registerSchemaCommand(program);
registerInitCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (caught) {
  if (caught instanceof CommanderError) {
    process.exitCode = caught.exitCode === 0 ? 0 : 1;
  } else if (caught instanceof InvalidFleet) {
    process.exitCode = 1;
  } else if (caught instanceof UnfinishedWrite) {
    process.stderr.write(caught.message);
    process.exitCode = 2;
  } else if (caught instanceof FleetRootNotFound) {
    process.stderr.write(`typeflake: ${caught.message}\n`);
    process.exitCode = 1;
  } else {
    const message = caught instanceof Error ? caught.message : String(caught);
    process.stderr.write(`typeflake: internal error: ${message}\n`);
    if (process.env["TYPEFLAKE_DEBUG"]) process.stderr.write(`${(caught as Error).stack ?? ""}\n`);
    else process.stderr.write("Set TYPEFLAKE_DEBUG=1 to see where it happened, and please report it.\n");
    process.exitCode = 2;
  }
}
