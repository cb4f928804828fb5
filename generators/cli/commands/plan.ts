/**
 * `typeflake plan [--base REF] [--json]`: what the working tree changes, host by host, compared
 * with the fleet as committed at REF (default `HEAD`), before anything is built or deployed.
 * Exit codes: 0 the plan was shown, 1 invalid input or an unusable base, 2 typeflake failed.
 */
import type { Command } from "commander";
import { colorEnabled } from "../../emit/color.ts";
import { compareWithBase } from "../../plan/compare-revisions.ts";
import { BaseRevisionError } from "../../plan/git-revision.ts";
import { renderPlanJson } from "../../plan/render-json.ts";
import { renderPlanText } from "../../plan/render-text.ts";
import type { GlobalOptions } from "../global-options.ts";
import { reportDiagnostics } from "../report-diagnostics.ts";

interface PlanFlags {
  readonly base: string;
  readonly json?: boolean;
}

export function registerPlanCommand(program: Command, globals: () => GlobalOptions): void {
  program
    .command("plan")
    .description("show what the working tree changes on each host compared with a git revision (no nix needed)")
    .option("--base <ref>", "the git revision to compare with (branch, tag or commit)", "HEAD")
    .option("--json", "print the plan as JSON on stdout (diagnostics as JSON too)")
    .action(async (flags: PlanFlags) => {
      const { root } = globals();
      const json = Boolean(flags.json);
      try {
        const comparison = await compareWithBase(root, flags.base);
        if (!comparison.plan) {
          await reportDiagnostics(comparison.diagnostics, { root, json });
          process.exitCode = 1;
          return;
        }
        if (!json) await reportDiagnostics(comparison.diagnostics, { root, json });
        process.stdout.write(json ? renderPlanJson(comparison.plan) : renderPlanText(comparison.plan, { color: colorEnabled(process.stdout, process.env) }));
      } catch (caught) {
        if (!(caught instanceof BaseRevisionError)) throw caught;
        process.stderr.write(`typeflake plan: ${caught.message}\n`);
        process.exitCode = 1;
      }
    });
}
