/**
 * The flake URLs typeflake suggests when an input is missing, for a fleet to copy: nixpkgs at the
 * release a new fleet follows, and home-manager on the branch of the release the fleet's own
 * nixpkgs follows (home-manager's release must match nixpkgs': its NixOS module warns of a
 * mismatch, and options differ between releases).
 */
import { SCAFFOLD_TOOLING } from "../init/scaffold-tooling.ts";

/** nixpkgs as `typeflake init` pins it: the newest stable release's branch. */
export const SUGGESTED_NIXPKGS_URL = `github:NixOS/nixpkgs/nixos-${SCAFFOLD_TOOLING.nixosRelease}`;

/** The `stateVersion` suggested for a home written now: the release a new fleet follows. */
export const SUGGESTED_STATE_VERSION = SCAFFOLD_TOOLING.nixosRelease;

/**
 * The NixOS release a nixpkgs flake URL follows: `"24.11"` for a `nixos-24.11` branch (also
 * `nixpkgs-24.11-darwin`, `release-24.11`, `?ref=nixos-24.11`, `nixos-24.11.tar.gz`), `"unstable"` for
 * `nixos-unstable`, `nixpkgs-unstable` or `master`; undefined when the URL names neither (a
 * commit, a fork's own branch, a path).
 */
export const nixosReleaseOf = (url: string): string | undefined => {
  const release = /(?:^|[/=:])(?:nixos|nixpkgs|release)-(\d{2}\.\d{2})(?=$|[-/?&#]|\.[a-z])/.exec(url)?.[1];
  if (release !== undefined) return release;
  return /(?:^|[/=:])(?:nixos-unstable|nixpkgs-unstable|master)(?=$|[-/?&#])/.test(url) ? "unstable" : undefined;
};

/**
 * home-manager's flake URL for a fleet whose nixpkgs input is `nixpkgsUrl`: the `release-<release>`
 * branch of the release it follows, `master` (the default branch) for unstable, and the release
 * a new fleet follows when the URL does not tell.
 */
export const homeManagerUrl = (nixpkgsUrl: string | undefined): string => {
  const release = nixpkgsUrl === undefined ? undefined : nixosReleaseOf(nixpkgsUrl);
  return release === "unstable"
    ? "github:nix-community/home-manager"
    : `github:nix-community/home-manager/release-${release ?? SCAFFOLD_TOOLING.nixosRelease}`;
};
