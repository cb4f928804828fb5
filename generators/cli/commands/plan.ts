/**
 * `typeflake plan [--base REF] [--json]`: what the working tree changes, host by host, compared
 * with the fleet as committed at REF (default `HEAD`), before anything is built or deployed.
 * Exit codes: 0 the plan was shown, 1 invalid input or an unusable base, 2 typeflake failed.
 */
import type { Command } from "commander";
import { AlreadyReported } from "../../command/command-error.ts";
import { ExitCode } from "../../command/exit-code.ts";
import { compareWithBase } from "../../plan/compare-revisions.ts";
import { renderPlanJson } from "../../plan/render-json.ts";
import { renderPlanText } from "../../plan/render-text.ts";
import { commandAction } from "../command-action.ts";
import type { CommandEnvironment } from "../command-environment.ts";

interface PlanFlags {
  readonly base: string;
  readonly json?: boolean;
}

/** Add `plan` to the program. */
export function registerPlanCommand(program: Command, environment: CommandEnvironment): void {
  program
    .command("plan")
    .description("show what the working tree changes on each host compared with a git revision (no nix needed)")
    .option("--base <ref>", "the git revision to compare with (branch, tag or commit)", "HEAD")
    .option("--json", "print the plan as JSON on stdout (diagnostics as JSON too)")
    .action(
      commandAction(
        environment,
        async (context, flags: PlanFlags) => {
          // An unusable base is a `BaseRevisionError`: the action frame says so and exits 1.
          const comparison = await compareWithBase(context.fleetRoot(), flags.base);
          if (!comparison.plan) {
            await context.reportDiagnostics(comparison.diagnostics);
            throw new AlreadyReported(ExitCode.Invalid);
          }
          // Warnings would break the JSON document on stdout; the plan's JSON is all it prints.
          if (!context.json) await context.reportDiagnostics(comparison.diagnostics);
          const { stdout } = context.io;
          stdout.write(context.json ? renderPlanJson(comparison.plan) : renderPlanText(comparison.plan, { color: context.color(stdout) }));
        },
        { namedInErrors: true },
      ),
    );
}
