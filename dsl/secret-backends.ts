/**
 * What each secrets backend installs as written, beyond the forms both take (`secretSchema`):
 * sops-nix's sops-install-secrets parses the mode as an octal number and looks the owner and group
 * up by name; agenix passes mode, owner and group to `chmod`/`chown` in a shell script that puts
 * the secret's name between double quotes, and its default file is a Nix path made of the name.
 */
import { fleetRelativePath, isNumericId } from "./checks.ts";
import { sopsFormatOf } from "./sops-format.ts";

/** The settings the backends' rules read (a validated `secrets` section has them). */
interface BackendSettings {
  readonly backend: "sops" | "agenix";
  readonly defaultFile: string;
}

/** The fields of one secret the backends' rules read. */
interface SecretFields {
  readonly owner?: string | undefined;
  readonly group?: string | undefined;
  readonly mode?: string | undefined;
  readonly file?: string | undefined;
}

/** A value one backend would not install as written: the field (none for the name) and its valid form. */
export interface BackendProblem {
  readonly field?: "owner" | "group" | "mode";
  readonly input: string;
  readonly code: "invalid-name" | "invalid-user-name" | "invalid-group-name" | "invalid-value";
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

/** agenix's encrypted file of a secret that names none, relative to the fleet root. */
export const defaultAgenixFile = (name: string): string => `secrets/${name}.age`;

/** What bash expands between the double quotes agenix's install script puts the name in. */
const SHELL_EXPANDED = /["$`\\]/;

/** sops' `DefaultUnencryptedSuffix`: keys ending in it are left unencrypted. */
const UNENCRYPTED_SUFFIX = "_unencrypted";

/** sops-nix: sops-install-secrets' `validateMode`, `validateOwner`, `validateGroup` and key lookup. */
const sopsProblems = (settings: BackendSettings, name: string, secret: SecretFields): BackendProblem[] => {
  const format = sopsFormatOf(secret.file ?? settings.defaultFile);
  return [
    // The key is the name, "/" descending into maps; sops keeps its own metadata under the top-level
    // key "sops" of a YAML or JSON file, so no secret is found there (other formats are one secret).
    ...((format === undefined || format === "json") && name.split("/")[0] === "sops"
      ? [
          {
            input: name,
            code: "invalid-name" as const,
            expected:
              'a name whose first part is not "sops": sops keeps its own metadata under that key of a YAML or JSON file, where sops-nix looks the secret up by its name',
          },
        ]
      : []),
    // sops' default unencrypted_suffix (.sops.yaml sets none): a value under a key ending in it, at
    // any depth, is written in clear text. A binary file keeps the secret under sops' own key.
    ...(format !== "binary" && name.split("/").some((part) => part.endsWith(UNENCRYPTED_SUFFIX))
      ? [
          {
            input: name,
            code: "invalid-name" as const,
            expected: `a name none of whose parts ends in "${UNENCRYPTED_SUFFIX}": sops leaves the value of such a key unencrypted, so the secret would be stored in clear text`,
          },
        ]
      : []),
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
};

/** agenix: modules/age.nix's install script, and the default file typeflake writes as a Nix path. */
const agenixProblems = (name: string, secret: SecretFields): BackendProblem[] => {
  if (SHELL_EXPANDED.test(name))
    return [
      {
        input: name,
        code: "invalid-name",
        expected: "a name without \", $, ` or \\: agenix's install script writes it between double quotes, where the shell expands them",
      },
    ];
  return secret.file === undefined && !fleetRelativePath.safeParse(defaultAgenixFile(name)).success
    ? [
        {
          input: name,
          code: "invalid-name",
          expected: `a name of letters, digits and ._+- (parts joined by "/"), since agenix's default file ${defaultAgenixFile("<name>")} is a path in Nix; or give the secret its own \`file\``,
        },
      ]
    : [];
};

/** What the fleet's backend would not install as written in the secret `name`. */
export const backendProblems = (settings: BackendSettings, name: string, secret: SecretFields): BackendProblem[] =>
  settings.backend === "sops" ? sopsProblems(settings, name, secret) : agenixProblems(name, secret);
