# Stub of `import nixpkgs { system; config; overlays; }`: a package set whose packages evaluate
# like real ones — `"${pkgs.curl}"` is a store path, `nix eval --json` prints that path,
# `pkgs.curl.version` is the channel (./channel.nix) — but can never be built.
#
# Imitates: overlays (`final: prev: { … }`, applied in order), `pkgs.lib`, `pkgs.system`,
# `pkgs.config`, `pkgs.path`, the trivial builders `runCommand`, `writeText`,
# `writeShellScriptBin` (their text is kept as `text`), and the packages of ./packages.nix.
#
# Leaves out: every other package and function, `callPackage`, platforms, `config` checks
# (`allowUnfree` is accepted and ignored).
{
  system ? "x86_64-linux",
  config ? { },
  overlays ? [ ],
  ...
}:
let
  lib = import ./lib;
  channel = import ./channel.nix;

  /** A derivation-like set: `type`, `name`, `outPath`, `drvPath` plus `attrs`. */
  mkStub = name: attrs:
    let storePath = suffix: "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" "${system}/${name}")}-${name}${suffix}"; in
    attrs // { type = "derivation"; inherit name system; outPath = storePath ""; drvPath = storePath ".drv"; };

  packages = builtins.foldl'
    (set: dotted:
      let
        attrPath = builtins.filter builtins.isString (builtins.split "\\." dotted);
        pname = builtins.elemAt attrPath (builtins.length attrPath - 1);
      in
      lib.recursiveUpdate set (lib.setAttrByPath attrPath (mkStub "${pname}-${channel}" { inherit pname; version = channel; })))
    { }
    (import ./packages.nix);

  base = _: packages // {
    inherit lib system config;
    path = ./.;
    runCommand = name: env: buildCommand: mkStub name (env // { inherit buildCommand; });
    writeText = name: text: mkStub name { inherit text; };
    writeShellScriptBin = name: text: mkStub name { inherit text; executable = true; destination = "/bin/${name}"; };
  };
in
lib.fix (builtins.foldl' (f: overlay: lib.extends overlay f) base overlays)
