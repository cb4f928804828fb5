/**
 * Value checks shared by every schema. Each check tags its issues with a stable diagnostic code
 * and the valid form (`params`: `{ code: "invalid-cidr", expected: "a CIDR … such as …" }`), so
 * the diagnostic says what was given and what would be valid without any check writing a
 * sentence, and editors and tests need not match on wording.
 */
import { z } from "zod";
import { checkParams, type CheckCode, type CheckParamFields, type FormParams } from "./check-params.ts";
import { parseAddress, parseNetwork } from "./address.ts";
import { flakeRefProblem } from "./flake-ref.ts";

const shown = (input: unknown): string => JSON.stringify(input) ?? String(input);

/** The codes whose checks describe a form. */
type FormCode = { [C in CheckCode]: CheckParamFields[C] extends FormParams ? C : never }[CheckCode];

/** A string accepted by `test`, reported with `code` and the `expected` form. */
const accepting = (test: (value: string) => boolean, expected: string, code: FormCode) =>
  z.string().refine(test, { params: checkParams(code, { expected }) });

/** A string matching `pattern`, reported with `code` and the `expected` form. */
const matching = (pattern: RegExp, expected: string, code: FormCode) =>
  accepting((value) => pattern.test(value), expected, code);

/**
 * A string in a simple textual form (a tag, a time zone), failing with "must be <expected>, got
 * <input>". A zod regex rather than a refinement, so the pattern shows in JSON Schema.
 */
export const textMatching = (pattern: RegExp, expected: string) =>
  z.string().regex(pattern, { error: (issue) => `must be ${expected}, got ${shown(issue.input)}` });

/**
 * A lowercase RFC 1123 label. NixOS's `networking.hostName` also takes uppercase letters and '_';
 * typeflake does not, so that no two host folders differ only in case (one folder on macOS and
 * Windows) and the name is a DNS label as it stands.
 */
export const hostName = matching(
  /^(?!-)[a-z0-9-]{1,63}(?<!-)$/,
  "a host name: 1-63 lowercase letters, digits or '-', not starting or ending with '-' (RFC 1123), e.g. \"nas\"",
  "invalid-host-name",
);

/**
 * A DNS name (one or more RFC 1123 labels separated by dots). The last label may not be all
 * digits (RFC 3696), so a mistyped IPv4 address such as `10.0.20.300` is not taken for a name.
 */
export const dnsName = matching(
  /^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*(?<![.]\d+|^\d+)$/,
  "a DNS name such as \"grafana.lab.local\"",
  "invalid-dns-name",
);

/** An IPv4 or IPv6 address. */
export const ipAddress = accepting(
  (value) => parseAddress(value) !== undefined,
  'an IPv4 or IPv6 address such as "10.0.20.10" or "fd00::1"',
  "invalid-ip-address",
);

/** An address a deploy tool can reach: an IP address or a DNS name. */
export const reachableAddress = accepting(
  (value) => parseAddress(value) !== undefined || dnsName.safeParse(value).success,
  'an IP address or DNS name such as "10.0.20.10" or "nas.lab.local"',
  "invalid-address",
);

/** An address with a prefix length: `10.0.20.0/24`, `10.100.0.2/32`, `fd00::/64`. */
export const cidr = accepting(
  (value) => parseNetwork(value) !== undefined,
  'a CIDR (address/prefix, prefix 0-32 for IPv4 or 0-128 for IPv6) such as "10.0.20.0/24"',
  "invalid-cidr",
);

const PORT_FORM = "a port number (an integer from 1 to 65535)";

/** A TCP/UDP port number: an integer from 1 to 65535. */
export const port = z
  // The type issue is zod's own (a refinement cannot see a non-number): the schema words it.
  .number({ error: (issue) => `must be ${PORT_FORM}, got ${shown(issue.input)}` })
  .refine((value) => Number.isInteger(value) && value >= 1 && value <= 65535, {
    params: checkParams("invalid-port", { expected: PORT_FORM }),
  });

/**
 * What ends a line of smb.conf, exports, sshd_config or /etc/passwd (`\n`, and `\r` before it),
 * and NUL, which ends the C string a daemon reads the line into.
 */
const LINE_END = /[\r\n\u0000]/;

/** True for text that stays on one line of a line-based configuration file. */
export const isOneLine = (value: string): boolean => !LINE_END.test(value);

/**
 * An absolute file-system path on the target host, e.g. `"/tank/media"`. Paths are written into
 * line-based files (smb.conf, exports, fstab), where a line break would start a setting of its
 * own, so control characters are refused.
 */
