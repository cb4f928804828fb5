/**
 * Values that identify one machine and must differ between hosts: ZFS's `networking.hostId`
 * (ZFS refuses to import a pool last imported by a host with another id, and two hosts with one
 * id defeat that guard), WireGuard public keys (a peer is found by its key: two interfaces with
 * one key steal each other's traffic), the keys hosts decrypt secrets with, and host names.
 * Host addresses, deploy targets and tunnel addresses are checked beside their own kind
 * (check-addresses.ts, tunnels.ts). Each repeat is reported at the later host with the first as
 * related; a value set in a shared module is reported once, at the module.
 */
import { error, type Diagnostic, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import type { CrossHostFields } from "../../diagnostics/codes/cross-host.ts";
import { secretsSettings, settingOrigin } from "../../lower/secrets/settings.ts";
import type { FleetIndex } from "../../model/fleet-index.ts";
import type { FleetOptions } from "../assertions/host-options.ts";

/** One host's value of a kind, and where it was written. */
interface Claim {
  readonly host: string;
  readonly value: string;
  readonly origin: SourceOrigin;
}

const sameOrigin = (a: SourceOrigin, b: SourceOrigin): boolean => a.file === b.file && a.objectPath.join("\0") === b.objectPath.join("\0");

/** Repeated values among `claims` (compared by `key`), reported with `code`. */
const repeats = (claims: readonly Claim[], code: keyof CrossHostFields & `duplicate-${string}`, key = (value: string) => value): Diagnostic[] => {
  const first = new Map<string, Claim>();
  const shared = new Map<string, Claim[]>();
  const problems: Diagnostic[] = [];
  for (const claim of claims) {
    const earlier = first.get(key(claim.value));
    if (!earlier) {
      first.set(key(claim.value), claim);
      continue;
    }
    if (earlier.host === claim.host) continue;
    if (sameOrigin(earlier.origin, claim.origin)) {
      const group = shared.get(key(claim.value)) ?? [earlier];
      shared.set(key(claim.value), [...group, claim]);
      continue;
    }
    problems.push(
      error(code, claim.origin, { value: claim.value, host: claim.host, firstHost: earlier.host }, [earlier.origin]),
    );
  }
  for (const group of shared.values()) {
    const [one] = group;
    if (!one) continue;
    problems.push(
      error(code, one.origin, { value: one.value, hosts: group.map((claim) => claim.host) }),
    );
  }
  return problems;
};

/** Every merged string option at `path`, per host. */
const optionClaims = (options: FleetOptions, ...path: string[]): Claim[] =>
  options.flatMap((merged) => {
    const option = merged.get(...path);
    const origin = option?.origins.at(-1);
    return option && typeof option.value === "string" && origin ? [{ host: merged.host.name, value: option.value, origin }] : [];
  });

/** Values two hosts must not share; host ids and names are read from the hosts' merged `options`. */
export const checkUniqueValues = (index: FleetIndex, options: FleetOptions): Diagnostic[] => {
  const { fleet } = index;
  const tunnelKeys = index.tunnels.all.flatMap((tunnel): Claim[] =>
    tunnel.config.publicKey ? [{ host: tunnel.host.name, value: tunnel.config.publicKey, origin: { ...tunnel.origin, objectPath: [...tunnel.origin.objectPath, "publicKey"] } }] : [],
  );
  const hostKeys = Object.entries(secretsSettings(fleet).hostKeys).map(([host, value]) => ({ host, value, origin: settingOrigin(fleet, "hostKeys", host) }));
  return [
    ...repeats(optionClaims(options, "networking", "hostId"), "duplicate-host-id", (value) => value.toLowerCase()),
    ...repeats(tunnelKeys, "duplicate-wireguard-key"),
    ...repeats(hostKeys, "duplicate-host-key"),
    ...repeats(optionClaims(options, "networking", "hostName"), "duplicate-hostname", (value) => value.toLowerCase()),
  ];
};
