/**
 * Lower the sections hosts and modules share (services, users, ZFS, sysctl, packages, time zone,
 * firewall, raw NixOS options) to NixOS definitions, in the order a person would write them.
 */
import type { ConfigBody } from "../../dsl/config-body.ts";
import { child } from "../diagnostics/diagnostic.ts";
import { combine, definitions, type Contribution, type Definition, type LowerContext } from "./contribution.ts";
import { lowerFirewall } from "./firewall.ts";
import { lowerServices } from "./services.ts";
import { lowerUsers } from "./users.ts";

const zfsDefinitions = (body: ConfigBody, context: LowerContext): Definition[] => {
  const zfs = body.zfs;
  if (!zfs) return [];
  const at = child(context.origin, "zfs");
  return [
    ...(zfs.hostId ? [{ path: ["networking", "hostId"], value: zfs.hostId, origin: child(at, "hostId") }] : []),
    { path: ["boot", "supportedFilesystems"], value: ["zfs"], origin: at },
    ...(zfs.pools.length ? [{ path: ["boot", "zfs", "extraPools"], value: zfs.pools, origin: child(at, "pools") }] : []),
    ...(zfs.autoScrub
      ? [{ path: ["services", "zfs", "autoScrub", "enable"], value: true, origin: child(at, "autoScrub") }]
      : []),
  ];
};

const systemDefinitions = (body: ConfigBody, context: LowerContext): Definition[] => [
  ...(body.timeZone
    ? [{ path: ["time", "timeZone"], value: body.timeZone, origin: child(context.origin, "timeZone") }]
    : []),
  ...(Object.keys(body.sysctl).length
    ? [{ path: ["boot", "kernel", "sysctl"], value: body.sysctl, origin: child(context.origin, "sysctl") }]
    : []),
  ...(body.packages.length
    ? [{ path: ["environment", "systemPackages"], value: body.packages, origin: child(context.origin, "packages") }]
    : []),
];

/** Everything a host or module body defines, the raw `nixos` block last so it reads as overrides. */
export const lowerBody = (body: ConfigBody, context: LowerContext): Contribution => {
  const services = lowerServices(body.services, { ...context, origin: child(context.origin, "services") });
  const users = lowerUsers({ users: body.users, groups: body.groups }, context);
  const firewall = lowerFirewall(body.firewall, [...services.ports, ...users.ports], context.origin);
  return combine(
    definitions(...zfsDefinitions(body, context), ...systemDefinitions(body, context)),
    services,
    users,
    definitions(...firewall),
    definitions({ path: [], value: body.nixos, origin: child(context.origin, "nixos") }),
  );
};
