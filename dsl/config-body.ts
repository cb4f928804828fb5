/**
 * The configuration a host and a shared module both carry: services, users, firewall, kernel
 * settings, ZFS, packages, secrets in use, raw NixOS options and hand-written imports.
 */
import { z } from "zod";
import {
  groupName,
  primaryGroupName,
  hostId,
  passwdEntry,
  port,
  relativeNixFile,
  secretName,
  sshPublicKey,
  textMatching,
  userName,
} from "./checks.ts";
import type { NixValue } from "./expressions.ts";
import type { NixosBlock } from "./register.ts";
import { nixExpression, nixOptionBlock, secretRef } from "./values.ts";
import { singleLine } from "./services/common.ts";
import { servicesSchema } from "./services/index.ts";
import { interfaceName } from "../services/wireguard/schema.ts";

/** A range of ports, both ends included. */
export const portRangeSchema = z.strictObject({
  /** First port of the range, e.g. `60000`. */
  from: port,
  /** Last port of the range (inclusive), e.g. `61000`. */
  to: port,
});

/** `networking.firewall`: ports opened by services are added to these automatically. */
export const firewallSchema = z.strictObject({
  /** Whether the NixOS firewall is on. Default: `true`. */
  enable: z.boolean().optional(),
  /** TCP ports to open beyond those the host's services open, e.g. `[22]`. */
  allowedTCPPorts: z.array(port).default([]),
  /** UDP ports to open beyond those the host's services open, e.g. `[51820]`. */
  allowedUDPPorts: z.array(port).default([]),
  /** TCP port ranges to open, e.g. `[{ from: 60000, to: 61000 }]`. */
  allowedTCPPortRanges: z.array(portRangeSchema).default([]),
  /** UDP port ranges to open. */
  allowedUDPPortRanges: z.array(portRangeSchema).default([]),
  /** Interfaces whose traffic is fully trusted, e.g. `["wg0"]`. */
  trustedInterfaces: z.array(interfaceName).default([]),
  /** Answer ICMP echo requests. NixOS default: `true`. */
  allowPing: z.boolean().optional(),
});

/** One account in `users.users`. */
export const userSchema = z.strictObject({
  /** A normal (login) user rather than a system account. Default: `true`. */
  isNormalUser: z.boolean().default(true),
  /** The user's full name or purpose, e.g. `"Deployment user"`: one line without ':' (it is a field of /etc/passwd). */
  description: passwdEntry.optional(),
  /** Numeric user id; NixOS picks one when omitted. */
  uid: z.number().int().min(0).optional(),
  /** Primary group; NixOS uses `users` for normal users when omitted. */
  group: primaryGroupName.optional(),
  /** Supplementary groups, e.g. `["wheel", "docker"]`. */
  extraGroups: z.array(groupName).default([]),
  /** SSH public keys allowed to log in as this user. */
  sshKeys: z.array(sshPublicKey).default([]),
  /**
   * The deploy user: joins `wheel` and may run `sudo` without a password, so deploy-rs and
   * `nixos-rebuild --use-remote-sudo` can activate new generations. Default: `false`.
   */
  deploy: z.boolean().default(false),
  /** Login shell, e.g. `pkg("zsh")`. */
  shell: nixExpression.optional(),
  /** Password hash file from a secret: `secret("users/alice-password")`. */
  hashedPasswordFile: secretRef.optional(),
  /** Packages installed for this user only, e.g. `[pkg("git")]`. */
  packages: z.array(nixExpression).default([]),
});

/** One group in `users.groups`. */
export const groupSchema = z.strictObject({
  /** Numeric group id; NixOS picks one when omitted. */
  gid: z.number().int().min(0).optional(),
  /** Members added to the group besides users that list it in `extraGroups`. */
  members: z.array(userName).default([]),
});

/** ZFS support: pools imported at boot and scrubbing. */
export const zfsSchema = z.strictObject({
  /**
   * `networking.hostId`, required by ZFS to recognise its own pools: 8 hex digits, unique per
   * machine, e.g. `"a1b2c3d4"`.
   */
  hostId: hostId.optional(),
  /** Pools to import at boot (`boot.zfs.extraPools`), e.g. `["tank"]`. */
  pools: z.array(textMatching(/^[A-Za-z][A-Za-z0-9_.:-]*$/, "a ZFS pool name: a letter followed by letters, digits, _ . : or -")).default([]),
  /** Run `zpool scrub` periodically (`services.zfs.autoScrub.enable`). Default: `false`. */
  autoScrub: z.boolean().default(false),
});

/** Kernel parameters (`boot.kernel.sysctl`), e.g. `{ "net.ipv4.ip_forward": 1 }`. */
export const sysctlSchema = z.record(
  textMatching(/^[a-z0-9_]+(\.[A-Za-z0-9_*-]+)+$/, 'a sysctl key such as "net.ipv4.ip_forward"'),
  z.union([singleLine, z.number().int(), z.boolean()]),
);

/** The sections shared by hosts and modules. */
export const configBodyShape = {
  /** Typed services: Samba, NFS, WireGuard, nginx, OpenSSH, monitoring, Docker, … */
  services: servicesSchema.default({}),
  /** Accounts to create, by user name. */
  users: z.record(userName, userSchema).default({}),
  /** Groups to create, by group name. */
  groups: z.record(groupName, groupSchema).default({}),
  /** Firewall ports beyond those services open. */
  firewall: firewallSchema.optional(),
  /** Kernel parameters, e.g. `{ "net.ipv4.ip_forward": 1 }`. */
  sysctl: sysctlSchema.default({}),
  /** ZFS pools and the host id ZFS needs. */
  zfs: zfsSchema.optional(),
  /** System packages (`environment.systemPackages`), e.g. `[pkg("htop"), pkg("git")]`. */
  packages: z.array(nixExpression).default([]),
  /** Time zone, e.g. `"Europe/Berlin"` (`time.timeZone`). */
  timeZone: textMatching(/^[A-Za-z_+-]+(\/[A-Za-z0-9_+-]+)*$/, 'a time zone such as "UTC" or "Europe/Berlin"').optional(),
  /**
   * Secrets this configuration needs on the host even where no option refers to them with
   * `secret(…)`. Secrets that are referred to are added automatically.
   */
  secrets: z.array(secretName).default([]),
  /**
   * Any NixOS option, written as nested objects: `{ services: { openssh: { enable: true } } }`.
   * Typed from the NixOS option schema — the fleet's own (`typeflake options sync`) when it has
   * one, else the one typeflake ships — so a misspelled option is a compile error, and checked
   * against it again at generate time, where renamed and removed options name their successor.
   * The shipped schema's hover docs give an option's type only; a synced one adds its
   * description, default and example.
   */
  nixos: (nixOptionBlock as z.ZodType<{ readonly [name: string]: NixValue }, NixosBlock>).default({}),
  /** Hand-written Nix modules to import, relative to this file, e.g. `["./extra.nix"]`. */
  imports: z.array(relativeNixFile).default([]),
} as const;

/** The shared sections on their own (hosts and modules add their own keys to `configBodyShape`). */
export const configBodySchema = z.strictObject(configBodyShape);
/** The validated shared sections of a host or module. */
export type ConfigBody = z.output<typeof configBodySchema>;
