/** Fields of the diagnostics of the checks across hosts (`generators/validate/cross-host/`). */

/** A value two hosts must not share: who has it first, or the hosts a shared file gives it to. */
export type Repeat =
  | { readonly value: string; readonly host: string; readonly firstHost: string }
  /** Set once in a module or shared file for every host in `hosts`. */
  | { readonly value: string; readonly hosts: readonly string[] };

/** A hand-written WireGuard peer that disagrees with the fleet host whose key or address it uses. */
export type PeerMismatch =
  /** Its key is `host`'s (`tunnelAddresses` on `interface`), but its allowedIPs leave some out (`unrouted`) or add others (`strays`). */
  | {
      readonly kind: "key";
      readonly host: string;
      readonly interface: string;
      readonly tunnelAddresses: readonly string[];
      readonly allowedIPs: readonly string[];
      readonly unrouted: readonly string[];
      readonly strays: readonly string[];
      /** What allowedIPs should be. */
      readonly routes: readonly string[];
    }
  /** It routes `route`, `host`'s tunnel address on `interface`, under another key than `publicKey`. */
  | { readonly kind: "address"; readonly route: string; readonly host: string; readonly interface: string; readonly publicKey: string };

/** Code → fields. */
export interface CrossHostFields {
  readonly "duplicate-host-id": Repeat;
  readonly "duplicate-wireguard-key": Repeat;
  readonly "duplicate-host-key": Repeat;
  readonly "duplicate-hostname": Repeat;
  /** A tunnel address already `firstHost`'s on `interface`. */
  readonly "duplicate-tunnel-address": { readonly address: string; readonly firstHost: string; readonly interface: string };
  readonly "peer-allowed-ips-mismatch": PeerMismatch;
  /** An NFS mount of `server` (defined in `serverFile`), which runs no NFS server. */
  readonly "nfs-server-missing": { readonly server: string; readonly serverFile: string; readonly export: string };
  /** An NFS mount of an export `server` does not have; `exports` are those it has. */
  readonly "nfs-export-missing": { readonly server: string; readonly export: string; readonly exports: readonly string[] };
  /** An NFS mount on `client` (at `address`) that the export's `clients` do not admit. */
  readonly "nfs-client-not-allowed": {
    readonly server: string;
    readonly export: string;
    /** The export's clients as written: networks, addresses, `host("…")`. */
    readonly clients: readonly string[];
    readonly client: string;
    readonly address: string;
    readonly mountPoint: string;
  };
  /** `host(target).port(port)` where `target` (defined in `targetFile`) keeps the port closed. */
  readonly "upstream-port-closed": { readonly target: string; readonly targetFile: string; readonly port: number };
  /** `host` uses `secret` without a key to decrypt it; `key` is the kind of key it needs. */
  readonly "secret-not-decryptable": { readonly host: string; readonly secret: string; readonly key: "ssh" | "age"; readonly address: string };
}
