import { defineModule } from "typeflake";

export default defineModule({
  description: "Prometheus node exporter",
  firewall: { allowedTCPPorts: [9100] },
  nixos: { services: { prometheus: { exporters: { node: { enable: true, enabledCollectors: ["systemd"] } } } } },
});
