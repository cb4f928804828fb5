{
  networking.hostName = "nas";
  boot.zfs.extraPools = [ "tank" ];
}
