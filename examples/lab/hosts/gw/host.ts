/** The gateway: WireGuard hub for the lab and TLS reverse proxy in front of its services. */
import { defineHost, host, nginx, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.1.0.1",
  hardware: "./hardware.nix",
  deploy: { tags: ["edge"], targetHost: "gw.lab.example.com" },
  sysctl: { "net.ipv4.ip_forward": 1 },
  services: {
    wireguard: wireguard({
      wg0: {
        ips: ["10.200.0.1/24"],
        listenPort: 51820,
        privateKey: secret("wireguard/gw"),
        publicKey: "fxSBqQtbG+qjmlyR09bi0LOlnsJSdeLfQTgyJfulBiA=",
        endpointAddress: "vpn.lab.example.com",
      },
    }),
    nginx: nginx({
      recommendedProxySettings: true,
      recommendedTlsSettings: true,
      recommendedGzipSettings: true,
      acme: { email: "admin@lab.example.com", acceptTerms: true },
      virtualHosts: {
        "www.lab.example.com": {
          forceSSL: true,
          enableACME: true,
          locations: {
            "/": { proxyPass: host("web1").port(8080) },
            "/beta/": { proxyPass: host("web2").port(8080) },
          },
        },
        "grafana.lab.example.com": {
          forceSSL: true,
          enableACME: true,
          locations: { "/": { proxyPass: host("mon").port(3000), proxyWebsockets: true } },
        },
        "prometheus.lab.example.com": {
          forceSSL: true,
          enableACME: true,
          locations: { "/": { proxyPass: host("mon").port(9090) } },
        },
      },
    }),
  },
});
