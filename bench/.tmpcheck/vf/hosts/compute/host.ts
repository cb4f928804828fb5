import { defineHost, host, secret } from "typeflake";

export default defineHost({
  address: "10.0.20.11",
  modules: ["docker-host"],
  secrets: ["database/password"],
  nixos: {
    services: { grafana: { enable: true, settings: { server: { http_port: 3000 } } } },
    environment: { etc: { "nas-address": { text: host("nas") } } },
    systemd: { services: { backup: { environment: { KEY_FILE: secret("wireguard-key").path } } } },
  },
});
