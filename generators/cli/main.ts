/**
 * The `typeflake` command line. Exit codes: 0 ok, 1 invalid input / drift / a host failed,
 * 2 typeflake itself (or a tool it needs) failed.
 */
import { Command, CommanderError } from "commander";
import { TYPEFLAKE_PACKAGE_INFO } from "../package-info.ts";
import type { FleetTargets } from "../nix-cli/target.ts";
import { registerCommands } from "./command-registry.ts";
import { FleetRootNotFound } from "./find-fleet-root.ts";
import { globalOptions } from "./global-options.ts";

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
    const [{ runPipeline }, { reportDiagnostics }, { fleetTargets }] = await Promise.all([
      import("../pipeline.ts"),
      import("./report-diagnostics.ts"),
      import("../nix-cli/fleet-targets.ts"),
    ]);
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
  const { colorEnabled, formatRecovery, formatRecoveryFailure, recoverUnfinishedWrite } = await import("../emit/index.ts");
  const recovered = await recoverUnfinishedWrite(root);
  const color = colorEnabled(process.stderr, process.env);
  if (!recovered.ok) throw new UnfinishedWrite(formatRecoveryFailure(recovered.problem, { color }));
  process.stderr.write(formatRecovery(recovered.recovery, { color }));
});

await registerCommands(program, { globals, context }, process.argv.slice(2));

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
