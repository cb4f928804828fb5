import { defineModule } from "typeflake";

export default defineModule({
  description: "Prometheus node exporter",
  services: { nodeExporter: {} },
});
