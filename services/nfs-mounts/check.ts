/**
 * NFS mounts against the server's exports: the server must run NFS, export the directory, and
 * list a client entry that admits the mounting host's address, or the mount is refused.
 */
import type { NfsExport } from "../nfs/schema.ts";
import type { NfsMountsConfig } from "./schema.ts";
import { describeValue } from "../../generators/diagnostics/describe-value.ts";
import { child, error, type Diagnostic, type SourceOrigin } from "../../generators/diagnostics/diagnostic.ts";
import { networkContains, parseAddress, parseNetwork, sameAddress } from "../../dsl/address.ts";
import { bodiesOfHost, findHost, hostsOfBody, type FleetIndex } from "../../generators/model/fleet-index.ts";
import type { HostEntry } from "../../generators/model/fleet.ts";

/** An export of a server and where it was written. */
interface ServedExport {
  readonly entry: NfsExport;
  readonly origin: SourceOrigin;
}

const exportsOf = (index: FleetIndex, server: HostEntry): ServedExport[] =>
  bodiesOfHost(index, server).flatMap((body) =>
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

const checkMount = (index: FleetIndex, client: HostEntry, mountPoint: string, mount: NfsMountsConfig[string], origin: SourceOrigin): Diagnostic[] => {
  const server = findHost(index, mount.host.host);
  if (!server) return [];
  const served = exportsOf(index, server);
  if (!served.length)
    return [error("nfs-server-missing", child(origin, "host"), { server: server.name, serverFile: server.file, export: mount.export })];
  const match = served.find(({ entry }) => entry.path === mount.export);
  if (!match)
    return [
      error(
        "nfs-export-missing",
        child(origin, "export"),
        { server: server.name, export: mount.export, exports: served.map(({ entry }) => entry.path) },
        served.map(({ origin: exportOrigin }) => exportOrigin),
      ),
    ];
  const verdicts = match.entry.clients.map((entry) => admits(entry.host, client));
  if (verdicts.includes(true) || verdicts.includes(undefined)) return [];
  return [
    error(
      "nfs-client-not-allowed",
      origin,
      {
        server: server.name,
        export: mount.export,
        clients: match.entry.clients.map((entry) => (typeof entry.host === "string" ? entry.host : describeValue(entry.host))),
        client: client.name,
        address: client.config.address,
        mountPoint,
      },
      [child(match.origin, "clients")],
    ),
  ];
};

/** Every NFS mount, for every host it is mounted on, checked against its server's exports. */
export const checkNfsMounts = (index: FleetIndex): Diagnostic[] => {
  const { hosts, modules } = index.fleet;
  return [...hosts.map((host) => ({ entry: host, hostName: host.name as string | undefined })), ...modules.map((module) => ({ entry: module, hostName: undefined }))].flatMap(({ entry, hostName }) =>
    Object.entries(entry.config.services.nfsMounts ?? {}).flatMap(([mountPoint, mount]) => {
      const origin = { file: entry.file, objectPath: ["services", "nfsMounts", mountPoint] };
      return hostsOfBody(index, hostName, entry.file).flatMap((client) => checkMount(index, client, mountPoint, mount, origin));
    }),
  );
};
