/**
 * Command lines for colmena. The generated `colmenaHive` carries each node's deployment settings,
 * so only what the command line overrides is passed. typeflake resolves tags itself and gives
 * colmena one node per run (`--on <host>`), so every tool sees the same selection and every host
 * gets its own status line and exit code.
 */
import type { CommandLine } from "./command-line.ts";
import type { DeployOptions } from "./deploy-options.ts";
import type { DeployTarget } from "./target.ts";

/** `colmena apply <goal> --on <host>`; the goals switch, boot, test and dry-activate are the modes. */
export const colmenaApply = (target: DeployTarget, options: DeployOptions): CommandLine => ({
  command: "colmena",
  args: [
    "apply",
    options.mode,
    "--on",
    target.name,
    ...(options.buildOnTarget ? ["--build-on-target"] : []),
    ...options.nixOptions.flatMap(({ name, value }) => ["--nix-option", name, value]),
  ],
});
