{
  services.nginx.virtualHosts."cloud.example.org".locations."/api/v1/api/v1/api/v1/api/v1/api/v1/api/v1/xxxxxxxxxxxxxxxxx" =
    f x y z;
  services.nginx.virtualHosts."aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example.org" =
    lib.recursiveUpdate defaults { forceSSL = true; };
  services.nginx.virtualHosts."bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.example.org" =
    lib.mkForce (g x y z);
  systemd.services.cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.serviceConfig.environment =
    with pkgs; a ++ b;
  systemd.services.dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd.serviceConfig.environmen =
    base // {
      a = 1;
      b = 2;
    };
}
