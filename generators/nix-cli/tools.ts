/**
 * The external programs typeflake starts, how to find them on PATH, and what to tell a user who
 * does not have one.
 */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

const INSTALL_HINTS: Readonly<Record<string, string>> = {
  nix: "install it from https://nixos.org/download (Debian and Ubuntu: `apt install nix-bin`)",
  "nixos-rebuild": "it ships with NixOS, or install it with `nix profile install nixpkgs#nixos-rebuild`",
  deploy: "it is deploy-rs's CLI; install it with `nix profile install nixpkgs#deploy-rs`",
  colmena:
    "install it with `nix profile install nixpkgs#colmena` (the colmenaHive output needs colmena 0.5 or its main branch)",
  nvd: "install it with `nix profile install nixpkgs#nvd`",
  ssh: "install OpenSSH (`nix profile install nixpkgs#openssh`, or your system's openssh-client package)",
  sudo: "install sudo, or run typeflake as root",
};

/** The message for a program that is not on PATH: its name and how to install it. */
export const missingToolMessage = (command: string): string =>
  `${command} is not on PATH; ${INSTALL_HINTS[command] ?? "install it, or add its directory to PATH"}`;

/** The full path of an executable named `command` on `pathVariable`, as a shell would find it, if any. */
export function findExecutable(command: string, pathVariable: string | undefined): string | undefined {
  const candidates = command.includes("/")
    ? [command]
    : (pathVariable ?? "")
        .split(delimiter)
        .filter((dir) => dir !== "")
        .map((dir) => join(dir, command));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}
