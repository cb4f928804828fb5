{
  environment.systemPackages = lib.mkIf config.services.samba.enable [
    pkgs.samba
    pkgs.cifs-utils
    pkgs.smartmontools
  ];
}
