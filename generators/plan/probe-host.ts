/**
 * Ask one machine which commit it runs: `ssh … nixos-version --configuration-revision`, without
 * prompting (BatchMode) and within a time limit. The edge of `typeflake status`.
 */
import type { CommandLine } from "../nix-cli/command-line.ts";
import type { DeployTarget } from "../nix-cli/target.ts";
import type { Probe } from "./drift.ts";

/** The ssh line for `target`: the fleet's ssh options first (ssh keeps the first value of an option), then ours. */
export const revisionCommand = (target: DeployTarget, timeoutSeconds: number): CommandLine => ({
  command: "ssh",
  args: [
    ...target.sshOpts,
    "-o",
    "BatchMode=yes",
    "-o",
    `ConnectTimeout=${timeoutSeconds}`,
    `${target.sshUser}@${target.targetHost}`,
    "nixos-version --configuration-revision",
  ],
});

// ssh's own failures (cannot resolve, connect or log in) end in 255; the remote command's code otherwise.
const SSH_FAILED = 255;

const lastLine = (text: string): string => text.trim().split("\n").at(-1)?.trim() ?? "";

/** Run `line` and read its answer as a probe; never throws for what the host or network does. */
export const probeHost = async (line: CommandLine, options: { readonly timeoutSeconds: number; readonly env: NodeJS.ProcessEnv; readonly signal: AbortSignal }): Promise<Probe> => {
  // Loaded here, not at the top: every typeflake command would otherwise pay for it at start-up.
  const { execa } = await import("execa");
  const result = await execa(line.command, [...line.args], {
    env: options.env,
    extendEnv: false,
    reject: false,
    stdin: "ignore",
    timeout: options.timeoutSeconds * 1000,
    cancelSignal: options.signal,
    forceKillAfterDelay: 1000,
  });
  const stdout = String(result.stdout ?? "").trim();
  const stderr = String(result.stderr ?? "");
  if (result.timedOut) return { kind: "unreachable", message: `no answer within ${options.timeoutSeconds} s` };
  if (result.exitCode === undefined) return { kind: "unreachable", message: `ssh did not run: ${result.shortMessage}` };
  if (result.exitCode === SSH_FAILED) return { kind: "unreachable", message: lastLine(stderr) || "ssh failed (exit code 255)" };
  if (result.exitCode !== 0 || stdout === "") {
    const said = lastLine(stderr);
    return {
      kind: "no-revision",
      message: /configuration revision is unknown/.test(said) || (result.exitCode === 0 && stdout === "")
        ? "its system records no configuration revision (deployed before typeflake set it, or built outside git)"
        : `nixos-version failed there (exit code ${result.exitCode}${said ? `: ${said}` : ""})`,
    };
  }
  return { kind: "revision", revision: lastLine(stdout) };
};
