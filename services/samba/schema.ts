/**
 * Samba file sharing (`services.samba`, in its `settings` form): a typed `[global]` section and
 * one typed section per share. Booleans become Samba's `"yes"`/`"no"` and user lists are joined
 * with spaces, as a hand-written smb.conf (and the reference homelab) spells them.
 */
import { z } from "zod";
import { absolutePath, cidr, ipAddress, oneOf } from "../../dsl/checks.ts";
import { openFirewall, refuseTypedKeys, singleLine } from "../../dsl/services/common.ts";

/** Protocol dialects Samba accepts for `server min protocol` / `server max protocol`. */
export const SMB_PROTOCOLS = ["NT1", "SMB2", "SMB2_02", "SMB2_10", "SMB3", "SMB3_00", "SMB3_02", "SMB3_11"] as const;

/** What `map to guest` accepts. */
export const SAMBA_MAP_TO_GUEST = ["Never", "Bad User", "Bad Password", "Bad Uid"] as const;

/** Samba's `security` modes (the values the NixOS option accepts). */
export const SAMBA_SECURITY = ["auto", "user", "domain", "ads"] as const;

/** The smb.conf name of each typed `[global]` field, in the order they are written. */
export const SAMBA_GLOBAL_PARAMETERS = {
  security: "security",
  serverMinProtocol: "server min protocol",
  serverMaxProtocol: "server max protocol",
  workgroup: "workgroup",
  serverString: "server string",
  netbiosName: "netbios name",
  mapToGuest: "map to guest",
  hostsAllow: "hosts allow",
} as const;

/** The smb.conf name of each typed share field, in the order they are written. */
export const SAMBA_SHARE_PARAMETERS = {
  path: "path",
  comment: "comment",
  readOnly: "read only",
  browseable: "browseable",
  guestOk: "guest ok",
  validUsers: "valid users",
  createMask: "create mask",
  directoryMask: "directory mask",
  forceUser: "force user",
  forceGroup: "force group",
} as const;

/** A user (`media`) or a group (`@media`, `+media`) as Samba's user lists take them. */
const sambaPrincipal = z.string().regex(/^[@+&]{0,2}[a-z_][a-z0-9_.-]*\$?$/, {
  error: 'must be a user name such as "media" or a group written "@media"',
});

/** Octal permission bits as Samba writes them, e.g. `"0644"`. */
const octalMask = z.string().regex(/^0?[0-7]{3,4}$/, { error: 'must be octal permission bits such as "0644"' });

/** A Unix user or group name for `force user` / `force group`. */
const unixName = z.string().regex(/^[a-z_][a-z0-9_-]*$/, { error: "must be a Unix user or group name such as \"media\"" });

/** A Samba parameter name: lowercase words separated by single spaces, e.g. `"hosts allow"`. */
const parameterName = z.string().regex(/^[a-z0-9][a-z0-9:_-]*( [a-z0-9:_-]+)*$/, {
  error: 'must be a Samba parameter name in lowercase words, such as "hosts allow"',
});

/** A value smb.conf can hold: text, a number, a boolean (written yes/no) or a list (space-joined). */
const parameterValue = z.union([singleLine, z.number(), z.boolean(), z.array(singleLine).min(1)]);

/**
 * Parameters not covered by a typed field, by their smb.conf name, e.g.
 * `{ "log level": 1, "vfs objects": ["catia", "fruit"] }`. Booleans become `"yes"`/`"no"`.
 * A parameter that has a typed field must be set there, so one value cannot be written twice.
 */
const extraParameters = (typed: Readonly<Record<string, string>>) =>
  z
    .record(parameterName, parameterValue)
    .default({})
    .superRefine(refuseTypedKeys(new Map(Object.entries(typed).map(([field, parameter]) => [parameter, field]))));

