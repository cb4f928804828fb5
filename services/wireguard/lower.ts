/**
 * WireGuard → `networking.wireguard.interfaces.<name>`: addresses, port, the private key file
 * from the secrets, and the peers written by hand followed by those derived from the fleet.
 */
import type { WireguardConfig, WireguardInterface } from "./schema.ts";
import { child, error, type SourceOrigin } from "../../generators/diagnostics/diagnostic.ts";
import { combine, type Contribution, type LowerContext, type Lowering } from "../../generators/lower/contribution.ts";
import { fieldDefinitions, portClaims, secretPathOf, setFields } from "../../generators/lower/emit.ts";
import { derivedPeers } from "./peers.ts";

/** A hand-written peer as NixOS spells it. */
const explicitPeer = (peer: WireguardInterface["peers"][number]) =>
  setFields({
    name: peer.name,
    publicKey: peer.publicKey,
    allowedIPs: peer.allowedIPs,
    endpoint: peer.endpoint,
    persistentKeepalive: peer.persistentKeepalive,
    presharedKeyFile: peer.presharedKey && secretPathOf(peer.presharedKey),
  });

/** Peers only exist for a host: a shared module has no tunnel address of its own to offer. */
const derivation = (context: LowerContext, name: string, wg: WireguardInterface, origin: SourceOrigin) => {
  if (context.hostName !== undefined) return derivedPeers(context.index, { hostName: context.hostName, name, config: wg, origin });
  const field = wg.join ? "join" : wg.mesh ? "mesh" : undefined;
  const diagnostics = field
    ? [error("wireguard-needs-host", child(origin, field), { field })]
    : [];
  return { peers: [], diagnostics };
};

const lowerInterface = (context: LowerContext, name: string, wg: WireguardInterface): Contribution => {
  const origin = child(context.origin, name);
  const prefix = ["networking", "wireguard", "interfaces", name];
  const derived = derivation(context, name, wg, origin);
  const peers = [...wg.peers.map(explicitPeer), ...derived.peers];
  return {
    definitions: [
      ...fieldDefinitions(prefix, origin, { ips: wg.ips, listenPort: wg.listenPort, mtu: wg.mtu }),
      { path: [...prefix, "privateKeyFile"], value: secretPathOf(wg.privateKey), origin: child(origin, "privateKey") },
      ...(peers.length ? [{ path: [...prefix, "peers"], value: peers, origin: child(origin, "peers") }] : []),
    ],
    ports: wg.listenPort ? portClaims(`wireguard ${name}`, "udp", [wg.listenPort], child(origin, "listenPort"), wg.openFirewall) : [],
    diagnostics: derived.diagnostics,
  };
};

/** WireGuard: every interface; each listenPort on UDP. */
export const lowerWireguard: Lowering<WireguardConfig> = (interfaces, context) =>
  combine(...Object.entries(interfaces).map(([name, wg]) => lowerInterface(context, name, wg)));
