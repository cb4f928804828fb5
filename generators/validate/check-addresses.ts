/**
 * Two hosts at one address: the deploy tool would push one machine's system onto the other.
 * Checked for `address` and for the address actually deployed to (`deploy.targetHost`).
 */
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { HostEntry } from "../model/fleet.ts";
import type { FleetCheck } from "./draft.ts";

interface Claim {
  readonly host: HostEntry;
  readonly address: string;
  readonly origin: SourceOrigin;
  /** The address comes from `deploy.targetHost` rather than `address`. */
  readonly explicitTarget: boolean;
}

/** Each claim after the first on one address, with that first claim. */
const collisions = (claims: readonly Claim[]): [later: Claim, first: Claim][] => {
  const first = new Map<string, Claim>();
  return claims.flatMap((claim): [Claim, Claim][] => {
    // DNS names are case-insensitive.
    const key = claim.address.toLowerCase();
    const earlier = first.get(key);
    if (earlier) return [[claim, earlier]];
    first.set(key, claim);
    return [];
  });
};

const addressClaim = (host: HostEntry): Claim => ({
  host,
  address: host.config.address,
  origin: { file: host.file, objectPath: ["address"] },
  explicitTarget: false,
});

const targetClaim = (host: HostEntry): Claim => {
  const target = host.config.deploy.targetHost;
  return target === undefined
    ? addressClaim(host)
    : { host, address: target, origin: { file: host.file, objectPath: ["deploy", "targetHost"] }, explicitTarget: true };
};

/** Duplicate host addresses and deploy targets. */
export const checkAddresses: FleetCheck = (draft) => {
  const addresses = collisions(draft.hosts.map(addressClaim)).map(([later, first]) =>
    error("duplicate-address", later.origin, { address: later.address, of: "address", host: first.host.name, file: first.host.file }, [first.origin]),
  );
  // Two hosts deploying to their own, equal addresses are the address collision above.
  const targets = collisions(draft.hosts.map(targetClaim))
    .filter(([later, first]) => later.explicitTarget || first.explicitTarget)
    .map(([later, first]): Diagnostic => {
      const [blamed, other] = later.explicitTarget ? [later, first] : [first, later];
      return error("duplicate-address", blamed.origin, { address: blamed.address, of: "deploy-target", host: other.host.name, file: other.host.file }, [
        other.origin,
      ]);
    });
  return [...addresses, ...targets];
};
