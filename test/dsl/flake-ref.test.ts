/**
 * The flake reference grammar of nix's manual: every documented form is accepted, and each kind
 * of reference nix refuses is refused with the reason.
 */
import { describe, expect, it } from "vitest";
import { flakeRefProblem } from "../../dsl/flake-ref.ts";

describe("flake references", () => {
  it.each([
    "github:NixOS/nixpkgs",
    "github:NixOS/nixpkgs/nixos-24.11",
    "github:NixOS/nixpkgs/a3a3dda3bacf61e8a39258a0ed9c924eeca8e293",
    "github:NixOS/nixpkgs?ref=nixos-unstable&dir=lib",
    "gitlab:veloren/veloren/master",
    "sourcehut:~misterio/nix-colors",
    "git+https://example.org/repo?ref=main",
    "git+ssh://git@github.com/NixOS/nix?ref=v1.2.3",
    "git+file:///home/me/src/fleet",
    "hg+https://example.org/repo",
    "tarball+https://example.org/source",
    "file+https://example.org/flake.nix",
    "https://github.com/NixOS/nixpkgs/archive/nixos-24.11.tar.gz",
    "https://example.org/x.zip",
    "path:./vendor/flake",
    "path:/srv/flake?narHash=sha256-abc",
    "./vendor/flake",
    "/srv/flake",
    "nixpkgs",
    "nixpkgs/nixos-24.11",
    "nixpkgs/nixos-24.11/a3a3dda3bacf61e8a39258a0ed9c924eeca8e293",
    "flake:nixpkgs",
  ])("accepts %s", (reference) => {
    expect(flakeRefProblem(reference)).toBeUndefined();
  });

  it.each([
    ["", "it is empty"],
    ["github:NixOS", "github: takes <owner>/<repo>"],
    ["github:NixOS/nixpkgs/a/b", "github: takes <owner>/<repo>"],
    ["github:NixOS/nixpkgs/nixos..24.11", '"nixos..24.11" is not a valid branch, tag or commit'],
    ["github:NixOS/nixpkgs?rev=abc", "rev=abc is not a 40-digit commit hash"],
    ["github:NixOS/nixpkgs?ref", 'the query part "ref" is not name=value'],
    ["github:NixOS/nix pkgs", "white space"],
    ['github:NixOS/nixpkgs"', "a quote"],
    ["git+ssh://git@github.com:NixOS/nix", "write ssh://user@host/path"],
    ["git+ftp://example.org/repo", "git+ takes http://, https://, ssh://, git://, file:// URLs, not ftp:"],
    ["tarball+ssh://example.org/x", "tarball+ takes http://, https://, file:// URLs"],
    ["https://example.org/page", "an http(s) URL must name an archive"],
    ["http://", "is not a URL"],
    ["svn:example", 'unknown kind of flake reference "svn:"'],
    ["path:", "path: names no path"],
    ["9nixpkgs", 'is not a registry id such as "nixpkgs"'],
    ["nixpkgs/nixos-24.11/main", '"main" is not a 40-digit commit hash'],
  ])("refuses %j", (reference, reason) => {
    expect(flakeRefProblem(reference)).toContain(reason);
  });
});
