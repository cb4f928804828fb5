# Hardware configuration of a Raspberry Pi 4, kept by hand; typeflake never writes it.
{ ... }:
{
  boot.loader.generic-extlinux-compatible.enable = true;
  fileSystems."/" = {
    device = "/dev/disk/by-label/NIXOS_SD";
    fsType = "ext4";
  };
}
