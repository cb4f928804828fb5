# Stub of the nixpkgs flake (github:NixOS/nixpkgs), for evaluating generated flakes offline.
#
# Imitates: `lib` (./lib, with `nixosSystem` from ./nixos/lib/eval-config.nix),
# `import nixpkgs { system; config; overlays; }` (./default.nix), `legacyPackages.<system>`
# for x86_64-linux and aarch64-linux, `nixosModules.notDetected`, and the `modulesPath` files
# hardware configurations import (./nixos/modules).
#
# Leaves out: real packages and NixOS modules; see the header of each file for the details.
# `nixpkgs-<channel>` inputs (nixpkgs-unstable …) get a copy of this directory whose
# ./channel.nix names that channel, made by test/support/flake-eval.ts.
{
  description = "Stub nixpkgs for typeflake's tests";

  outputs = { self }:
    let
      lib = import ./lib;
    in
    {
      lib = lib // { nixosSystem = import ./nixos/lib/eval-config.nix; };
      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ] (system: import ./. { inherit system; });
      nixosModules.notDetected = ./nixos/modules/installer/scan/not-detected.nix;
    };
}
