# Stub of nixpkgs' option documentation (lib/options.nix, lib/modules.nix): the declared options
# as a tree, listed the way the NixOS manual lists them, and the modules that rename or remove
# an option.
#
# Imitates:
# - `declaredOptions`: every module's `options` merged into one tree whose leaves are options
#   with `loc` and `declarations` (the files that declare them; a second declaration of an
#   option adds its file, the first one's attributes win);
# - `optionAttrSetToDocList`: one entry per option, depth first in attribute order, with
#   `name`, `loc`, `type` (the type's description), `description`, `declarations`, `readOnly`,
#   `visible`, `internal`, and `default`/`example` as nixpkgs renders them (a
#   `literalExpression`/`literalMD` as it is, any other value as a `literalExpression` of its
#   Nix text); followed by the options of its type's submodule (below `<name>` in an attribute
#   set, `*` in a list) unless the option is invisible;
# - `mkRenamedOptionModule from to`: an invisible option at `from` described "Alias of
#   {option}`to`." whose definition, when there is one, is forwarded to `to`;
#   `mkRemovedOptionModule path instructions`: an invisible option without type or description
#   (its `apply`, which throws nixpkgs' "can no longer be used" message, is declared but the
#   stub module system applies no `apply`).
#
# Leaves out: `defaultText` (used when present, like nixpkgs, but never required), related
# packages, the warnings and assertions these modules add, `visible = "shallow"`, option
# declarations inside a submodule's `imports`, and the files that declare a submodule's options
# (their `declarations` are empty).
lib:
let
  inherit (builtins) attrNames concatMap concatStringsSep isAttrs isFunction isList isString mapAttrs toJSON;

  # nixpkgs' name for a declaration whose file is not known, left out of `declarations`.
  unknownModule = "<unknown-file>";

  isOption = value: isAttrs value && value._type or null == "option";

  /** An option path as NixOS prints it: `sops.secrets."wireguard/key".path`. */
  showOption = loc:
    concatStringsSep "." (map (name: if builtins.match "[A-Za-z_][A-Za-z0-9_'-]*" name != null || name == "<name>" || name == "*" then name else toJSON name) loc);

  /** The declarations of one module below `prefix`, as a tree whose leaves know their `loc` and file. */
  declarationTree = file: prefix: declarations:
    if isOption declarations then declarations // { loc = prefix; declarations = [ file ]; }
    else mapAttrs (name: declarationTree file (prefix ++ [ name ])) declarations;

  /** Several declaration trees as one: an option declared twice keeps its first declaration and both files. */
  mergeTrees = trees:
    let
      options = builtins.filter isOption trees;
      first = builtins.head options;
    in
    if options != [ ] then first // { declarations = concatMap (option: option.declarations) options; }
    else builtins.zipAttrsWith (_: mergeTrees) trees;

  /** The option tree of the collected modules (`{ file, options }`s). */
  declaredOptions = modules: mergeTrees (map (m: declarationTree m.file [ ] m.options) modules);

  /** The options a submodule declares, below `prefix`. */
  submoduleOptions = prefix: module:
    let
      args = { inherit lib; name = "<name>"; config = { }; options = { }; };
      value = if isFunction module then module (args // builtins.intersectAttrs (builtins.functionArgs module) args) else module;
    in
    declarationTree unknownModule prefix (value.options or { });

  /** A value as Nix text, as `lib.generators.toPretty` writes it (on one line). */
  toPretty = value:
    if isString value then toJSON value
    else if value == null then "null"
    else if value == true then "true"
    else if value == false then "false"
    else if isList value then "[ ${concatMapStrings (item: "${toPretty item} ") value}]"
    else if isFunction value then "<function>"
    else if isAttrs value && value ? outPath then "<derivation ${value.name or "?"}>"
    else if isAttrs value then "{ ${concatMapStrings (name: "${showOption [ name ]} = ${toPretty value.${name}}; ") (attrNames value)}}"
    else toString value;

  concatMapStrings = f: list: concatStringsSep "" (map f list);

  renderOptionValue = value:
    if value ? _type && value ? text then value else { _type = "literalExpression"; text = toPretty value; };

  collect = tree: if isOption tree then [ tree ] else concatMap (name: collect tree.${name}) (attrNames tree);

  optionAttrSetToDocList = options:
    concatMap (option:
      let
        entry = {
          inherit (option) loc;
          name = showOption option.loc;
          description = option.description or null;
          declarations = builtins.filter (file: file != unknownModule) (option.declarations or [ ]);
          internal = option.internal or false;
          visible = option.visible or true;
          readOnly = option.readOnly or false;
          type = (option.type or types.unspecified).description;
        }
        // lib.optionalAttrs (option ? example) { example = renderOptionValue option.example; }
        // lib.optionalAttrs (option ? defaultText || option ? default) {
          default = renderOptionValue (option.defaultText or option.default);
        };
        subOptions = (option.type or types.unspecified).getSubOptions option.loc;
      in
      [ entry ] ++ lib.optionals entry.visible (optionAttrSetToDocList subOptions)
    ) (collect options);

  types = lib.types;

  getAttrFromPath = path: set: builtins.foldl' (current: name: current.${name}) set path;

  mkRenamedOptionModule = from: to: { config, ... }: {
    options = lib.setAttrByPath from (lib.mkOption {
      visible = false;
      description = "Alias of {option}`${showOption to}`.";
    });
    # A declared option nobody defined throws "used but not defined" when read: nothing to forward.
    config = lib.setAttrByPath to (
      let defined = builtins.tryEval (getAttrFromPath from config); in lib.mkIf defined.success defined.value
    );
  };

  mkRemovedOptionModule = path: instructions: {
    options = lib.setAttrByPath path (lib.mkOption {
      visible = false;
      apply = _: throw "The option `${showOption path}' can no longer be used since it's been removed. ${instructions}";
    });
  };
in
{
  inherit
    declaredOptions
    isOption
    mkRemovedOptionModule
    mkRenamedOptionModule
    optionAttrSetToDocList
    showOption
    submoduleOptions
    ;
}
