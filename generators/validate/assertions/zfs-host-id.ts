/**
 * ZFS (`nixos/modules/tasks/filesystems/zfs.nix`): once ZFS is a supported file system,
 * `networking.hostId` must be set ("ZFS requires networking.hostId to be set"), and the option's
 * type takes 8 hex digits. The typed `zfs.pools` case is reported at validation already
 * (`check-zfs.ts`); this covers ZFS switched on any other way (`zfs: {}` without pools, raw
 * `boot.supportedFilesystems`, `boot.zfs.extraPools`, a `fileSystems` entry of type zfs) and a
 * raw `networking.hostId` of the wrong form. A host id left unset may be set in hand-written Nix
 * the host imports: only a warning then.
 */
import type { NixValue } from "../../../dsl/expressions.ts";
import type { SourceOrigin } from "../../diagnostics/diagnostic.ts";
import { bodiesOfHost } from "../../model/fleet-index.ts";
import { hostLabel, refused, refusing, type HostAssertion } from "./assertion.ts";
import { UNKNOWN, type HostOptions } from "./host-options.ts";

const ZFS_MESSAGE = "ZFS requires networking.hostId to be set";

const HOST_ID = /^[0-9a-fA-F]{8}$/;

/** `["zfs"]` or `{ zfs = true; }`: both forms `supportedFilesystems` takes. */
const listsZfs = (value: NixValue | typeof UNKNOWN | undefined): boolean =>
  Array.isArray(value)
    ? value.includes("zfs")
    : typeof value === "object" && value !== null && (value as Readonly<Record<string, unknown>>)["zfs"] === true;

/** Where ZFS is switched on for this host, if it is. */
const zfsSwitchedOn = (options: HostOptions): SourceOrigin | undefined => {
  for (const path of [["boot", "supportedFilesystems"], ["boot", "initrd", "supportedFilesystems"]]) {
    const whole = options.get(...path);
    if (whole && listsZfs(whole.value)) return whole.origins[0];
    const entry = options.get(...path, "zfs");
    if (entry?.value === true) return entry.origins[0];
  }
  const pools = options.get("boot", "zfs", "extraPools");
  if (pools && Array.isArray(pools.value) && pools.value.length > 0) return pools.origins[0];
  for (const mount of options.namesUnder("fileSystems")) {
    const type = options.get("fileSystems", mount, "fsType");
    if (type?.value === "zfs") return type.origins[0];
  }
  return undefined;
};

/** Hosts using ZFS without a usable `networking.hostId`. */
export const zfsHostId: HostAssertion = (options, index) => {
  const hostId = options.get("networking", "hostId");
  if (hostId && typeof hostId.value === "string" && !HOST_ID.test(hostId.value)) {
    return [
      refused(
        "invalid-host-id",
        hostId.origins.at(-1) ?? { file: options.host.file, objectPath: [] },
        `networking.hostId ${JSON.stringify(hostId.value)} is not 8 hex digits`,
        `A definition for option \`networking.hostId' is not of type \`null or string matching the pattern [[:xdigit:]]{8}'`,
        'write 8 hex digits unique to this machine, e.g. zfs: { hostId: "a1b2c3d4" } (from `head -c4 /dev/urandom | od -A none -t x4`)',
      ),
    ];
  }
  if (hostId && hostId.value !== null) return [];
  // Typed pools without a host id are reported at validation, at the pools.
  if (bodiesOfHost(index, options.host).some((body) => (body.config.zfs?.pools.length ?? 0) > 0)) return [];
  const on = zfsSwitchedOn(options);
  if (!on) return [];
  // Unset, it may be set in hand-written Nix; set to null here, a hand-written one would conflict, not win.
  return [
    refusing(options, hostId === undefined)(
      "zfs-needs-host-id",
      on,
      `${hostLabel(options)} uses ZFS but sets no networking.hostId`,
      ZFS_MESSAGE,
      'add zfs: { hostId: "a1b2c3d4" } with 8 hex digits unique to this machine (e.g. from `head -c4 /dev/urandom | od -A none -t x4`)',
    ),
  ];
};
