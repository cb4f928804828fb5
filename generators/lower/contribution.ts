/**
 * What lowering one piece of configuration (a service, the users, the firewall, …) produces:
 * NixOS option definitions that remember where they came from, ports to open, and problems.
 */
import type { NixValue } from "../../dsl/expressions.ts";
import type { Diagnostic, SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { FleetIndex } from "../model/fleet-index.ts";

/** One NixOS option definition: `services.samba.enable = true`, and the TypeScript that asked for it. */
export interface Definition {
  /** NixOS option path, e.g. `["services", "samba", "settings"]`. */
  readonly path: readonly string[];
  readonly value: NixValue;
  readonly origin: SourceOrigin;
}

/** A port a service listens on and wants opened in the firewall. */
export interface PortClaim {
  readonly protocol: "tcp" | "udp";
  readonly port: number;
  /** The service that claims it, for messages (`samba`, `wireguard wg0`). */
  readonly service: string;
  readonly origin: SourceOrigin;
  /** Open it in the firewall; `false` when the service opted out (`openFirewall: false`). */
  readonly open: boolean;
  /** When set, open it only on these interfaces (`networking.firewall.interfaces.<name>`). */
  readonly interfaces?: readonly string[];
}

export interface Contribution {
  readonly definitions: readonly Definition[];
  readonly ports: readonly PortClaim[];
  readonly diagnostics: readonly Diagnostic[];
}

/** What a lowering function may consult besides its own input. */
export interface LowerContext {
  /** The validated fleet and its index, for lowerings that read other hosts (peers, addresses). */
  readonly index: FleetIndex;
  /** The host being generated; undefined while lowering a shared module file. */
  readonly hostName: string | undefined;
  /** Where the lowered object was written, e.g. `{ file: "hosts/nas/host.ts", objectPath: ["services", "samba"] }`. */
  readonly origin: SourceOrigin;
}

/** Lowers one typed configuration object to NixOS definitions. */
export type Lowering<Input> = (input: Input, context: LowerContext) => Contribution;

export const emptyContribution: Contribution = { definitions: [], ports: [], diagnostics: [] };

/** Concatenate contributions in order. */
export const combine = (...parts: readonly Contribution[]): Contribution => ({
  definitions: parts.flatMap((part) => part.definitions),
  ports: parts.flatMap((part) => part.ports),
  diagnostics: parts.flatMap((part) => part.diagnostics),
});

/** A contribution of definitions only. */
export const definitions = (...defs: readonly Definition[]): Contribution => ({
  definitions: defs,
  ports: [],
  diagnostics: [],
});
