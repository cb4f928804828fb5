# Stub of nixpkgs' module system (lib/modules.nix): a small but real evaluator.
#
# Imitates:
# - module collection through `imports` (paths are imported; functions are called with the
#   module arguments — only those they name, so `args@{ … }` holds no others, unless they take
#   a plain `args:`; attribute sets are used as they are; `config`/`options` or the shorthand
#   form; `key` and `_file`);
#   a module reached twice (same path or `key`) counts once; definitions are taken in the
#   real lib's order (the reverse of the modules level by level: `[ a b ]` lists b's items first);
# - `config` as a lazy fixpoint: every attribute that is an attribute set in all its
#   definitions is merged attribute by attribute, and `mkIf`, `mkOverride`, `mkOrder` around
#   a set are pushed into its attributes (nixpkgs' pushDownProperties), so conditions are only
#   evaluated when a value below them is read and may themselves read `config`;
# - merging of values: the highest priority wins (lowest number: mkForce 50, plain 100,
#   mkDefault 1000, mkOptionDefault 1500); lists concatenate, sorted by `mkOrder` (mkBefore 500,
#   plain 1000, mkAfter 1500), and each item is merged as a definition of its own, as
#   `types.listOf` does (`[ (mkIf false x) (mkDefault y) ]` is `[ y ]`); other values must be equal, or evaluation throws NixOS's
#   "The option `a.b' has conflicting definition values" naming the option and the files;
#   a value whose definitions are all `mkIf false` throws "is used but not defined";
# - option declarations, for their `default` only: a default is a `mkOptionDefault` definition,
#   and `attrsOf (submodule …)` gives every attribute defined under it its submodule's defaults;
#   a declared option that has no default and no definition is "used but not defined".
#
# Leaves out: the NixOS modules' own declarations, so an option nobody defines does not exist
# (a condition reading one fails with "attribute missing"; read it with `or`),
# type checking and type-specific merging (`types.lines` does not join strings,
# function values such as home-manager users do not merge), "option does not exist" errors,
# `disabledModules`, `_module.args` definitions (the module arguments are fixed by the caller),
# `freeformType`, `meta`, `_class`, `apply`, the `options` argument (modules receive
# `options = { }`; the result's `options` is the declared tree of ./options.nix). Which values are sets to merge attribute by attribute is
# decided from the definitions, not from declarations: sets with `outPath` (packages) or
# `_type` are single values.
lib:
let
  inherit (builtins)
    all
    concatMap
    filter
    foldl'
    functionArgs
    genList
    head
    intersectAttrs
    isAttrs
    isFunction
    isList
    isPath
    isString
    length
    mapAttrs
    sort
    tail
    zipAttrsWith
    ;

  defaultPriority = 100;
  defaultOrder = 1000;

  properties = rec {
    mkIf = condition: content: { _type = "if"; inherit condition content; };
    mkMerge = contents: { _type = "merge"; inherit contents; };
    mkOverride = priority: content: { _type = "override"; inherit priority content; };
    mkOptionDefault = mkOverride 1500;
    mkDefault = mkOverride 1000;
    mkForce = mkOverride 50;
    mkImageMediaOverride = mkOverride 60;
    mkVMOverride = mkOverride 10;
    mkOrder = priority: content: { _type = "order"; inherit priority content; };
    mkBefore = mkOrder 500;
    mkAfter = mkOrder 1500;
  };
  inherit (properties) mkIf mkMerge mkOverride mkOptionDefault mkOrder;

  /** A set merged attribute by attribute (not a package, a property or an option). */
  isNode = value: isAttrs value && !(value ? _type) && !(value ? outPath);

  /** The definition an `attrsOf (submodule …)` declaration adds: `forName <attr>` for each attribute. */
  isEachAttr = value: value._type or null == "each-attr";

  /** The arguments a module function asks for: all for `args: …`, else only those it names. */
  argsFor = args: f: let wanted = functionArgs f; in if wanted == { } then args else intersectAttrs wanted args;

  /** `{ key, file, imports, config, options }` of module `m`, the `index`th import of `parent`. */
  loadModule = args: parent: index: m:
    let
      fromFile = isPath m || isString m;
      source = if fromFile then import m else m;
      value = if isFunction source then source (argsFor args source) else source;
      explicit = value ? config || value ? options;
    in
    {
      key = value.key or (if fromFile then toString m else "${parent.key}:${toString index}");
      file = value._file or (if fromFile then toString m else parent.file);
      imports = value.imports or [ ];
      config = if explicit then value.config or { } else removeAttrs value [ "_file" "key" "imports" ];
      options = value.options or { };
    };

  /** Every module reachable from `modules` through `imports`, each once. */
  collectModules = args: modules:
    let load = loadModule args; in
    builtins.genericClosure {
      startSet = genList (i: load { key = "<modules>"; file = "<modules>"; } i (builtins.elemAt modules i)) (length modules);
      operator = parent: genList (i: load parent i (builtins.elemAt parent.imports i)) (length parent.imports);
    };

  /** The definitions a tree of option declarations contributes (their defaults). */
  optionDefinitions = declarations:
    if declarations._type or null == "option" then
      mkMerge (
        lib.optional (declarations ? default) (mkOptionDefault declarations.default)
        ++ lib.optional (isAttrsOfSubmodule (declarations.type or null)) {
          _type = "each-attr";
          forName = name: submoduleDefinitions declarations.type.elemType.module name;
        }
      )
    else
      mapAttrs (_: optionDefinitions) declarations;

  isAttrsOfSubmodule = type: type.name or null == "attrsOf" && type.elemType.name or null == "submodule";

  submoduleDefinitions = module: name:
    let
      args = { inherit lib name; config = throw "the stub module system gives submodules no `config`"; };
      value = if isFunction module then module (argsFor args module) else module;
    in
    optionDefinitions (value.options or { });

  /**
    A definition as a list of definitions that are sets where possible: `mkMerge` is spread, and
    `mkIf`, `mkOverride` and `mkOrder` around a set move into its attributes, unevaluated.
  */
  pushDown = value:
    let
      type = value._type or null;
      into = wrap: map (content: if isNode content then mapAttrs (_: wrap) content else wrap content) (pushDown value.content);
    in
    if type == "merge" then concatMap pushDown value.contents
    else if type == "if" then into (mkIf value.condition)
    else if type == "override" then into (mkOverride value.priority)
    else if type == "order" then into (mkOrder value.priority)
    else [ value ];

  /**
    A definition without its properties, as `{ priority, order, value }`s: `mkIf false` drops
    it, `mkMerge` splits it, `mkOverride` and `mkOrder` set its priority and order.
  */
  discharge = priority: order: value:
    let type = value._type or null; in
    if type == "merge" then concatMap (discharge priority order) value.contents
    else if type == "if" then (if value.condition then discharge priority order value.content else [ ])
    else if type == "override" then discharge value.priority order value.content
    else if type == "order" then discharge priority value.priority value.content
    else [ { inherit priority order value; } ];

  showValue = value:
    if isString value || builtins.isInt value || builtins.isBool value || builtins.isFloat value || value == null
    then builtins.toJSON value
    else "<${builtins.typeOf value}>";

  /** Merge the definitions (`{ file, value }`s) of the option at `loc`. */
  merge = loc: defs:
    let
      pushed = concatMap (def: map (value: { inherit (def) file; inherit value; }) (pushDown def.value)) defs;
    in
    if pushed != [ ] && all (def: isNode def.value || isEachAttr def.value) pushed
    then mergeAttrs loc pushed
    else mergeValues loc defs;

  mergeAttrs = loc: defs:
    let
      sets = filter (def: isNode def.value) defs;
      eachAttr = filter (def: isEachAttr def.value) defs;
      byName = zipAttrsWith (_: named: named) (map (def: mapAttrs (_: value: { inherit (def) file; inherit value; }) def.value) sets);
    in
    mapAttrs
      (name: named: merge (loc ++ [ name ]) (named ++ map (def: { inherit (def) file; value = def.value.forName name; }) eachAttr))
      byName;

  /** The definitions of the highest priority among `defs` (discharged), all equal, as one value; or NixOS's conflict error. */
  winningValue = loc: winners:
    let first = (head winners).value; in
    if length winners == 1 || all (d: d.value == first) (tail winners) then first
    else
      throw "The option `${lib.showOption loc}' has conflicting definition values:${
        lib.concatMapStrings (d: "\n- In `${d.file}': ${showValue d.value}") winners
      }";

  /** The highest-priority definitions among discharged ones. */
  winnersOf = discharged:
    let best = foldl' (min: d: if d.priority < min then d.priority else min) (head discharged).priority discharged; in
    filter (d: d.priority == best) discharged;

  /** A list item merged as `types.listOf` merges it, as a definition of its own: none when all of it is `mkIf false`. */
  listItem = loc: file: item:
    let discharged = map (d: d // { inherit file; }) (discharge defaultPriority defaultOrder item); in
    if discharged == [ ] then [ ] else [ (winningValue loc (winnersOf discharged)) ];

  mergeValues = loc: defs:
    let
      discharged = concatMap (def: map (d: d // { inherit (def) file; }) (discharge defaultPriority defaultOrder def.value)) defs;
      winners = winnersOf discharged;
    in
    if discharged == [ ] then throw "The option `${lib.showOption loc}' is used but not defined."
    else if all (d: isList d.value) winners then concatMap (d: concatMap (listItem loc d.file) d.value) (sort (a: b: a.order < b.order) winners)
    else winningValue loc winners;

  /**
    Evaluate `modules` into `{ config, options, _module }`. `args` are the module arguments
    NixOS sets through `_module.args` (such as `pkgs`); `specialArgs` take precedence over them.
  */
  evalModules = { modules, specialArgs ? { }, args ? { } }:
    let
      moduleArgs = args // { inherit lib config specialArgs; options = { }; } // specialArgs;
      # Definitions are merged in the reverse of the order modules are collected in (imports level
      # by level): the real lib's, so lists concatenate as on NixOS (a later module's items first).
      collected = lib.reverseList (collectModules moduleArgs modules);
      config = merge [ ] (concatMap (m: [
        { inherit (m) file; value = m.config; }
        { inherit (m) file; value = optionDefinitions m.options; }
      ]) collected);
    in
    {
      inherit config;
      options = lib.declaredOptions collected;
      _module = { args = moduleArgs; inherit specialArgs; };
    };
in
properties // { inherit evalModules; }
