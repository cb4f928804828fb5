{
  environment.systemPackages = [
    pkgs.git
    pkgs.vim
  ]
  ++ lib.optionals config.services.xserver.enable [
    pkgs.firefox
    pkgs.kitty
  ];
  short = [ a ] ++ b;
}
