/**
 * Package customisations applied on every host.
 */
import { defineOverlay, nixString, pkg, unstablePkg } from "typeflake";

export default defineOverlay({
  description: "Use a newer version of a monitoring tool from unstable",
  packages: {
    "prometheus-node-exporter": unstablePkg("prometheus-node-exporter"),
    // Custom wrapper script available on all machines.
    "homelab-status": {
      shellScript: nixString`echo "=== $(hostname) ==="
${pkg("curl")}/bin/curl -s http://localhost:9100/metrics | head -5
`,
    },
  },
});
