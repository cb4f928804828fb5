/**
 * The NFS client side: directories another fleet host exports, mounted here. Each becomes a
 * `fileSystems."<mount point>"` entry whose device is the server's address; the cross-host check
 * verifies the server exports the directory to this host.
 */
import { z } from "zod";
import { absolutePath } from "../../dsl/checks.ts";
import { hostAddressRef } from "../../dsl/services/common.ts";

/** One NFS mount. */
export const nfsMountSchema = z.strictObject({
  /** The host that exports the directory, e.g. `host("nas")`. */
  host: hostAddressRef("the serving host"),
  /** The exported directory on that host, e.g. `"/tank/media"`. */
  export: absolutePath,
  /**
   * Mount options. Default: `["x-systemd.automount", "noauto", "_netdev"]`: mounted on first
   * access, so booting does not wait for (or fail without) the server.
   */
  options: z.array(z.string().regex(/^[^\s,]+$/, { error: "must be one mount option without spaces or commas" })).min(1).default(["x-systemd.automount", "noauto", "_netdev"]),
});

/** NFS mounts by mount point, e.g. `{ "/mnt/media": { host: host("nas"), export: "/tank/media" } }`. */
export const nfsMountsSchema = z.record(
  absolutePath.refine((path) => path === "/" || !path.endsWith("/"), { error: "must not end with '/'" }),
  nfsMountSchema,
);

/** What `nfsMounts({ … })` takes. */
export type NfsMountsInput = z.input<typeof nfsMountsSchema>;
/** Validated NFS mounts. */
export type NfsMountsConfig = z.output<typeof nfsMountsSchema>;
