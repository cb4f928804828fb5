{
  needsFirewall =
    config.services.nginx.enable && config.networking.firewall.enable
    || config.services.samba.enable
    || (config.services.nfs.server.enable -> cfg.exportsAllowed);
}
