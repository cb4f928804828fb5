/**
 * Fleet secrets: which backend decrypts them on the hosts, who may decrypt what, and how each
 * decrypted file is owned. Values are never written by typeflake; only references to them.
 */
import { z } from "zod";
import { checkParams } from "./check-params.ts";
import {
  absolutePath,
  agePublicKey,
  fleetRelativePath,
  groupName,
  hostName,
  isNumericId,
  oneOf,
  secretName,
  sshPublicKey,
  textMatching,
  userName,
} from "./checks.ts";
import { backendProblems, isFileMode } from "./secret-backends.ts";
import { isInNixStore } from "./store-path.ts";

/** A host's public key, what its secrets are encrypted to: an age key or an SSH public key line. */
const hostPublicKey = z.string().refine((value) => agePublicKey.safeParse(value).success || sshPublicKey.safeParse(value).success, {
  params: checkParams("invalid-host-key", {
    expected: 'an age public key ("age1" followed by 58 bech32 characters) or an SSH public key line such as "ssh-ed25519 AAAAC3Nza…"',
  }),
});

/** The secret managers typeflake wires in. */
export const SECRET_BACKENDS = ["sops", "agenix"] as const;

/** A user or group either backend can take: a name, or (agenix only, see `secretsSchema`) a numeric id. */
const accountOf = (name: typeof userName, expected: string, code: "invalid-user-name" | "invalid-group-name") =>
  z.string().refine((value) => name.safeParse(value).success || isNumericId(value), { params: checkParams(code, { expected }) });

/** How one secret is installed on the hosts that use it. */
export const secretSchema = z.strictObject({
  /**
   * Owner of the decrypted file, e.g. `"postgres"`. Default: `"root"`. agenix also takes a numeric
   * uid such as `"1000"` (it runs `chown <owner>:<group>`); sops-nix does not: sops-install-secrets
   * looks the owner up by name and fails at activation on a number.
   */
  owner: accountOf(
    userName,
    'a user name (up to 31 lowercase letters, digits, \'_\' or \'-\', starting with a letter or \'_\') such as "postgres", or with agenix a numeric uid such as "1000"',
    "invalid-user-name",
  ).optional(),
  /**
   * Group of the decrypted file. Default: the owner's primary group (`users.users.<owner>.group`),
   * `"root"` when there is no owner. sops-nix reads that group while the host evaluates, so an
   * owner that no module of the host declares as a user needs its group written here. agenix also
   * takes a numeric gid such as `"100"`; sops-nix looks the group up by name.
   */
  group: accountOf(
    groupName,
    'a group name (up to 31 lowercase letters, digits, \'_\' or \'-\', starting with a letter or \'_\') such as "users", or with agenix a numeric gid such as "100"',
    "invalid-group-name",
  ).optional(),
  /**
   * Permissions of the decrypted file. In octal, e.g. `"0440"` or `"640"`, for both backends;
   * sops-nix parses the mode as an octal number and keeps only the permission bits, so it takes no
   * setuid, setgid or sticky digit (`"0640"`, not `"1640"`). agenix passes the mode to `chmod`, so
   * it also takes a symbolic mode such as `"u=r,g=r"` (applied to a file agenix made `0400`).
   * Default: `"0400"`.
   */
  mode: z
    .string()
    .refine(isFileMode, {
      params: checkParams("invalid-value", {
        expected: 'a file mode: octal such as "0400" or "640", or with agenix a symbolic chmod mode such as "u=r,g=r"',
      }),
    })
    .optional(),
  /**
   * Encrypted file holding it, relative to the fleet root. sops: defaults to `defaultFile`; its
   * extension tells sops-nix how to read it, as it tells sops: `.yaml`/`.yml`, `.json`, `.env`,
   * `.ini`, any other a binary file that is this one secret. agenix: defaults to `secrets/<name>.age`.
   */
  file: fleetRelativePath.optional(),
  /** systemd units restarted when the secret changes (sops only), e.g. `["wireguard-wg0.service"]`. */
  restartUnits: z.array(textMatching(/^[A-Za-z0-9:_.\\@-]+\.[a-z]+$/, 'a systemd unit name such as "wireguard-wg0.service"')).optional(),
});

/** The fleet's `secrets` section. */
export const secretsSchema = z
  .strictObject({
    /** `"sops"` (sops-nix) or `"agenix"`. Default: `"sops"`. */
    backend: oneOf(SECRET_BACKENDS).default("sops"),
    /**
     * sops: the encrypted file secrets live in, relative to the fleet root; its extension sets
     * `sops.defaultSopsFormat` (see a secret's `file`). Default: `"secrets/secrets.yaml"`.
     */
    defaultFile: fleetRelativePath.default("secrets/secrets.yaml"),
    /**
     * An age private key file each host decrypts with, e.g. `"/var/lib/sops-nix/key.txt"`; it must
     * exist on the host (sops-nix fails activation on a missing key file). When unset, both backends
     * decrypt with the host's SSH host key (`/etc/ssh/ssh_host_ed25519_key`, OpenSSH on), as
     * sops-nix and agenix do by default; `hostKeys` then holds that key (sops: `ssh-to-age` of it).
     */
    ageKeyFile: absolutePath.optional(),
    /** age public keys of the people who edit secrets; they can decrypt everything. */
    admins: z.array(agePublicKey).default([]),
    /**
     * The key each host decrypts with, by host name: what its secrets are encrypted to. sops: the
     * host's age public key (`ssh-keyscan -t ed25519 <address> | ssh-to-age`). agenix: the host's
     * SSH public key (`ssh-ed25519 AAAA…`, agenix decrypts with the SSH host keys), or its age key
     * when `ageKeyFile` is set.
     */
    hostKeys: z.record(hostName, hostPublicKey).default({}),
    /**
     * The secrets, by name (`"wireguard-key"`, `"database/password"`). The name is the installed
     * file, `/run/secrets/<name>` (sops-nix) or `/run/agenix/<name>` (agenix), a `/` making a folder,
     * so each part is a file name (not `.` or `..`); sops-nix also looks the name up as the key in
     * the encrypted YAML or JSON file, a `/` descending into a map (`database: { password: … }`), so
     * it cannot start with the `sops` key sops keeps its metadata under. agenix writes the name
     * between double quotes in a shell script (no `"`, `$`, `` ` `` or `\`), and a secret without a
     * `file` is encrypted in `secrets/<name>.age`, which must then be a plain path (letters, digits
     * and `._+-`).
     */
    secrets: z.record(secretName, secretSchema).default({}),
  })
  .superRefine((settings, context) => {
    // sops-nix types sops.age.keyFile as pathNotInStore: a key in the world-readable store is refused.
    if (settings.backend === "sops" && settings.ageKeyFile !== undefined && isInNixStore(settings.ageKeyFile))
      context.addIssue({
        code: "custom",
        input: settings.ageKeyFile,
        path: ["ageKeyFile"],
        params: checkParams("invalid-path", {
          expected: 'a path outside the Nix store (sops-nix\'s sops.age.keyFile is a "path not in the Nix store"), such as "/var/lib/sops-nix/key.txt"',
        }),
      });
    for (const [name, secret] of Object.entries(settings.secrets))
      for (const { field, input, code, expected } of backendProblems(settings, name, secret))
        context.addIssue({ code: "custom", input, path: ["secrets", name, ...(field ? [field] : [])], params: checkParams(code, { expected }) });
  });

/** The validated `secrets` section. */
export type SecretsConfig = z.output<typeof secretsSchema>;
