/**
 * The `services` section → NixOS definitions and port claims: each service's own lowering (see
 * services/registry.ts), in the registry's order.
 */
import type { Services } from "../../dsl/services/index.ts";
import { eachConfigured } from "../../services/registry.ts";
import { child } from "../diagnostics/diagnostic.ts";
import { combine, type Contribution, type LowerContext } from "./contribution.ts";

/**
 * Lower a `services` section. `context.origin` is where the section was written
 * (`{ file, objectPath: ["services"] }`); each service's definitions are located below it.
 */
export const lowerServices = (services: Services, context: LowerContext): Contribution =>
  combine(...eachConfigured(services, (service, config) => service.lower(config, { ...context, origin: child(context.origin, service.key) })));
