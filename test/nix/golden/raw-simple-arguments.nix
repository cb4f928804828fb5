{
  a.b = lib.mkIf config.services.nginx.enable "a string long enough to push the whole binding past the hundred columns";
  c.d = lib.mkDefault 42;
}
