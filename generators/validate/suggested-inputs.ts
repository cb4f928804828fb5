/**
 * The flake URLs typeflake suggests when an input is missing, for a fleet to copy: nixpkgs at the
 * release a new fleet follows, and home-manager on the branch of the release the fleet's own
 * nixpkgs follows (home-manager's release must match nixpkgs': its NixOS module warns of a
 * mismatch, and options differ between releases).
 */
import { nixosReleaseOf } from "../model/nixos-release.ts";
import { SCAFFOLD_TOOLING } from "../init/scaffold-tooling.ts";

/** nixpkgs as `typeflake init` pins it: the newest stable release's branch. */
export const SUGGESTED_NIXPKGS_URL = `github:NixOS/nixpkgs/nixos-${SCAFFOLD_TOOLING.nixosRelease}`;

/** The `stateVersion` suggested for a home written now: the release a new fleet follows. */
export const SUGGESTED_STATE_VERSION = SCAFFOLD_TOOLING.nixosRelease;

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
