/**
 * What each secrets backend installs as written, beyond the forms both take (`secretSchema`):
 * sops-nix's sops-install-secrets parses the mode as an octal number and looks the owner and group
 * up by name; agenix passes mode, owner and group to `chmod`/`chown` in a shell script.
 */
import { isNumericId } from "./checks.ts";

/** The settings the backends' rules read (a validated `secrets` section has them). */
interface BackendSettings {
  readonly backend: "sops" | "agenix";
}

/** The fields of one secret the backends' rules read. */
interface SecretFields {
  readonly owner?: string | undefined;
  readonly group?: string | undefined;
  readonly mode?: string | undefined;
}

/** A value one backend would not install as written: the field and its valid form. */
export interface BackendProblem {
  readonly field: "owner" | "group" | "mode";
  readonly input: string;
  readonly code: "invalid-user-name" | "invalid-group-name" | "invalid-value";
  readonly expected: string;
}

/** A mode in octal up to 7777, as chmod and sops-nix's octal parse both take it (`"0400"`, `"640"`). */
const OCTAL_MODE = /^0*[0-7]{1,4}$/;

/**
 * One clause of GNU chmod's symbolic modes: `[ugoa]*` then one or more of `+`, `-` or `=` with
 * `rwxXst` or one of `ugo` (POSIX), or an operator with an octal number (`=640`, GNU).
 */
const SYMBOLIC_CLAUSE = "(?:[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+|[-+=]0*[0-7]{1,4})";

/** GNU chmod's symbolic modes, clauses joined by commas: `"u=r,g=r"`, `"go-rwx"`. */
const SYMBOLIC_MODE = new RegExp(`^${SYMBOLIC_CLAUSE}(?:,${SYMBOLIC_CLAUSE})*$`);

/** An octal mode without a setuid, setgid or sticky digit: what sops-nix installs as written. */
const PERMISSION_BITS = /^0*[0-7]{1,3}$/;

/** Whether `mode` is a mode one of the backends takes: octal, or symbolic as chmod (agenix) takes it. */
export const isFileMode = (mode: string): boolean => OCTAL_MODE.test(mode) || SYMBOLIC_MODE.test(mode);

/** sops-nix: sops-install-secrets' `validateMode`, `validateOwner` and `validateGroup`. */
const sopsProblems = (secret: SecretFields): BackendProblem[] => [
  // strconv.ParseUint(mode, 8, 16), then os.FileMode: the 07000 digit is no permission bit there and is dropped.
  ...(secret.mode !== undefined && !PERMISSION_BITS.test(secret.mode)
    ? [
        {
          field: "mode" as const,
          input: secret.mode,
          code: "invalid-value" as const,
          expected:
            'an octal mode such as "0440" or "640" without a setuid, setgid or sticky digit: sops-nix parses the mode as an octal number and installs only its permission bits',
        },
      ]
    : []),
  // user.Lookup / user.LookupGroup take names only: "failed to lookup user '1000'" at activation.
  ...(secret.owner !== undefined && isNumericId(secret.owner)
    ? [
        {
          field: "owner" as const,
          input: secret.owner,
          code: "invalid-user-name" as const,
          expected: 'a user name such as "postgres": sops-nix looks the owner up by name, and fails at activation on a numeric uid',
        },
      ]
    : []),
  ...(secret.group !== undefined && isNumericId(secret.group)
    ? [
        {
          field: "group" as const,
          input: secret.group,
          code: "invalid-group-name" as const,
          expected: 'a group name such as "users": sops-nix looks the group up by name, and fails at activation on a numeric gid',
        },
      ]
    : []),
];

/** What the fleet's backend would not install as written in a secret (agenix's `chmod`/`chown` take every value the fields take). */
export const backendProblems = (settings: BackendSettings, secret: SecretFields): BackendProblem[] =>
  settings.backend === "sops" ? sopsProblems(secret) : [];
