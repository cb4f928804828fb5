{
  config = lib.mkIf cfg.enable {
    services.foo.enable = true;
    services.foo.port = 8080;
  };
  value =
    let
      x = 1;
    in
    x + 1;
}
