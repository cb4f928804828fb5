/**
 * The real nix binaries for tests. A test that needs nix never skips: without nix it fails and
 * says how to get it, so a CI run without nix can never pass silently.
 */
import { execFileSync, spawnSync } from "node:child_process";

const NIX_FEATURES = ["--extra-experimental-features", "nix-command flakes"];

/** Throw a clear error when a nix binary is missing. */
export function requireNixBinary(binary: "nix" | "nix-instantiate"): void {
  const probe = spawnSync(binary, ["--version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `${binary} is not installed, and this test needs the real nix. Run \`npm run setup\` ` +
        "(installs Debian's nix-bin) and try again.",
    );
  }
}

/** Run `nix-instantiate` with the given arguments (stdin optional) and return stdout. */
export function nixInstantiate(args: readonly string[], input?: string): string {
  requireNixBinary("nix-instantiate");
  return execFileSync("nix-instantiate", [...args], {
    input,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** Run `nix` (flakes enabled) with the given arguments and return stdout. */
export function nixCommand(args: readonly string[], cwd?: string): string {
  requireNixBinary("nix");
  return execFileSync("nix", [...NIX_FEATURES, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["pipe", "pipe", "pipe"],
  });
}
