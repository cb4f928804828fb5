# Stub of nixpkgs' `lib`, for evaluating generated flakes without network access.
#
# Imitates: the builtins re-exported by nixpkgs' lib, the list/attrset/string helpers NixOS
# modules use most, overlay plumbing (`fix`, `extends`), option declarations (`mkOption`,
# `mkEnableOption`, `types`, `literalExpression`, `literalMD`), from ./modules.nix the definition
# properties (`mkIf`, `mkMerge`, `mkOverride` and its aliases, `mkOrder` and its aliases) and
# `evalModules`, and from ./options.nix the option documentation nixpkgs builds its manual from
# (`optionAttrSetToDocList`, `renamedOption`/`removedOption` modules as `mkRenamedOptionModule`
# and `mkRemovedOptionModule` declare them).
#
# Leaves out: everything else. Option types do not check values; they carry nixpkgs'
# `description` (the text options.json shows) and `getSubOptions` (the options of a submodule,
# below `<name>` for an attribute set and `*` for a list), and the module system reads them to
# give `attrsOf (submodule …)` options their per-attribute defaults.
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

    reverseList = list: let last = builtins.length list - 1; in builtins.genList (n: builtins.elemAt list (last - n)) (last + 1);

    concatMapStrings = f: list: builtins.concatStringsSep "" (map f list);
    concatMapStringsSep = sep: f: list: builtins.concatStringsSep sep (map f list);

    fix = f: let result = f result; in result;
    extends = overlay: f: final: let prev = f final; in prev // overlay final prev;

    mkOption = attrs: attrs // { _type = "option"; };
    # As nixpkgs: a boolean defaulting to false, with `true` as its example.
    mkEnableOption = name: mkOption {
      default = false;
      example = true;
      description = "Whether to enable ${name}.";
      type = types.bool;
    };
    literalExpression = text: { _type = "literalExpression"; inherit text; };
    literalMD = text: { _type = "literalMD"; inherit text; };
    types =
      let
        type = name: description: extra:
          { _type = "option-type"; inherit name description; getSubOptions = _: { }; } // extra;
        # nixpkgs parenthesises an element type that is itself composite (or a submodule).
        phrase = elemType: if elemType.composite or false then "(${elemType.description})" else elemType.description;
        simple = {
          str = type "str" "string" { };
          bool = type "bool" "boolean" { };
          int = type "int" "signed integer" { };
          port = type "port" "16 bit unsigned integer; between 0 and 65535 (both inclusive)" { };
          path = type "path" "absolute path" { };
          package = type "package" "package" { };
          lines = type "lines" "strings concatenated with \"\\n\"" { };
          anything = type "anything" "anything" { };
          raw = type "raw" "raw value" { };
          unspecified = type "unspecified" "unspecified value" { };
        };
        composite = name: description: elemType: placeholder: type name description {
          inherit elemType;
          composite = true;
          getSubOptions = prefix: elemType.getSubOptions (prefix ++ placeholder);
        };
      in
      simple // {
        listOf = elemType: composite "listOf" "list of ${phrase elemType}" elemType [ "*" ];
        attrsOf = elemType: composite "attrsOf" "attribute set of ${phrase elemType}" elemType [ "<name>" ];
        lazyAttrsOf = elemType: composite "attrsOf" "lazy attribute set of ${phrase elemType}" elemType [ "<name>" ];
        nullOr = elemType: composite "nullOr" "null or ${phrase elemType}" elemType [ ];
        enum = values: type "enum" "one of ${concatMapStringsSep ", " builtins.toJSON values}" { inherit values; };
        submodule = module: type "submodule" "submodule" {
          inherit module;
          composite = true;
          getSubOptions = prefix: lib.submoduleOptions prefix module;
        };
      };
  };
  lib = builtins // helpers // import ./modules.nix lib // import ./options.nix lib;
in
lib
