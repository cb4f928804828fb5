/** Words of the cross-host checks' diagnostics (`codes/cross-host.ts`). */
import type { CrossHostFields, PeerMismatch, Repeat } from "../codes/cross-host.ts";
import type { Renderers } from "./renderer.ts";
import { quotedList } from "./words.ts";

/** `what` the value is, and the fix, for a value two hosts must not share. */
const repeat = (what: string, fix: string) => (data: Repeat) =>
  "hosts" in data
    ? `${what} ${JSON.stringify(data.value)} is set here for every host that uses this file (${data.hosts.map((host) => JSON.stringify(host)).join(", ")}), so they share it; ${fix}, in each host's own file`
    : `${what} ${JSON.stringify(data.value)} of host ${JSON.stringify(data.host)} is already host ${JSON.stringify(data.firstHost)}'s; ${fix}`;

const peerMismatch = (data: PeerMismatch): string => {
  if (data.kind === "address")
    return (
      `${data.route} is ${data.host}'s tunnel address (${data.interface}), but this peer's publicKey is not ${data.host}'s; ` +
      `use ${data.host}'s key ${JSON.stringify(data.publicKey)}, or route an address no fleet host has`
    );
  const problem = data.unrouted.length ? `do not route ${data.unrouted.join(", ")}` : `also route ${data.strays.join(", ")}, which is not ${data.host}'s`;
  return (
    `this peer's publicKey is ${data.host}'s (${data.interface}), whose tunnel address is ${data.tunnelAddresses.join(", ")}, ` +
    `but allowedIPs ${JSON.stringify(data.allowedIPs)} ${problem}; use ${JSON.stringify(data.routes)}`
  );
};

/** One renderer per cross-host code. */
export const crossHostMessages: Renderers<CrossHostFields> = {
  "duplicate-host-id": repeat(
    "networking.hostId",
    'give every machine its own 8 hex digits, e.g. zfs: { hostId: "…" } from `head -c4 /dev/urandom | od -A none -t x4`',
  ),
  "duplicate-wireguard-key": repeat(
    "the WireGuard public key",
    "WireGuard finds peers by their key, so each interface needs its own key pair (`wg genkey | tee private | wg pubkey`)",
  ),
  "duplicate-host-key": repeat(
    "the secrets key",
    "each host decrypts with its own key; write this host's own public key (from its /etc/ssh/ssh_host_ed25519_key.pub)",
  ),
  "duplicate-hostname": repeat(
    "networking.hostName",
    "remove the override of networking.hostName; typeflake sets it from the host's folder name",
  ),
  "duplicate-tunnel-address": ({ address, firstHost, interface: name }) =>
    `tunnel address ${address} is already ${firstHost}'s (${name}); give each host its own address in the tunnel network`,
  "peer-allowed-ips-mismatch": peerMismatch,
  "nfs-server-missing": ({ server, serverFile, export: path }) =>
    `host ${JSON.stringify(server)} runs no NFS server; add services.nfs with an export of ${JSON.stringify(path)} to ${serverFile}`,
  "nfs-export-missing": ({ server, export: path, exports }) =>
    `host ${JSON.stringify(server)} does not export ${JSON.stringify(path)}; its exports are ${quotedList(exports)}`,
  "nfs-client-not-allowed": ({ server, export: path, clients, client, address, mountPoint }) =>
    `${server} exports ${JSON.stringify(path)} only to ${clients.join(", ")}, which does not include ${client} (${address}), ` +
    `so mounting ${mountPoint} would be refused; add a client entry for it to that export`,
  "upstream-port-closed": ({ target, targetFile, port }) =>
    `host ${JSON.stringify(target)} does not open TCP port ${port} in its firewall, so this connection would be refused; ` +
    `add ${port} to firewall.allowedTCPPorts in ${targetFile} (or configure the service listening there with a typeflake builder, which opens its port)`,
  "secret-not-decryptable": ({ host, secret, key, address }) =>
    `host ${JSON.stringify(host)} uses secret ${JSON.stringify(secret)} but has no ${key === "ssh" ? "SSH" : "age"} key in secrets.hostKeys, so it cannot decrypt it; ` +
    (key === "ssh"
      ? `add hostKeys: { ${JSON.stringify(host)}: "ssh-ed25519 AAAA…" } to typeflake.config.ts (the host's SSH public key, e.g. from \`ssh-keyscan -t ed25519 ${address}\`)`
      : `add hostKeys: { ${JSON.stringify(host)}: "age1…" } to typeflake.config.ts (the host's key, e.g. \`ssh-to-age < /etc/ssh/ssh_host_ed25519_key.pub\`)`),
};
