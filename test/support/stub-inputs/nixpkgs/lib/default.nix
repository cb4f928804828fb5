# Stub of nixpkgs' `lib`, for evaluating generated flakes without network access.
#
# Imitates: the builtins re-exported by nixpkgs' lib, the list/attrset/string helpers NixOS
# modules use most, overlay plumbing (`fix`, `extends`), option declarations (`mkOption`,
# `mkEnableOption`, `types`) and, from ./modules.nix, the definition properties (`mkIf`,
# `mkMerge`, `mkOverride` and its aliases, `mkOrder` and its aliases) and `evalModules`.
#
# Leaves out: everything else. Option types are markers only; the module system reads them
# solely to give `attrsOf (submodule …)` options their per-attribute defaults.
let
  helpers = rec {
    optional = cond: value: if cond then [ value ] else [ ];
    optionals = cond: list: if cond then list else [ ];
    optionalString = cond: string: if cond then string else "";
    optionalAttrs = cond: set: if cond then set else { };

    genAttrs = names: f: builtins.listToAttrs (map (name: nameValuePair name (f name)) names);
    nameValuePair = name: value: { inherit name value; };
    filterAttrs = pred: set: removeAttrs set (builtins.filter (name: !pred name set.${name}) (builtins.attrNames set));
    mapAttrsToList = f: set: map (name: f name set.${name}) (builtins.attrNames set);
    setAttrByPath = path: value:
      if path == [ ] then value else { ${builtins.head path} = setAttrByPath (builtins.tail path) value; };
    recursiveUpdate = lhs: rhs:
      lhs // builtins.mapAttrs (name: value: if builtins.isAttrs value && builtins.isAttrs (lhs.${name} or null) then recursiveUpdate lhs.${name} value else value) rhs;

    concatMapStrings = f: list: builtins.concatStringsSep "" (map f list);
    concatMapStringsSep = sep: f: list: builtins.concatStringsSep sep (map f list);

    fix = f: let result = f result; in result;
    extends = overlay: f: final: let prev = f final; in prev // overlay final prev;

    mkOption = attrs: attrs // { _type = "option"; };
    mkEnableOption = name: mkOption { default = false; description = "Whether to enable ${name}."; };
    types =
      let
        type = name: extra: extra // { _type = "option-type"; inherit name; };
        simple = genAttrs [ "str" "bool" "int" "port" "path" "package" "lines" "anything" ] (name: type name { });
      in
      simple // {
        listOf = elemType: type "listOf" { inherit elemType; };
        attrsOf = elemType: type "attrsOf" { inherit elemType; };
        lazyAttrsOf = elemType: type "attrsOf" { inherit elemType; };
        nullOr = elemType: type "nullOr" { inherit elemType; };
        enum = values: type "enum" { inherit values; };
        submodule = module: type "submodule" { inherit module; };
      };
  };
  lib = builtins // helpers // import ./modules.nix lib;
in
lib
