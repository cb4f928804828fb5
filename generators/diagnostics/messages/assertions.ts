/** Words of the assertions' diagnostics (`codes/assertions.ts`). */
import type { AssertionFields, Refusal } from "../codes/assertions.ts";
import type { Renderers } from "./renderer.ts";

/** `<problem>, so the build would fail with "<NixOS's message>"; <fix>`. */
export const refusal = ({ problem, nixos, fix }: Refusal): string => `${problem}, so the build would fail with "${nixos}"; ${fix}`;

/** One renderer per assertion code. */
export const assertionMessages: Renderers<AssertionFields> = {
  "acme-missing-email": refusal,
  "acme-terms-not-accepted": refusal,
  "agenix-no-identity": refusal,
  "exporter-filter-without-firewall": refusal,
  "nginx-acme-twice": refusal,
  "nginx-missing-certificate": refusal,
  "nginx-root-and-alias": refusal,
  "nginx-ssl-modes": refusal,
  "samba-nsswins-without-winbindd": refusal,
  "sops-no-key-source": refusal,
  "ssh-listen-without-address": refusal,
  "ssh-x11-without-xauth": refusal,
  "wireguard-preshared-key": refusal,
  "wireguard-private-key": refusal,
  "zfs-needs-host-id": (data) => {
    if ("nixos" in data) return refusal(data);
    const sources = data.pools.map(
      ({ pools, module }) => `${pools.map((pool) => JSON.stringify(pool)).join(", ")}${module === undefined ? "" : ` (from module ${JSON.stringify(module)})`}`,
    );
    return (
      `ZFS needs networking.hostId: host ${JSON.stringify(data.host)} imports ZFS pools (${sources.join("; ")}) but sets no host id. ` +
      'Add zfs: { hostId: "a1b2c3d4" } with 8 hex digits unique to this machine (e.g. from `head -c4 /dev/urandom | od -A none -t x4`)'
    );
  },
};
