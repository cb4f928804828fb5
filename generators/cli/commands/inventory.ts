/**
 * `typeflake inventory [--stdout] [--json]`: write INVENTORY.md, the fleet's hosts and topology
 * for people. The page is one file of the generated tree, written by the same all-or-nothing
 * writer as `generate` and recorded in the same manifest; writing it alone would leave the
 * manifest stale, so the whole plan is written (normally only the page has changed).
 */
import type { Command } from "commander";
import { writeExitCode } from "../../emit/exit-code.ts";
import { formatWriteReport } from "../../emit/report.ts";
import { writePlan } from "../../emit/write.ts";
import { INVENTORY_PATH } from "../../files/inventory-file.ts";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";
import { plannedFleet } from "./generate.ts";

interface InventoryOptions {
  readonly stdout?: boolean;
  readonly json?: boolean;
}

/** Add `inventory` to the CLI. */
export function registerInventoryCommand(program: Command, environment: CommandEnvironment): void {
  program
    .command("inventory")
    .description(`write ${INVENTORY_PATH}: a table of the hosts and a Mermaid diagram of the topology (with the generated files it describes)`)
    .option("--stdout", "print the page instead of writing anything")
    .option("--json", "print diagnostics as JSON on stdout")
    .action(
      commandAction(environment, async (context, options: InventoryOptions) => {
        const planned = await plannedFleet(context);
        const { stdout, stderr } = context.io;
        if (options.stdout) {
          stdout.write(planned.plan.files.find((file) => file.path === INVENTORY_PATH)?.text ?? "");
          return;
        }
        const result = await writePlan(context.fleetRoot(), planned.plan);
        stderr.write(formatWriteReport(result, { color: context.color(stderr) }));
        context.setExitCode(writeExitCode(result));
      }),
    );
}
