/**
 * The compute node: containers (Grafana on port 3000, proxied by the gateway) and a database.
 */
import { defineHost, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.0.20.11",
  hardware: "./hardware.nix",
  modules: ["docker-host"],
  deploy: { tags: ["compute"] },
  firewall: { allowedTCPPorts: [3000] },
  secrets: ["database/password"],
  groups: { postgres: {} },
  users: { alice: { description: "Alice", extraGroups: ["wheel", "docker"] } },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.100.0.3/24"],
        privateKey: secret("wireguard-key-compute"),
        publicKey: "LVZAQ+4wTCBix3HIFlXyK9hh07aOfo9PnoaM8+MsgHA=",
        join: { host: "gateway" },
      },
    }),
  },
  nixos: {
    users: { users: { postgres: { isSystemUser: true, group: "postgres" } } },
  },
});
