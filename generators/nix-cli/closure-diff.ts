/**
 * What a deploy would change on a host: build the new system, find the running one, and compare
 * the two closures with nvd when it is installed, else `nix store diff-closures`.
 *
 * Both closures must be in the local store. For a remote host the running system is copied from
 * it (`nix copy --from ssh://…`): a diff only reads the host, nothing is pushed to it, and the
 * familiar local nvd does the comparing. The copy needs the local user to be allowed to add
 * unsigned paths (single-user nix, root, or `trusted-users`), because a running system holds
 * paths no cache signed.
 */
import type { CommandLine } from "./command-line.ts";
import { ToolError } from "../command/command-error.ts";
import { nixBuildToplevel, nixCopyFrom, nixDiffClosures } from "./nix.ts";
import type { RunOptions } from "./run.ts";
import { runChecked, runCommand } from "./run.ts";
import type { HostAccess } from "./ssh.ts";
import { nixSshOptsEnv } from "./ssh.ts";
import { currentSystem } from "./system-profile.ts";
import { findExecutable } from "./tools.ts";

const STORE_PATH = /^\/nix\/store\/[^/\s]+$/;

/** The output path in `nix build --json`'s report: `[{"drvPath": …, "outputs": {"out": "/nix/store/…"}}]`. */
function builtOutPath(report: string): string {
  try {
    const [first] = JSON.parse(report) as [{ outputs?: { out?: unknown } }?];
    const out = first?.outputs?.out;
    if (typeof out === "string" && STORE_PATH.test(out)) return out;
  } catch {
    // Falls through to the error below, which shows what nix printed.
  }
  throw new ToolError(
    `nix build reported ${JSON.stringify(report.trim())}, not the JSON with an output path that typeflake expects`,
  );
}

/** The running system's store path from `readlink -f /run/current-system`. */
function runningSystemPath(output: string, host: string): string {
  const path = output.trim();
  if (!STORE_PATH.test(path)) {
    throw new ToolError(
      `${host}: /run/current-system points to ${JSON.stringify(path)}, not a store path; is it running NixOS?`,
    );
  }
  return path;
}

/** Build the host's new system and show how it differs from the running one. */
export async function closureDiff(host: string, access: HostAccess, run: RunOptions): Promise<void> {
  // Under --dry-run nothing runs, so the later lines show what the earlier ones would print.
  const captured = async (line: CommandLine, placeholder: string, read: (stdout: string) => string): Promise<string> =>
    run.dryRun ? (await runCommand(line, run), placeholder) : read(await runChecked(line, { ...run, capture: true }));

  const next = await captured(nixBuildToplevel(host), `<new system of ${host}>`, builtOutPath);
  const current = await captured(currentSystem(access), `<running system of ${host}>`, (stdout) =>
    runningSystemPath(stdout, host),
  );
  if (!access.local) await runChecked(nixCopyFrom(access.destination, current, nixSshOptsEnv(access.sshOpts)), run);
  const diff: CommandLine = findExecutable("nvd", run.io.env.PATH)
    ? { command: "nvd", args: ["diff", current, next] }
    : nixDiffClosures(current, next);
  await runChecked(diff, run);
}
