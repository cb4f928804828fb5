{
  a = pkgs.hello;
  b = f (x + 1);
  c = f { a = 1; };
  d = lib.mkIf cfg.enable {
    foo = 1;
  };
  e = [
    (builtins.readFile ./motd)
    (a b)
  ];
}