export const absolutePath = z.string().superRefine((value, context) => {
  if (!value.startsWith("/"))
    context.addIssue({ code: "custom", input: value, params: checkParams("invalid-path", { expected: "an absolute path" }) });
  else if (!isOneLine(value))
    context.addIssue({
      code: "custom",
      input: value,
      params: checkParams("multi-line-value", {
        expected: "an absolute path on one line, without line breaks or NUL (it is written into line-based configuration files)",
      }),
    });
});

/**
 * `types.passwdEntry`: text written into /etc/passwd or /etc/group, where ':' separates fields
 * and a line break starts a new entry, e.g. a user's `description`.
 */
export const passwdEntry = accepting(
  (value) => !value.includes(":") && isOneLine(value),
  "text for /etc/passwd: one line without ':' (NixOS's types.passwdEntry refuses ':' and line breaks), such as \"Alice Liddell\"",
  "invalid-passwd-entry",
);

/**
 * A path relative to the fleet root, e.g. `"secrets/secrets.yaml"`: no leading '/', no '.' or
 * '..' segment (it must stay inside the fleet), and only characters that need no quoting in a
 * shell command, `.sops.yaml` or a Nix path.
 */
export const fleetRelativePath = matching(
  /^(?!\.\.?(\/|$))(?!.*\/\.\.?(\/|$))([A-Za-z0-9._+-]+\/)*[A-Za-z0-9._+-]+$/,
  'a path relative to the fleet root, inside it (no leading "/", no "." or ".." segment), made of letters, digits and ._+- such as "secrets/secrets.yaml"',
  "invalid-path",
);

/** Nix's keywords, which cannot be unquoted attribute names. */
const NIX_KEYWORDS = new Set(["assert", "else", "if", "in", "inherit", "let", "or", "rec", "then", "with"]);

/** Whether `name` is one of Nix's keywords. */
export const isNixKeyword = (name: string): boolean => NIX_KEYWORDS.has(name);

/**
 * The part of `attrPath` (`["python3Packages", "requests"]`) that makes it no package attribute
 * path, or undefined: each dot-separated part must be a Nix identifier, as nixpkgs' package names
 * are (an empty part, as in `""` or `"a..b"`, is returned as `""`).
 */
