{ config, pkgs, ... }:
{
  sops.defaultSopsFile = ../../secrets/secrets.yaml;
  sops.age.keyFile = "/var/lib/sops-nix/key.txt";
  sops.secrets.wireguard-key = { };
  sops.secrets."database/password" = {
    owner = "postgres";
  };
}
