{
  networking.domain = lib.mkForce (lib.mkDefault "lan");
  networking.hostName = lib.mkForce (lib.mkIf true "box");
  both = f (g x) (h y);
  deep = f (g (h (i x)));
  services.nginx.virtualHosts.long.root = lib.mkForce (
    lib.mkDefault "/srv/www/long-long-long-long-long-long-long-long-long-long-long-long-long-long-long-long-long-long-site"
  );
  deepLong = f (
    g (
      h "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    )
  );
  leadingStaysFlat = f (g "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy") z;
  numbers = lib.mkOverride 10 1.5;
  inList = [
    (lib.mkForce (
      lib.mkDefault "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"
    ))
  ];
}
