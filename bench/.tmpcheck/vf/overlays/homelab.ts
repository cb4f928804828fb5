import { defineOverlay, nixString, pkg, unstablePkg } from "typeflake";

export default defineOverlay({
  description: "Homelab tools",
  packages: {
    "prometheus-node-exporter": unstablePkg("prometheus-node-exporter"),
    "homelab-status": { shellScript: nixString`${pkg("curl")}/bin/curl -s http://localhost:9100/metrics` },
  },
});
