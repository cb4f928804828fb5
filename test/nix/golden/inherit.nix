{
  inherit system;
  inherit a b c;
  inherit
    one
    two
    three
    four
    ;
  inherit (args) lib pkgs;
  inherit (lib)
    mkIf
    mkOption
    types
    mkEnableOption
    ;
  inherit (config.system) version;
}
