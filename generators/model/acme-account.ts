/**
 * Where a host's ACME account (`security.acme.acceptTerms` and a contact address) may be set: a
 * typed `nginx({ acme })` in any file configuring the host, a raw `nixos` block's
 * `security.acme`, or hand-written Nix the host imports. The nginx lowering reports a typed
 * `enableACME` with none of these in the words of the typed builder; otherwise the ACME assertion
 * judges the host's merged options (`validate/assertions/acme-account.ts`).
 */
import { bodiesOfHost, type FleetIndex } from "./fleet-index.ts";
import type { HostEntry } from "./fleet.ts";
import { handWrittenNix } from "./hand-written-nix.ts";
import { rawNixosAt } from "./raw-nixos.ts";

/** Whether anything but a typed `enableACME` without an account may give `host` its ACME account. */
export const mayHaveAcmeAccount = (index: FleetIndex, host: HostEntry): boolean => {
  const bodies = bodiesOfHost(index, host);
  return bodies.some((body) => body.config.services.nginx?.acme !== undefined || rawNixosAt(body.config.nixos, "security", "acme") !== undefined) || handWrittenNix(host, bodies).length > 0;
};
