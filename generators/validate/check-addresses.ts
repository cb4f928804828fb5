/**
 * Two hosts at one address: the deploy tool would push one machine's system onto the other.
 * Checked for `address` and for the address actually deployed to (`deploy.targetHost`).
 */
import { proseError, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
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

const hostAt = (claim: Claim): string => `host ${JSON.stringify(claim.host.name)} (${claim.host.file})`;

/** Duplicate host addresses and deploy targets. */
export const checkAddresses: FleetCheck = (draft) => {
  const addresses = collisions(draft.hosts.map(addressClaim)).map(([later, first]) =>
    proseError(
      "duplicate-address",
      later.origin,
      `${JSON.stringify(later.address)} is already the address of ${hostAt(first)}; every host needs its own address`,
      [first.origin],
    ),
  );
  // Two hosts deploying to their own, equal addresses are the address collision above.
  const targets = collisions(draft.hosts.map(targetClaim))
    .filter(([later, first]) => later.explicitTarget || first.explicitTarget)
    .map(([later, first]): Diagnostic => {
      const [blamed, other] = later.explicitTarget ? [later, first] : [first, later];
      return proseError(
        "duplicate-address",
        blamed.origin,
        `deploys to ${JSON.stringify(blamed.address)}, which is where ${hostAt(other)} is deployed too; each host needs its own deploy target`,
        [other.origin],
      );
    });
  return [...addresses, ...targets];
};
