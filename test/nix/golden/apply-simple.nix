{
  services.openssh.enable = lib.mkForce true;
  time.timeZone = lib.mkDefault "Europe/Berlin";
}
