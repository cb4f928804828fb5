/**
 * NFS mounts → `fileSystems."<mount point>"` with the serving host's address as the device:
 * `device = "10.0.20.10:/tank/media"; fsType = "nfs";`.
 */
import type { NfsMountsConfig } from "./schema.ts";
import { child } from "../../generators/diagnostics/diagnostic.ts";
import type { Lowering } from "../../generators/lower/contribution.ts";
import { bracketed } from "../../dsl/address.ts";
import { hostAddress } from "../../generators/model/fleet-index.ts";

/**
 * NFS mounts: one `fileSystems` entry each. Host references were checked when the fleet was
 * validated; whether the server exports the directory to this host is a cross-host check.
 */
export const lowerNfsMounts: Lowering<NfsMountsConfig> = (mounts, context) => ({
  definitions: Object.entries(mounts).map(([mountPoint, mount]) => {
    const address = hostAddress(context.index, mount.host.host);
    return {
      path: ["fileSystems", mountPoint],
      value: { device: `${bracketed(address)}:${mount.export}`, fsType: "nfs", options: mount.options },
      origin: child(context.origin, mountPoint),
    };
  }),
  ports: [],
  diagnostics: [],
});
