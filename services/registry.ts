/**
 * Every typed service, one line each. The order is the order a body's services are lowered in
 * (so the order their options appear in a generated file) and the inventory lists them in.
 * Adding a service: its folder (schema, lowering, `service.ts`), its line here, and its field in
 * the public `servicesSchema` (dsl/services/index.ts), whose keys this table must match.
 */
import { dockerService } from "./docker/service.ts";
import { nfsMountsService } from "./nfs-mounts/service.ts";
import { nfsService } from "./nfs/service.ts";
import { nginxService } from "./nginx/service.ts";
import { nodeExporterService } from "./node-exporter/service.ts";
import { opensshService } from "./openssh/service.ts";
import { sambaService } from "./samba/service.ts";
import type { Services } from "../dsl/services/index.ts";
import type { AnyServiceDefinition, ServiceConfig, ServiceDefinition, ServiceKey } from "./service-definition.ts";
import { wireguardService } from "./wireguard/service.ts";

/** Each service's definition, by its key in `services`. */
export const SERVICES: { readonly [Key in ServiceKey]: ServiceDefinition<Key> } = {
  samba: sambaService,
  nfs: nfsService,
  nfsMounts: nfsMountsService,
  wireguard: wireguardService,
  nginx: nginxService,
  openssh: opensshService,
  nodeExporter: nodeExporterService,
  docker: dockerService,
};

/** Every service's definition, in `SERVICES` order. */
export const SERVICE_DEFINITIONS: readonly AnyServiceDefinition[] = Object.values(SERVICES);

/** What `eachConfigured` asks of each configured service: its definition and its configuration, typed alike. */
export type ServiceVisitor<Result> = <Key extends ServiceKey>(definition: ServiceDefinition<Key>, config: ServiceConfig<Key>) => Result;

/** `visit` applied to each service configured in a `services` section, in `SERVICES` order. */
export const eachConfigured = <Result>(services: Services, visit: ServiceVisitor<Result>): Result[] => {
  const one = <Key extends ServiceKey>(key: Key): Result[] => {
    const config = services[key];
    return config === undefined ? [] : [visit(SERVICES[key], config)];
  };
  return (Object.keys(SERVICES) as ServiceKey[]).flatMap(one);
};
