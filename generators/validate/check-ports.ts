/**
 * One port, one service: two services of a host claiming the same protocol and port would fail
 * to start (the second cannot bind). Listing a service's port again in `firewall` is not a claim,
 * so it is not a conflict.
 */
import type { PortClaim } from "../lower/contribution.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";

/**
 * Conflicts among the port claims of ONE host (the lowering of its services and modules): every
 * claim by a second service on a taken port, pointing back at the first claim. A service may
 * claim its own port more than once.
 */
export const checkPortClaims = (hostName: string, claims: readonly PortClaim[]): Diagnostic[] => {
  const first = new Map<string, PortClaim>();
  return claims.flatMap((claim) => {
    const key = `${claim.protocol}/${claim.port}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, claim);
      return [];
    }
    if (earlier.service === claim.service) return [];
    const { service, protocol, port } = claim;
    return [
      error("port-conflict", claim.origin, { host: hostName, service, protocol, port, takenBy: earlier.service, takenAt: earlier.origin }, [earlier.origin]),
    ];
  });
};
