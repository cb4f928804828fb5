/**
 * The services as Nix text: the homelab's host files, printed by typeflake's printer, read like
 * the seed's hand-written ones.
 */
import { describe, expect, it } from "vitest";
import { hostFile } from "../../generators/files/host-file.ts";
import { printNixExpr } from "../../generators/nix/print.ts";
import { homelab } from "./support/homelab.ts";

const printedHost = (name: string): string => {
  const fleet = homelab();
  return printNixExpr(hostFile(fleet, fleet.hosts.find((entry) => entry.name === name)!).expr);
};

describe("generated Nix text", () => {
  it("nas: the homelab's Samba shares, NFS exports, firewall and WireGuard spoke", () => {
    expect(printedHost("nas")).toBe(`{ config, ... }:
{
  imports = [ ./hardware.nix ];
  networking.hostName = "nas";
  networking.hostId = "a1b2c3d4";
  networking.wireguard.interfaces.wg0 = {
    ips = [ "10.100.0.2/24" ];
    privateKeyFile = config.sops.secrets.wireguard-key-nas.path;
    peers = [
      {
        name = "gateway";
        publicKey = "Q4+vzSPQv3KJnYgocdXfbg6GCm9As0ouOY0pCJEFEBA=";
        allowedIPs = [ "10.100.0.0/24" ];
        endpoint = "10.0.20.1:51820";
        persistentKeepalive = 25;
      }
    ];
  };
  networking.firewall.allowedTCPPorts = [
    139
    445
    2049
  ];
  boot.supportedFilesystems = [ "zfs" ];
  boot.zfs.extraPools = [ "tank" ];
  services.samba = {
    enable = true;
    settings = {
      global = {
        security = "user";
        "server min protocol" = "SMB3";
      };
      media = {
        path = "/tank/media";
        "read only" = "no";
        "valid users" = "media";
      };
      backups = {
        path = "/tank/backups";
        "read only" = "no";
        "valid users" = "backup";
      };
    };
  };
  services.nfs.server = {
    enable = true;
    exports = ''
      /tank/media 10.0.20.0/24(rw,sync,no_subtree_check)
    '';
  };
  sops.defaultSopsFile = ../../secrets/secrets.yaml;
  sops.age.keyFile = "/var/lib/sops-nix/key.txt";
  sops.secrets.wireguard-key-nas = { };
}`);
  });

  it("gateway: the homelab's WireGuard hub, nginx proxy and sops secret", () => {
    expect(printedHost("gateway")).toBe(`{ config, ... }:
{
  imports = [ ./hardware.nix ];
  networking.hostName = "gateway";
  networking.wireguard.interfaces.wg0 = {
    ips = [ "10.100.0.1/24" ];
    listenPort = 51820;
    privateKeyFile = config.sops.secrets.wireguard-key.path;
    peers = [
      {
        name = "compute";
        publicKey = "LVZAQ+4wTCBix3HIFlXyK9hh07aOfo9PnoaM8+MsgHA=";
        allowedIPs = [ "10.100.0.3/32" ];
      }
      {
        name = "nas";
        publicKey = "VTPUF2SpJ11k4PFoRNDg4h+NfVG3blLvYUqNn2ThYbA=";
        allowedIPs = [ "10.100.0.2/32" ];
      }
    ];
  };
  networking.firewall = {
    allowedTCPPorts = [
      80
      443
    ];
    allowedUDPPorts = [ 51820 ];
  };
  boot.kernel.sysctl."net.ipv4.ip_forward" = 1;
  services.nginx = {
    enable = true;
    recommendedProxySettings = true;
    recommendedTlsSettings = true;
    virtualHosts."grafana.lab.local".locations."/".proxyPass = "http://10.0.20.11:3000";
  };
  sops.defaultSopsFile = ../../secrets/secrets.yaml;
  sops.age.keyFile = "/var/lib/sops-nix/key.txt";
  sops.secrets.wireguard-key = { };
}`);
  });
});
