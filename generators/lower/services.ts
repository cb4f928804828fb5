/**
 * The `services` section → NixOS definitions and port claims, one lowering per service, in the
 * order the section declares them.
 */
import type { Services } from "../../../dsl/services/index.ts";
import { child } from "../../diagnostics/diagnostic.ts";
import { combine, emptyContribution, type Contribution, type LowerContext, type Lowering } from "../contribution.ts";
import { lowerDocker } from "./docker.ts";
import { lowerNfsMounts } from "./nfs-mounts.ts";
import { lowerNfs } from "./nfs.ts";
import { lowerNginx } from "./nginx.ts";
import { lowerNodeExporter } from "./node-exporter.ts";
import { lowerOpenssh } from "./openssh.ts";
import { lowerSamba } from "./samba.ts";
import { lowerWireguard } from "./wireguard.ts";

/** Each service's lowering, by its key in `services`. */
const LOWERINGS: { readonly [Key in keyof Services]-?: Lowering<NonNullable<Services[Key]>> } = {
  samba: lowerSamba,
  nfs: lowerNfs,
  nfsMounts: lowerNfsMounts,
  wireguard: lowerWireguard,
  nginx: lowerNginx,
  openssh: lowerOpenssh,
  nodeExporter: lowerNodeExporter,
  docker: lowerDocker,
};

const lowerOne = <Key extends keyof Services>(key: Key, services: Services, context: LowerContext): Contribution => {
  const config = services[key];
  if (config === undefined) return emptyContribution;
  const lowering = LOWERINGS[key] as Lowering<NonNullable<Services[Key]>>;
  return lowering(config as NonNullable<Services[Key]>, { ...context, origin: child(context.origin, key) });
};

/**
 * Lower a `services` section. `context.origin` is where the section was written
 * (`{ file, objectPath: ["services"] }`); each service's definitions are located below it.
 */
export const lowerServices = (services: Services, context: LowerContext): Contribution =>
  combine(...(Object.keys(LOWERINGS) as (keyof Services)[]).map((key) => lowerOne(key, services, context)));
