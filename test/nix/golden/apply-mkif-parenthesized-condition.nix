{ config, pkgs, ... }:
{
  config = lib.mkIf (config.services.nginx.enable && !config.typeflake.minimal) {
    networking.firewall.allowedTCPPorts = [
      80
      443
    ];
    services.nginx.recommendedTlsSettings = true;
  };
}
