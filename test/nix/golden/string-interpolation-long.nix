{
  ports = "allowed ports for the gateway firewall: ${
    lib.concatMapStringsSep ", " toString config.networking.firewall.allowedTCPPorts
  } and nothing else";
  short = "ports ${lib.concatStringsSep "," ports} end";
}
