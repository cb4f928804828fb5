{
  firewallRule =
    lib.mkFirewallRule "allow-wireguard-from-the-office" 51820 "udp"
      config.networking.wireguard.interfaces.wg0.listenPort
      config.typeflake.fleet.gatewayAddress;
}
