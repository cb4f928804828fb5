{
  pkgs ? import ./nixpkgs.nix { },
  debug ? false,
}:
pkgs
