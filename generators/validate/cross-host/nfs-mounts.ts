/**
 * NFS mounts against the server's exports: the server must run NFS, export the directory, and
 * list a client entry that admits the mounting host's address, or the mount is refused.
 */
import type { NfsExport } from "../../../dsl/services/nfs.ts";
import type { NfsMountsConfig } from "../../../dsl/services/nfs-mounts.ts";
import { quotedList } from "../../diagnostics/messages/words.ts";
import { child, proseError, type Diagnostic, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import { bodiesOfHost, findHost, hostsOfBody } from "../../lower/services/fleet-view.ts";
import { networkContains, parseAddress, parseNetwork, sameAddress } from "../../lower/services/network.ts";
import type { Fleet, HostEntry } from "../../model/fleet.ts";

/** An export of a server and where it was written. */
interface ServedExport {
  readonly entry: NfsExport;
  readonly origin: SourceOrigin;
}

const exportsOf = (fleet: Fleet, server: HostEntry): ServedExport[] =>
  bodiesOfHost(fleet, server).flatMap((body) =>
    (body.config.services.nfs?.exports ?? []).map((entry, index) => ({
      entry,
      origin: { file: body.file, objectPath: ["services", "nfs", "exports", index] },
    })),
  );

/** A shell-style wildcard (`*.lab.local`, `node?`) as a regular expression. */
const wildcard = (pattern: string): RegExp =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");

/**
 * Whether a client entry admits `host`: true, false, or undefined when that cannot be known here
 * (a network entry and a host reached by DNS name).
 */
const admits = (client: NfsExport["clients"][number]["host"], host: HostEntry): boolean | undefined => {
  if (typeof client !== "string") return client.host === host.name;
  if (client === "*") return true;
  const address = host.config.address;
  const isIp = parseAddress(address) !== undefined;
  if (parseNetwork(client)) return isIp ? networkContains(client, address) : undefined;
  if (parseAddress(client)) return isIp ? sameAddress(client, address) : undefined;
  return isIp ? undefined : wildcard(client).test(address);
};

const checkMount = (fleet: Fleet, client: HostEntry, mountPoint: string, mount: NfsMountsConfig[string], origin: SourceOrigin): Diagnostic[] => {
  const server = findHost(fleet, mount.host.host);
  if (!server) return [];
  const served = exportsOf(fleet, server);
  if (!served.length)
    return [proseError("nfs-server-missing", child(origin, "host"), `host "${server.name}" runs no NFS server; add services.nfs with an export of ${JSON.stringify(mount.export)} to ${server.file}`)];
  const match = served.find(({ entry }) => entry.path === mount.export);
  if (!match)
    return [
      proseError(
        "nfs-export-missing",
        child(origin, "export"),
        `host "${server.name}" does not export ${JSON.stringify(mount.export)}; its exports are ${quotedList(served.map(({ entry }) => entry.path))}`,
        served.map(({ origin: exportOrigin }) => exportOrigin),
      ),
    ];
  const verdicts = match.entry.clients.map((entry) => admits(entry.host, client));
  if (verdicts.includes(true) || verdicts.includes(undefined)) return [];
  return [
    proseError(
      "nfs-client-not-allowed",
      origin,
      `${server.name} exports ${JSON.stringify(mount.export)} only to ${match.entry.clients.map((entry) => (typeof entry.host === "string" ? entry.host : `host("${entry.host.host}")`)).join(", ")}, ` +
        `which does not include ${client.name} (${client.config.address}), so mounting ${mountPoint} would be refused; add a client entry for it to that export`,
      [child(match.origin, "clients")],
    ),
  ];
};

/** Every NFS mount, for every host it is mounted on, checked against its server's exports. */
export const checkNfsMounts = (fleet: Fleet): Diagnostic[] =>
  [...fleet.hosts, ...fleet.modules].flatMap((entry) =>
    Object.entries(entry.config.services.nfsMounts ?? {}).flatMap(([mountPoint, mount]) => {
      const origin = { file: entry.file, objectPath: ["services", "nfsMounts", mountPoint] };
      const isHost = fleet.hosts.some((host) => host.file === entry.file);
      return hostsOfBody(fleet, isHost ? entry.name : undefined, entry.file).flatMap((client) => checkMount(fleet, client, mountPoint, mount, origin));
    }),
  );
