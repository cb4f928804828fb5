/**
 * Compare what a fake recorded with the line typeflake printed, in the printed (shell) form.
 */
import { formatCommandLine } from "../../../generators/nix-cli/command-line.ts";
import type { FakeCall } from "./fakes.ts";

/** A recorded call as a shell line: `NIX_SSHOPTS=… tool args…`, for comparison with printed lines. */
export const asLine = (call: FakeCall): string =>
  formatCommandLine({
    command: call.tool,
    args: call.argv,
    ...(call.nixSshOpts === undefined ? {} : { env: { NIX_SSHOPTS: call.nixSshOpts } }),
  });

/** The command lines typeflake printed (its `$ …` lines, without the `$ `, any host prefix removed). */
export const printedLines = (stderr: string): string[] =>
  stderr
    .split("\n")
    .map((line) => line.replace(/^\[[^\]]+\]\s+/, ""))
    .filter((line) => line.startsWith("$ "))
    .map((line) => line.slice(2));
