/**
 * WireGuard tunnels (`networking.wireguard.interfaces.<name>`). Peers are written by hand or
 * derived from the fleet: a host that `join`s another host's interface gets that hub as a peer and
 * the hub gets it back (hub and spoke); interfaces sharing a `mesh` name all peer with each other.
 * Keys and endpoints are filled in from the other host's definition.
 */
import { z } from "zod";
import { checkParams } from "../../dsl/check-params.ts";
import { parseAddress, splitEndpoint } from "../../dsl/address.ts";
import { cidr, hostName, port, reachableAddress, wireguardPublicKey } from "../../dsl/checks.ts";
import { openFirewall, secretFile } from "../../dsl/services/common.ts";

/** A Linux network interface name: at most 15 characters, e.g. `"wg0"`. */
export const interfaceName = z.string().regex(/^[A-Za-z0-9_.-]{1,15}$/, {
  error: "must be a network interface name: 1-15 letters, digits, '_', '.' or '-', such as \"wg0\"",
});

/** Seconds between keepalive packets: 0 (off) to 65535. */
const keepaliveSeconds = z.number().int().min(0).max(65535, { error: "must be seconds from 0 (off) to 65535" });

/** `host:port`, `[ipv6]:port` — where a peer is reached. */
const endpoint = z.string().refine(
  (value) => {
    const parts = splitEndpoint(value);
    if (!parts) return false;
    const portOk = parts.port >= 1 && parts.port <= 65535;
    const hostOk = parts.bracketed ? parseAddress(parts.host) !== undefined : reachableAddress.safeParse(parts.host).success;
    return portOk && hostOk;
  },
  { params: checkParams("invalid-value", { expected: 'host:port such as "vpn.example.com:51820", "203.0.113.7:51820" or "[2001:db8::1]:51820"' }) },
);

/** A peer written by hand (a laptop, a phone, a machine outside the fleet). */
export const wireguardPeerSchema = z.strictObject({
  /** The peer's public key (`wg pubkey` output), e.g. `"xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg="`. */
  publicKey: wireguardPublicKey,
  /** Addresses routed to this peer, e.g. `["10.100.0.2/32"]` for one client. */
  allowedIPs: z.array(cidr).min(1, { error: "must list at least one network routed to the peer" }),
  /** Where the peer listens, e.g. `"vpn.example.com:51820"`. Omit for peers that connect to us. */
  endpoint: endpoint.optional(),
  /** Seconds between keepalives, to hold NAT mappings open, e.g. `25`. Default: off. */
  persistentKeepalive: keepaliveSeconds.optional(),
  /** A pre-shared key for post-quantum resistance, from the secrets: `secret("wg-psk-phone")`. */
  presharedKey: secretFile.optional(),
  /** A name for the peer's systemd unit, e.g. `"phone"`. Default: derived from the key by NixOS. */
  name: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: "must be letters, digits, '_' or '-'" }).optional(),
});

/** Join another host's interface as a spoke: each side gets the other as a peer. */
export const wireguardJoinSchema = z.strictObject({
  /** The hub host, e.g. `"gateway"`. */
  host: hostName,
  /** The hub's interface. Default: the name of this interface. */
  interface: interfaceName.optional(),
  /**
   * Networks routed through the hub. Default: the hub's tunnel networks (for `10.100.0.1/24`,
   * `10.100.0.0/24`). `["0.0.0.0/0"]` sends all traffic through it.
   */
  allowedIPs: z.array(cidr).min(1).optional(),
  /** Seconds between keepalives sent to the hub, so it can reach us behind NAT. Default: `25`. */
  persistentKeepalive: keepaliveSeconds.default(25),
});

/** One WireGuard interface. Opens its `listenPort` (UDP). */
export const wireguardInterfaceSchema = z
  .strictObject({
    /** This host's tunnel addresses with their network, e.g. `["10.100.0.1/24"]`. */
    ips: z.array(cidr).min(1, { error: "must list at least one tunnel address such as \"10.100.0.2/24\"" }),
    /** UDP port to listen on, e.g. `51820`. Needed when other hosts connect to this one. Default: random. */
    listenPort: port.optional(),
    /**
     * The private key file, from the fleet's secrets: `secret("wireguard-key")` becomes
     * `privateKeyFile = config.sops.secrets."wireguard-key".path`. Inline keys are refused.
     */
    privateKey: secretFile,
    /**
     * This interface's public key (`wg pubkey < private`). Not used on this host: hosts that
     * join it or share its mesh use it to add this host as their peer.
     */
    publicKey: wireguardPublicKey.optional(),
    /**
     * The address other hosts reach this interface at, when it differs from the host's
     * `address` (a public name for a gateway behind NAT), e.g. `"vpn.example.com"`.
     */
    endpointAddress: reachableAddress.optional(),
    /** Peers written by hand, kept in this order before the derived ones. */
    peers: z.array(wireguardPeerSchema).default([]),
    /** Join another host's interface as a spoke, e.g. `{ host: "gateway" }`. */
    join: wireguardJoinSchema.optional(),
    /** Peer with every other interface of the fleet that names the same mesh, e.g. `"lab"`. */
    mesh: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: "must be a mesh name of letters, digits, '_' or '-'" }).optional(),
    /** MTU of the interface, e.g. `1420`. Default: chosen by the kernel. */
    mtu: z.number().int().min(1280).max(65535, { error: "must be an MTU from 1280 to 65535" }).optional(),
    /** Open `listenPort` (UDP). Default: `true`. */
    openFirewall,
  })
  .superRefine((wg, context) => {
    if (wg.join !== undefined && wg.mesh !== undefined)
      context.addIssue({
        code: "custom",
        path: ["mesh"],
        params: checkParams("join-and-mesh", {}),
      });
  });

/** WireGuard interfaces by name, e.g. `{ wg0: { ips: ["10.100.0.1/24"], listenPort: 51820, … } }`. */
export const wireguardSchema = z.record(interfaceName, wireguardInterfaceSchema);

/** What `wireguard({ … })` takes. */
export type WireguardInput = z.input<typeof wireguardSchema>;
/** Validated WireGuard interfaces. */
export type WireguardConfig = z.output<typeof wireguardSchema>;
/** One validated interface. */
export type WireguardInterface = z.output<typeof wireguardInterfaceSchema>;
