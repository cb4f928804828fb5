# Hardware configuration, kept by hand (from nixos-generate-config); typeflake never writes it.
{ ... }:
{
  boot.loader.systemd-boot.enable = true;
  fileSystems."/" = {
    device = "/dev/disk/by-label/nixos";
    fsType = "ext4";
  };
}
