/**
 * `host("compute").port(3000)` anywhere in a host or module (an nginx `proxyPass`, a raw option):
 * the target host must let TCP connections to that port through its firewall, or the proxy
 * answers 502. Unknown host names were reported when references were checked.
 */
import { error, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { loweredHost, type LoweredFleet } from "../../lower/fleet.ts";
import { findHost, hostsOfBody, writtenIn, type FleetIndex } from "../../model/fleet-index.ts";
import type { Entry } from "../../model/fleet.ts";
import type { ConfigBody } from "../../../dsl/config-body.ts";
import { openPorts, type OpenPorts } from "./open-ports.ts";

/** Closed upstream ports referenced from one host or module file. */
const checkEntry = (index: FleetIndex, entry: Entry<ConfigBody>, hostName: string | undefined, portsOf: (host: string) => OpenPorts | undefined): Diagnostic[] =>
  writtenIn(index, entry).flatMap(({ expression, path }) => {
    if (expression.kind !== "host" || !expression.url) return [];
    const target = findHost(index, expression.host);
    // Traffic a host sends to itself goes over loopback, which the firewall always lets through.
    const users = hostsOfBody(index, hostName, entry.file);
    if (!target || (users.length > 0 && users.every((user) => user.name === target.name))) return [];
    const { port } = expression.url;
    if (portsOf(target.name)?.accepts("tcp", port)) return [];
    return [
      error("upstream-port-closed", { file: entry.file, objectPath: path }, { target: target.name, targetFile: target.file, port }, [
        { file: target.file, objectPath: ["firewall"] },
      ]),
    ];
  });

/** Every `host(…).port(p)` whose target keeps port p closed. */
export const checkUpstreams = (lowered: LoweredFleet): Diagnostic[] => {
  const { index } = lowered;
  const known = new Map<string, OpenPorts>();
  const portsOf = (name: string): OpenPorts | undefined => {
    const host = findHost(index, name);
    if (!host) return undefined;
    if (!known.has(name)) known.set(name, openPorts(index, loweredHost(lowered, host)));
    return known.get(name);
  };
  return [
    ...index.fleet.hosts.flatMap((host) => checkEntry(index, host, host.name, portsOf)),
    ...index.fleet.modules.flatMap((module) => checkEntry(index, module, undefined, portsOf)),
  ];
};
