# The few NixOS options every stub configuration has, with NixOS's defaults: `nixpkgs.*` (read
# by ../lib/eval-config.nix to build `pkgs`), `networking.hostName` and `system.stateVersion`
# (typed and described as NixOS declares them, so `typeflake options sync` lists them); and
# `system.build.toplevel`, a stub derivation named after the host.
{ system }:
{ config, lib, pkgs, ... }:
{
  _file = "<stub nixpkgs base module>";
  options = {
    nixpkgs.hostPlatform = lib.mkOption (lib.optionalAttrs (system != null) { default = system; });
    nixpkgs.config = lib.mkOption { default = { }; };
    nixpkgs.overlays = lib.mkOption { default = [ ]; };
    networking.hostName = lib.mkOption {
      default = "nixos";
      type = lib.types.str;
      description = "The name of the machine.";
    };
    system.stateVersion = lib.mkOption {
      type = lib.types.str;
      description = "The NixOS release with which this system was first installed.";
    };
  };
  config.system.build.toplevel = pkgs.runCommand "nixos-system-${config.networking.hostName}" { } "";
}
