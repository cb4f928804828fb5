/**
 * nginx as a web server and reverse proxy (`services.nginx`, `security.acme`); opens TCP 80 and
 * 443. Its proxies to fleet hosts are lines of the topology.
 */
import type { ServiceDefinition } from "../service-definition.ts";
import { lowerNginx } from "./lower.ts";
import { nginxSchema } from "./schema.ts";
import { drawProxies } from "./topology.ts";

/** The nginx service. */
export const nginxService: ServiceDefinition<"nginx"> = {
  key: "nginx",
  label: "nginx",
  schema: nginxSchema,
  lower: lowerNginx,
  topology: { kind: "proxy", draw: drawProxies },
};
