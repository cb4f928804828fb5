/**
 * Build validated fleets for service tests straight from `define*`-shaped objects: each object is
 * parsed by its real schema (defaults filled in), and files are named as the loader names them.
 */
import type { z } from "zod";
import { fleetSchema, type FleetInput } from "../../../dsl/fleet.ts";
import { hostSchema, type HostInput } from "../../../dsl/host.ts";
import { moduleSchema, type ModuleInput } from "../../../dsl/module.ts";
import type { ObjectPathSegment } from "../../../generators/diagnostics/diagnostic.ts";
import { messageOf } from "../../../generators/diagnostics/messages/index.ts";
import type { LowerContext } from "../../../generators/lower/contribution.ts";
import { lowerFleet, type LoweredFleet } from "../../../generators/lower/fleet.ts";
import { indexFleet } from "../../../generators/model/fleet-index.ts";
import { planFleet, type FleetPlan } from "../../../generators/generate.ts";
import { fleetOptions } from "../../../generators/validate/assertions/host-options.ts";
import { PARSE_PARAMS } from "../../../generators/validate/issue-messages.ts";
import { issuesToDiagnostics } from "../../../generators/validate/issues.ts";
import type { Fleet } from "../../../generators/model/fleet.ts";

/** The fleet configuration tests use unless they pass their own. */
export const BASE_CONFIG: FleetInput = {
  description: "Homelab infrastructure",
  inputs: { nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" } },
};

const byName = <T extends { name: string }>(entries: T[]): T[] => entries.sort((a, b) => (a.name < b.name ? -1 : 1));

/** A validated fleet of the given hosts and modules. */
export const buildFleet = (parts: {
  config?: Partial<FleetInput>;
  hosts: Record<string, HostInput>;
  modules?: Record<string, ModuleInput>;
}): Fleet => ({
  configFile: "typeflake.config.ts",
  config: fleetSchema.parse({ ...BASE_CONFIG, ...parts.config }),
  hosts: byName(Object.entries(parts.hosts).map(([name, input]) => ({ name, file: `hosts/${name}/host.ts`, config: hostSchema.parse(input) }))),
  modules: byName(Object.entries(parts.modules ?? {}).map(([name, input]) => ({ name, file: `modules/${name}.ts`, config: moduleSchema.parse(input) }))),
  overlays: [],
});

/** `fleet` indexed and lowered, as the pipeline does once per run. */
export const lowered = (fleet: Fleet): LoweredFleet => lowerFleet(indexFleet(fleet));

/** The file plan of `fleet`, lowered and its hosts' options merged as the pipeline does. */
export const planned = (fleet: Fleet): FleetPlan => {
  const lowering = lowered(fleet);
  return planFleet(lowering, fleetOptions(lowering));
};

/** The context for lowering `services` of host `hostName`'s file (or module `moduleName`'s). */
export const servicesContext = (fleet: Fleet, owner: { host: string } | { module: string }): LowerContext => {
  const index = indexFleet(fleet);
  return "host" in owner
    ? { index, hostName: owner.host, origin: { file: `hosts/${owner.host}/host.ts`, objectPath: ["services"] } }
    : { index, hostName: undefined, origin: { file: `modules/${owner.module}.ts`, objectPath: ["services"] } };
};

/** The validated `services` of a host. */
export const servicesOf = (fleet: Fleet, host: string) => {
  const entry = fleet.hosts.find((candidate) => candidate.name === host);
  if (!entry) throw new Error(`no host ${host} in the test fleet`);
  return entry.config.services;
};

/** A schema's problems with `input` as `{ path, message }`, worded as a fleet file's diagnostics are. */
export const schemaIssues = (schema: z.ZodType, input: unknown): { path: readonly ObjectPathSegment[]; message: string }[] =>
  issuesToDiagnostics(schema, "", schema.safeParse(input, PARSE_PARAMS).error?.issues ?? []).map((diagnostic) => ({
    path: diagnostic.origin.objectPath,
    message: messageOf(diagnostic),
  }));
