/**
 * The flake URLs a missing-input error suggests: nixpkgs at the release `typeflake init` pins,
 * home-manager on the branch of the release the fleet's nixpkgs follows.
 */
import { describe, expect, it } from "vitest";
import { SCAFFOLD_TOOLING } from "../../generators/init/scaffold-tooling.ts";
import { nixosReleaseOf } from "../../generators/model/nixos-release.ts";
import { homeManagerUrl, SUGGESTED_NIXPKGS_URL } from "../../generators/validate/suggested-inputs.ts";

describe("the inputs a missing-input error suggests", () => {
  it.each([
    ["github:NixOS/nixpkgs/nixos-24.11", "24.11"],
    ["github:nixos/nixpkgs?ref=nixos-25.05", "25.05"],
    ["github:NixOS/nixpkgs/nixpkgs-24.11-darwin", "24.11"],
    ["git+https://github.com/NixOS/nixpkgs?ref=release-26.05&shallow=1", "26.05"],
    ["https://github.com/NixOS/nixpkgs/archive/nixos-24.05.tar.gz", "24.05"],
    ["nixpkgs/nixos-24.11", "24.11"],
    ["github:NixOS/nixpkgs/nixos-unstable", "unstable"],
    ["github:NixOS/nixpkgs/nixpkgs-unstable", "unstable"],
    ["github:NixOS/nixpkgs/master", "unstable"],
    ["github:NixOS/nixpkgs", undefined],
    ["github:NixOS/nixpkgs/4f0dadbf38ee4cf4cc38cbc232b7708fddf965bc", undefined],
    ["github:me/nixpkgs/my-nixos-24.11-fixes", undefined],
    ["path:./nixpkgs", undefined],
  ])("reads the release %s follows as %s", (url, release) => {
    expect(nixosReleaseOf(url)).toBe(release);
  });

  it("suggests home-manager's branch of that release, master for unstable, the scaffold's release when the URL does not tell", () => {
    expect(homeManagerUrl("github:NixOS/nixpkgs/nixos-24.11")).toBe("github:nix-community/home-manager/release-24.11");
    expect(homeManagerUrl("github:NixOS/nixpkgs/nixos-unstable")).toBe("github:nix-community/home-manager");
    expect(homeManagerUrl(undefined)).toBe(`github:nix-community/home-manager/release-${SCAFFOLD_TOOLING.nixosRelease}`);
    expect(SUGGESTED_NIXPKGS_URL).toBe(`github:NixOS/nixpkgs/nixos-${SCAFFOLD_TOOLING.nixosRelease}`);
  });
});
