/**
 * Who the hosts of a synthetic fleet are: names, addresses, tunnel addresses and keys, computed
 * from the host's index so every run writes byte-identical fleets. The keys are well-formed
 * (they pass typeflake's checks) and random-looking, and protect nothing.
 */
import { createHash } from "node:crypto";

/** One synthetic host's identity. */
export interface HostIdentity {
  /** `hub` for the first host, `node-0001`… for the others. */
  readonly name: string;
  /** Its LAN address, in 10.1.0.0/16. */
  readonly address: string;
  /** Its tunnel address with the tunnel network, in 10.100.0.0/16, e.g. `10.100.0.1/16`. */
  readonly tunnelIp: string;
  /** Its WireGuard public key (`wg pubkey` shape). */
  readonly wireguardKey: string;
  /** Its age public key, for `secrets.hostKeys`. */
  readonly ageKey: string;
}

/** The LAN every synthetic host is in; NFS exports are opened to it. */
export const LAN = "10.1.0.0/16";

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

const digest = (seed: string): Buffer => createHash("sha256").update(seed).digest();

/** 32 bytes in base64: 44 characters ending in `=`, the shape of `wg pubkey`'s output. */
const wireguardKey = (index: number): string => digest(`typeflake-bench-wg-${index}`).toString("base64");

/** `age1` and 58 bech32 characters, the shape of `age-keygen -y`'s output. */
const ageKey = (index: number): string => {
  const bytes = Buffer.concat([digest(`typeflake-bench-age-${index}`), digest(`typeflake-bench-age2-${index}`)]);
  return `age1${[...bytes.subarray(0, 58)].map((byte) => BECH32[byte % 32]).join("")}`;
};

/** The address of host `index` (0-based) in a /16: `<prefix>.0.1`, `<prefix>.0.2`, … */
const inSlash16 = (prefix: string, index: number): string => `${prefix}.${(index + 1) >> 8}.${(index + 1) & 255}`;

/** The identities of a fleet of `count` hosts, the hub first. */
export const hostIdentities = (count: number): HostIdentity[] =>
  Array.from({ length: count }, (_, index) => ({
    name: index === 0 ? "hub" : `node-${String(index).padStart(4, "0")}`,
    address: inSlash16("10.1", index),
    tunnelIp: `${inSlash16("10.100", index)}/16`,
    wireguardKey: wireguardKey(index),
    ageKey: ageKey(index),
  }));
