/**
 * The NFS server (`services.nfs.server`): typed exports rendered into the `exports` text
 * (exports(5)), one line per exported directory.
 */
import { z } from "zod";
import { checkParams } from "../../dsl/check-params.ts";
import { absolutePath, cidr, dnsName, ipAddress } from "../../dsl/checks.ts";
import { hostAddressRef, openFirewall } from "../../dsl/services/common.ts";

/** exports(5) options that take no value. */
export const NFS_FLAG_OPTIONS = [
  "rw",
  "ro",
  "sync",
  "async",
  "secure",
  "insecure",
  "wdelay",
  "no_wdelay",
  "hide",
  "nohide",
  "crossmnt",
  "subtree_check",
  "no_subtree_check",
  "secure_locks",
  "insecure_locks",
  "auth_nlm",
  "no_auth_nlm",
  "mountpoint",
  "mp",
  "nordirplus",
  "pnfs",
  "no_pnfs",
  "security_label",
  "root_squash",
  "no_root_squash",
  "all_squash",
  "no_all_squash",
] as const;

/** exports(5) options written `name=value`. */
export const NFS_VALUE_OPTIONS = ["fsid", "anonuid", "anongid", "sec", "refer", "replicas", "mountpoint", "mp", "xprtsec"] as const;

/** Pairs of options that contradict each other. */
export const NFS_CONFLICTING_OPTIONS: readonly (readonly [string, string])[] = [
  ["rw", "ro"],
  ["sync", "async"],
  ["secure", "insecure"],
  ["wdelay", "no_wdelay"],
  ["hide", "nohide"],
  ["subtree_check", "no_subtree_check"],
  ["secure_locks", "insecure_locks"],
  ["auth_nlm", "no_auth_nlm"],
  ["pnfs", "no_pnfs"],
  ["root_squash", "no_root_squash"],
  ["all_squash", "no_all_squash"],
];

/** One export option: a flag such as `"rw"` or a setting such as `"fsid=0"` or `"anonuid=1000"`. */
export type NfsExportOption = (typeof NFS_FLAG_OPTIONS)[number] | `${(typeof NFS_VALUE_OPTIONS)[number]}=${string}`;

const isExportOption = (value: string): boolean => {
  const [name = "", setting] = value.split(/=(.*)/s);
  return setting === undefined
    ? (NFS_FLAG_OPTIONS as readonly string[]).includes(name)
    : (NFS_VALUE_OPTIONS as readonly string[]).includes(name) && /^[^\s,()]+$/.test(setting);
};

const exportOption = z.custom<NfsExportOption>((value) => typeof value === "string" && isExportOption(value), {
  params: checkParams("invalid-nfs-option", {
    expected: `an exports(5) option: one of ${NFS_FLAG_OPTIONS.join(", ")}, or one of ${NFS_VALUE_OPTIONS.map((name) => `${name}=…`).join(", ")}`,
  }),
});

/** Host-name wildcards exports(5) allows: `*.lab.local`, `node?.lab.local`. */
const wildcardName = z.string().regex(/^[A-Za-z0-9*?.-]+$/).refine((value) => /[*?]/.test(value));

/**
 * Who may mount: a network (`"10.0.20.0/24"`), an address (`"10.0.20.11"`), a DNS name or
 * wildcard (`"*.lab.local"`), `"*"` for everyone, or a fleet host (`host("compute")`).
 */
export const nfsClientHost = z.union([cidr, ipAddress, dnsName, wildcardName, z.literal("*"), hostAddressRef("a fleet host")], {
  error: (issue) =>
    `must be a network ("10.0.20.0/24"), an address, a DNS name or wildcard ("*.lab.local"), "*" or host("name"); got ${JSON.stringify(issue.input) ?? String(issue.input)}`,
});

/** One client entry of an export: `10.0.20.0/24(rw,sync,no_subtree_check)`. */
export const nfsClientSchema = z.strictObject({
  /** Who may mount, e.g. `"10.0.20.0/24"` or `host("compute")`. */
  host: nfsClientHost,
  /**
   * exports(5) options, in the order written. Default: `["ro", "sync", "no_subtree_check"]`
   * (read-only unless asked). Example: `["rw", "sync", "no_subtree_check"]`.
   */
  options: z
    .array(exportOption)
    .min(1)
    .default(["ro", "sync", "no_subtree_check"])
    .superRefine((options, context) => {
      for (const [left, right] of NFS_CONFLICTING_OPTIONS)
        if (options.includes(left as NfsExportOption) && options.includes(right as NfsExportOption))
          context.addIssue({
            code: "custom",
            path: [options.indexOf(right as NfsExportOption)],
            params: checkParams("conflicting-options", { first: left, second: right }),
          });
    }),
});

/** One exported directory and the clients allowed to mount it. */
export const nfsExportSchema = z.strictObject({
  /** The exported directory, e.g. `"/tank/media"`. */
  path: absolutePath,
  /** Clients and their options, e.g. `[{ host: "10.0.20.0/24", options: ["rw", "sync", "no_subtree_check"] }]`. */
  clients: z.array(nfsClientSchema).min(1, { error: "must list at least one client; an export nobody may mount is useless" }),
});

/** The NFS server. Opens TCP 2049 (NFSv4; NFSv3 clients also need rpcbind and mountd, not opened). */
export const nfsSchema = z.strictObject({
  /** Exported directories, one `exports` line each; each path once. */
  exports: z
    .array(nfsExportSchema)
    .min(1, { error: "must list at least one export" })
    .superRefine((exports, context) => {
      exports.forEach((entry, index) => {
        if (exports.findIndex((other) => other.path === entry.path) < index)
          context.addIssue({
            code: "custom",
            path: [index, "path"],
            params: checkParams("duplicate-export", { path: entry.path }),
          });
      });
    }),
  /** Open TCP 2049. Default: `true`. */
  openFirewall,
});

/** What `nfs({ … })` takes. */
export type NfsInput = z.input<typeof nfsSchema>;
/** A validated NFS server configuration. */
export type NfsConfig = z.output<typeof nfsSchema>;
/** One validated export. */
export type NfsExport = z.output<typeof nfsExportSchema>;