/** The `[global]` section. Only the fields you set are written. */
export const sambaGlobalSchema = z.strictObject({
  /** `security`: how clients authenticate. Samba's default: `"user"`. */
  security: oneOf(SAMBA_SECURITY, "a Samba security mode").optional(),
  /**
   * `server min protocol`: the oldest dialect clients may speak. Samba's default: `"SMB2_02"`.
   * `"SMB3"` refuses clients older than Windows 8. Example: `"SMB3"`.
   */
  serverMinProtocol: oneOf(SMB_PROTOCOLS, "an SMB dialect").optional(),
  /** `server max protocol`: the newest dialect offered. Samba's default: its newest (`"SMB3"`). */
  serverMaxProtocol: oneOf(SMB_PROTOCOLS, "an SMB dialect").optional(),
  /** `workgroup`: the NT domain or workgroup name. Samba's default: `"WORKGROUP"`. */
  workgroup: singleLine.min(1).optional(),
  /** `server string`: the description clients show next to the server, e.g. `"NAS"`. */
  serverString: singleLine.optional(),
  /** `netbios name`: the NetBIOS name, at most 15 characters. Samba's default: the host name. */
  netbiosName: z.string().regex(/^[A-Za-z0-9_-]{1,15}$/, { error: "must be 1-15 letters, digits, '_' or '-'" }).optional(),
  /** `map to guest`: when a failed login becomes the guest account. Samba's default: `"Never"`. */
  mapToGuest: oneOf(SAMBA_MAP_TO_GUEST).optional(),
  /** `hosts allow`: the only clients (addresses or networks) allowed, e.g. `["10.0.20.0/24"]`. Default: everyone. */
  hostsAllow: z.array(z.union([cidr, ipAddress])).min(1).optional(),
  /** Other `[global]` parameters by their smb.conf name, e.g. `{ "log level": 1 }`. */
  extra: extraParameters(SAMBA_GLOBAL_PARAMETERS),
});

/** One share: a `[name]` section. Only the fields you set are written. */
export const sambaShareSchema = z.strictObject({
  /** The directory shared, e.g. `"/tank/media"`. */
  path: absolutePath,
  /** `comment`: the description clients show for the share, e.g. `"Films and music"`. */
  comment: singleLine.optional(),
  /** `read only`: refuse writes. Samba's default: `true`; `false` writes `"read only" = "no"`. */
  readOnly: z.boolean().optional(),
  /** `browseable`: list the share when clients browse the server. Samba's default: `true`. */
  browseable: z.boolean().optional(),
  /** `guest ok`: allow connections without a password. Samba's default: `false`. */
  guestOk: z.boolean().optional(),
  /** `valid users`: the only users (`"media"`) or groups (`"@media"`) allowed in, e.g. `["media"]`. Default: any user. */
  validUsers: z.array(sambaPrincipal).min(1).optional(),
  /** `create mask`: the most permissive mode new files get, e.g. `"0644"`. Samba's default: `"0744"`. */
  createMask: octalMask.optional(),
  /** `directory mask`: the most permissive mode new directories get, e.g. `"0755"`. Samba's default: `"0755"`. */
  directoryMask: octalMask.optional(),
  /** `force user`: the Unix user every file operation runs as, e.g. `"media"`. */
  forceUser: unixName.optional(),
  /** `force group`: the Unix group every file operation runs as, e.g. `"media"`. */
  forceGroup: unixName.optional(),
  /** Other parameters of this share by their smb.conf name, e.g. `{ "vfs objects": ["catia", "fruit"] }`. */
  extra: extraParameters(SAMBA_SHARE_PARAMETERS),
});

/** A share name: `[media]`. `global` is Samba's own section and cannot be a share. */
const shareName = z
  .string()
  .regex(/^[^\][/\\:*?"<>|\r\n\u0000]{1,80}$/, {
    error: 'must be 1-80 characters on one line, without []/\\:*?"<>| (it becomes a [section] line of smb.conf)',
  })
  .refine((name) => name.toLowerCase() !== "global", {
    error: '"global" is the [global] section; set its parameters in `global`',
  });

/** Samba file sharing. Opens TCP 445 (SMB) and 139 (NetBIOS sessions). */
export const sambaSchema = z.strictObject({
  /** The `[global]` section, e.g. `{ security: "user", serverMinProtocol: "SMB3" }`. */
  global: sambaGlobalSchema.default({ extra: {} }),
  /** Shares by name, e.g. `{ media: { path: "/tank/media", readOnly: false, validUsers: ["media"] } }`. */
  shares: z.record(shareName, sambaShareSchema).default({}),
  /** Open TCP 445 and 139. Default: `true`. nmbd's UDP 137/138 (network browsing) stay closed. */
  openFirewall,
});

/** What `samba({ … })` takes. */
export type SambaInput = z.input<typeof sambaSchema>;
/** A validated Samba configuration. */
export type SambaConfig = z.output<typeof sambaSchema>;
