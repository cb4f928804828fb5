/**
 * `host("compute").port(3000)` anywhere in a host or module (an nginx `proxyPass`, a raw option):
 * the target host must let TCP connections to that port through its firewall, or the proxy
 * answers 502. Unknown host names were reported when references were checked.
 */
import { error, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { findHost, hostsOfBody } from "../../lower/services/fleet-view.ts";
import type { Entry, Fleet } from "../../model/fleet.ts";
import type { ConfigBody } from "../../../dsl/config-body.ts";
import { writtenExpressions } from "../written-expressions.ts";
import { openPorts, type OpenPorts } from "./open-ports.ts";

/** Closed upstream ports referenced from one host or module file. */
const checkEntry = (fleet: Fleet, entry: Entry<ConfigBody>, hostName: string | undefined, portsOf: (host: string) => OpenPorts | undefined): Diagnostic[] =>
  writtenExpressions(entry.config).flatMap(({ expression, path }) => {
    if (expression.kind !== "host" || !expression.url) return [];
    const target = findHost(fleet, expression.host);
    // Traffic a host sends to itself goes over loopback, which the firewall always lets through.
    const users = hostsOfBody(fleet, hostName, entry.file);
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
export const checkUpstreams = (fleet: Fleet): Diagnostic[] => {
  const cache = new Map<string, OpenPorts>();
  const portsOf = (name: string): OpenPorts | undefined => {
    const host = findHost(fleet, name);
    if (!host) return undefined;
    if (!cache.has(name)) cache.set(name, openPorts(fleet, host));
    return cache.get(name);
  };
  return [
    ...fleet.hosts.flatMap((host) => checkEntry(fleet, host, host.name, portsOf)),
    ...fleet.modules.flatMap((module) => checkEntry(fleet, module, undefined, portsOf)),
  ];
};
