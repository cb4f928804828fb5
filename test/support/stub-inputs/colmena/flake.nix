# Stub of colmena (github:zhaofengli/colmena), for evaluating generated flakes offline.
#
# Imitates: `lib.makeHive hive` → `{ __schema = "v0"; nodes; toplevel; deploymentConfig; }`:
# every attribute of the hive but `meta` and `defaults` is a node, evaluated with
# `${pkgs.path}/nixos/lib/eval-config.nix` of its nixpkgs (`meta.nodeNixpkgs.<node>` or
# `meta.nixpkgs`: a package set, a function or a path) for that package set's system, from
# `defaults`, the node's module and colmena's `deployment.*` options (targetHost defaults to
# the node's name, targetUser to "root", …), with specialArgs `name`, `nodes`,
# `meta.specialArgs` and `meta.nodeSpecialArgs.<node>`.
#
# Leaves out: the package set's own overlays and config (the node's pkgs come from its
# `nixpkgs.*` options), `deployment.keys` contents, `evalSelected`, `introspect`, `metaConfig`,
# checks of the hive's shape, the `colmena` CLI.
{
  description = "Stub colmena for typeflake's tests";

  outputs = { self }: {
    lib.makeHive = hive:
      let
        meta = hive.meta or { };
        nodeNames = builtins.attrNames (removeAttrs hive [ "meta" "defaults" ]);
        mapNodes = f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) nodeNames);

        pkgsFor = name:
          let nixpkgs = meta.nodeNixpkgs.${name} or meta.nixpkgs or (throw "colmena: meta.nixpkgs is required"); in
          if builtins.isFunction nixpkgs then nixpkgs { }
          else if nixpkgs ? lib then nixpkgs
          else import nixpkgs { };

        deploymentOptions = { name, lib, ... }: {
          _file = "<stub colmena deployment options>";
          options.deployment = {
            targetHost = lib.mkOption { default = name; };
            targetPort = lib.mkOption { default = null; };
            targetUser = lib.mkOption { default = "root"; };
            buildOnTarget = lib.mkOption { default = false; };
            allowLocalDeployment = lib.mkOption { default = false; };
            tags = lib.mkOption { default = [ ]; };
            keys = lib.mkOption { default = { }; };
            replaceUnknownProfiles = lib.mkOption { default = true; };
          };
        };

        nodes = mapNodes (name:
          let pkgs = pkgsFor name; in
          import "${pkgs.path}/nixos/lib/eval-config.nix" {
            inherit (pkgs) system;
            modules = [ deploymentOptions (hive.defaults or { }) hive.${name} ];
            specialArgs = { inherit name nodes; } // meta.specialArgs or { } // meta.nodeSpecialArgs.${name} or { };
          });
      in
      {
        __schema = "v0";
        inherit nodes;
        toplevel = builtins.mapAttrs (_: node: node.config.system.build.toplevel) nodes;
        deploymentConfig = builtins.mapAttrs (_: node: node.config.deployment) nodes;
      };
  };
}
