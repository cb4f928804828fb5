{
  networking.firewall.allowedTCPPorts = [
    445
    139
    2049
  ];
}
