# Stub of nixpkgs' nixos/lib/eval-config.nix (what `lib.nixosSystem` calls, and what colmena
# imports from `pkgs.path`): evaluates a NixOS configuration with the stub module system.
#
# Imitates: `{ system, modules, specialArgs }` → `{ config, options, pkgs, lib, _module }`; the
# module arguments `pkgs` (the stub package set for `nixpkgs.hostPlatform`, with
# `nixpkgs.config` and `nixpkgs.overlays` applied) and `modulesPath`; the base options of
# ../modules/stub-base.nix and `config.system.build.toplevel`.
#
# Leaves out: the NixOS modules themselves (no option exists unless a module defines it),
# `baseModules`, `extraModules`, `pkgs`/`lib` arguments (accepted and ignored), `extendModules`,
# `type`.
{
  system ? null,
  modules,
  specialArgs ? { },
  ...
}:
let
  lib = import ../../lib;
  result = lib.evalModules {
    modules = [ (import ../modules/stub-base.nix { inherit system; }) ] ++ modules;
    inherit specialArgs;
    args = { inherit pkgs; modulesPath = ../modules; };
  };
  inherit (result.config) nixpkgs;
  pkgs = import ../.. {
    system = nixpkgs.hostPlatform.system or nixpkgs.hostPlatform;
    inherit (nixpkgs) config overlays;
  };
in
result // { inherit pkgs lib; }