export const badPackagePart = (attrPath: readonly string[]): string | undefined =>
  attrPath.find((part) => !/^[A-Za-z_][A-Za-z0-9_'-]*$/.test(part) || NIX_KEYWORDS.has(part));

/** A path relative to the TypeScript file that declares it, such as `./hardware.nix`. */
export const relativeNixFile = matching(
  /^\.\.?\/([A-Za-z0-9._+-]+\/)*[A-Za-z0-9._+-]+$/,
  "a relative path starting with ./ or ../ made of letters, digits and ._+- such as \"./hardware.nix\"",
  "invalid-path",
);

/** The systems NixOS builds for. */
export const NIX_SYSTEMS = [
  "x86_64-linux",
  "aarch64-linux",
  "i686-linux",
  "armv7l-linux",
  "armv6l-linux",
  "riscv64-linux",
  "powerpc64le-linux",
] as const;

/** One of `values`, failing with "must be <what>, one of "a", "b"; got <input>". */
export const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values, what = "") =>
  z.enum(values, {
    error: (issue) =>
      `must be ${what === "" ? "" : `${what}, `}one of ${values.map((value) => `"${value}"`).join(", ")}; got ${shown(issue.input)}`,
  });

/** A Nix system double for a NixOS machine. */
export const nixSystem = oneOf(NIX_SYSTEMS, "a NixOS system");

/** A flake reference nix can parse (see `flake-ref.ts` for the grammar). */
export const flakeUrl = z.string().superRefine((value, context) => {
  const problem = flakeRefProblem(value);
  if (problem !== undefined)
    context.addIssue({
      code: "custom",
      input: value,
      params: checkParams("invalid-flake-url", {
        expected:
          'a flake URL such as "github:NixOS/nixpkgs/nixos-26.05", "git+https://host/repo?ref=main", "git+ssh://git@host/repo", "path:./local", "tarball+https://host/x.tar.gz" or "nixpkgs" (a flake reference nix can parse)',
        detail: problem,
      }),
    });
});

/** The names useradd and NixOS take for users and groups: 1-31 of `[a-z0-9_-]`, not starting with a digit or '-'. */
const ACCOUNT_NAME = /^[a-z_][a-z0-9_-]{0,30}$/;

/**
 * A POSIX user name as `useradd` accepts it, shorter than 32 characters: NixOS aborts on a longer
 * one ("Username '…' is longer than 31 characters", users-groups.nix, `apply` of `name`).
 */
export const userName = matching(
  ACCOUNT_NAME,
  "a user name: up to 31 lowercase letters, digits, '_' or '-', starting with a letter or '_'",
  "invalid-user-name",
);

/** A user's primary group: a group name that NixOS, too, keeps shorter than 32 characters (`apply` of `group`). */
export const primaryGroupName = matching(
  ACCOUNT_NAME,
  "a user's primary group: up to 31 lowercase letters, digits, '_' or '-', starting with a letter or '_'",
  "invalid-group-name",
);

/**
 * A POSIX group name, shorter than 32 characters. NixOS's users-groups.nix puts no limit on
 * `users.groups.<name>.name` (`types.passwdEntry types.str`, no `apply`), but the same name as a
 * user's primary group is cut at 31 there, and systemd-sysusers (`systemd.sysusers.enable`,
 * which creates the groups instead of the activation script) refuses every longer name: "must fit
 * in utmp: 31".
 */
export const groupName = matching(
  ACCOUNT_NAME,
  "a group name: up to 31 lowercase letters, digits, '_' or '-', starting with a letter or '_'",
  "invalid-group-name",
);

/**
 * A WireGuard public key: 32 bytes in base64, 44 characters ending in '='. The form names the
 * 43rd character's few values: a key mistyped or made up by hand has the right length and '=',
 * and "44 characters ending in '='" alone would describe it.
 */
export const wireguardPublicKey = matching(
  /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/,
  "a WireGuard public key (the output of `wg pubkey`): 32 bytes in base64, 44 characters ending in '=', " +
    "the one before '=' being A, E, I, M, Q, U, Y, c, g, k, o, s, w, 0, 4 or 8",
  "invalid-wireguard-key",
);

/** An age public key (`age1…`, bech32). */
export const agePublicKey = matching(
  /^age1[02-9ac-hj-np-z]{58}$/,
  "an age public key: \"age1\" followed by 58 bech32 characters, lowercase letters and digits other than 1, b, i and o " +
    "(the output of `age-keygen -y`)",
  "invalid-age-key",
);

/** `networking.hostId`: 8 hexadecimal digits, required by ZFS. */
export const hostId = matching(
  /^[0-9a-f]{8}$/,
  "8 lowercase hexadecimal digits such as \"a1b2c3d4\" (e.g. `head -c4 /dev/urandom | od -A none -t x4`)",
  "invalid-host-id",
);

/**
 * Control characters, and the Unicode line and paragraph separators a YAML 1.1 reader ends a line
 * at: a secret's name is written into `#` comments of `.sops.yaml` and `secrets/secrets.nix`.
 */
const CONTROL_OR_LINE_BREAK = /[\p{Cc}\u2028\u2029]/u;

/** The longest file name Linux takes (NAME_MAX), in bytes. */
const NAME_MAX = 255;

/**
 * A secret's name, as both backends install it: the file `/run/secrets/<name>` (sops-nix) or
 * `/run/agenix/<name>` (agenix), with `/` making folders. So each part between slashes is a file
 * name (1-255 bytes, not `.` or `..`, which would leave the secrets folder); any other character
 * works, `_under` and `ünï` included. What a backend refuses besides is checked with the backend
 * (`secretsSchema`).
 */
export const secretName = accepting(
  (value) =>
    !CONTROL_OR_LINE_BREAK.test(value) &&
    value.split("/").every((part) => part !== "" && part !== "." && part !== ".." && new TextEncoder().encode(part).length <= NAME_MAX),
  'a secret name: file names of 1-255 bytes joined by "/" (no empty, "." or ".." part), without control characters, such as "wireguard-key" or "database/password"',
  "invalid-name",
);

/**
 * A numeric user or group id as `chown` takes it, e.g. `"1000"`: up to 4294967294, since
 * 4294967295 is (uid_t)-1, which chown reads as "leave unchanged".
 */
export const isNumericId = (value: string): boolean => /^[0-9]{1,10}$/.test(value) && Number(value) < 4294967295;

/** A name usable for a module or an overlay. */
export const identifierName = matching(
  /^[A-Za-z0-9][A-Za-z0-9._-]*(\/(?!\.\.?(\/|$))[A-Za-z0-9._-]+)*$/,
  'a name of letters, digits and . _ / - starting with a letter or digit, with no empty, "." or ".." part between slashes',
  "invalid-name",
);

/** An SSH public key line (`ssh-ed25519 AAAA… comment`). */
export const sshPublicKey = matching(
  /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+={0,3}( .*)?$/,
  "an SSH public key line such as \"ssh-ed25519 AAAAC3Nza… user@laptop\"",
  "invalid-ssh-key",
);

/**
 * True for text that contains a private key (PEM/OpenSSH/PGP blocks, age secret keys): such text
 * must never be written in clear. Bare WireGuard private keys look exactly like public keys, so
 * only the fields that take key files can refuse those.
 */
export const looksLikePrivateKey = (value: string): boolean =>
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(value) || /AGE-SECRET-KEY-1[0-9A-Z]{58}/.test(value);
