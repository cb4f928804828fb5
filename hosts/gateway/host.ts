/**
 * The gateway: routing, the WireGuard hub, and the reverse proxy for internal services.
 */
import { defineHost, host, nginx, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.0.20.1",
  hardware: "./hardware.nix",
  modules: ["networking"],
  deploy: { tags: ["network"] },
  // Enable IP forwarding.
  sysctl: { "net.ipv4.ip_forward": 1 },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.100.0.1/24"],
        listenPort: 51820,
        privateKey: secret("wireguard-key"),
        publicKey: "Q4+vzSPQv3KJnYgocdXfbg6GCm9As0ouOY0pCJEFEBA=",
      },
    }),
    // Reverse proxy for internal services.
    nginx: nginx({
      recommendedProxySettings: true,
      recommendedTlsSettings: true,
      virtualHosts: {
        "grafana.lab.local": { locations: { "/": { proxyPass: host("compute").port(3000) } } },
      },
    }),
  },
});
