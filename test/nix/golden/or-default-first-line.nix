{
  call =
    x.dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
      or (pkgs.fetchurl [ ]);
  cond =
    x.dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd
      or (if config.x.enable then null else 42);
  fits = x.e or (lib.mkIf config.services.x.enable config.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk);
  opens =
    x.mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm or (f {
      a = 1;
      b = 2;
    });
}
