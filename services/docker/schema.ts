/**
 * A Docker host (`virtualisation.docker`): the daemon, periodic pruning, and the users allowed to
 * drive it (members of the `docker` group, which is root-equivalent).
 */
import { z } from "zod";
import { oneOf, userName } from "../../dsl/checks.ts";
import { singleLine } from "../../dsl/services/common.ts";

/** Storage drivers NixOS accepts. */
export const DOCKER_STORAGE_DRIVERS = ["overlay2", "zfs", "btrfs", "overlay", "devicemapper", "aufs"] as const;

/** Log drivers NixOS accepts. */
export const DOCKER_LOG_DRIVERS = ["journald", "json-file", "local", "syslog", "none", "gelf", "fluentd", "awslogs", "splunk", "etwlogs", "gcplogs"] as const;

/** `docker system prune` on a timer. */
export const dockerAutoPruneSchema = z.strictObject({
  /** When to prune, as a systemd calendar expression. Default: `"weekly"`. */
  dates: singleLine.min(1).default("weekly"),
  /** Extra `docker system prune` flags, e.g. `["--all", "--volumes"]`. Default: none. */
  flags: z.array(z.string().regex(/^--?[a-z][a-z0-9-]*(=.+)?$/, { error: 'must be a flag such as "--all"' })).default([]),
});

/** Docker. Opens no ports: published container ports are opened by Docker's own iptables rules. */
export const dockerSchema = z.strictObject({
  /** Prune unused images, containers and networks periodically, e.g. `{ dates: "weekly", flags: ["--all"] }`. */
  autoPrune: dockerAutoPruneSchema.optional(),
  /** The storage driver, e.g. `"zfs"` on a ZFS root. Default: chosen by Docker (overlay2). */
  storageDriver: oneOf(DOCKER_STORAGE_DRIVERS, "a storage driver").optional(),
  /** Where container logs go. NixOS default: `"journald"`. */
  logDriver: oneOf(DOCKER_LOG_DRIVERS, "a log driver").optional(),
  /** Start the daemon at boot rather than on first use of its socket. NixOS default: `true`. */
  enableOnBoot: z.boolean().optional(),
  /** Users added to the `docker` group so they can run containers, e.g. `["deploy"]`. */
  users: z.array(userName).default([]),
});

/** What `docker({ … })` takes. */
export type DockerInput = z.input<typeof dockerSchema>;
/** A validated Docker configuration. */
export type DockerConfig = z.output<typeof dockerSchema>;
