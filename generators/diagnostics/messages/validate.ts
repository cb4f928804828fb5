/** Words of the fleet checks' diagnostics (`codes/validate.ts`). */
import type { ValidateFields } from "../codes/validate.ts";
import { formatObjectPath } from "../diagnostic.ts";
import { SUGGESTED_STATE_VERSION } from "../../validate/suggested-inputs.ts";
import type { Renderers } from "./renderer.ts";
import { joinSome, suggestThen } from "./words.ts";

const relativeTo = (base: string): string => (base === "" ? "the fleet root" : `${base}/`);

const PACKAGE_PATH_FORM =
  'a package attribute path such as "htop" or "python3Packages.requests": Nix identifiers (a letter or \'_\', then letters, digits, \'_\', \'\'\' or \'-\') separated by single dots';

const isUserPassword = (path: readonly string[]): boolean =>
  path.length === 4 && path[0] === "users" && path[1] === "users" && (path[3] === "password" || path[3] === "initialPassword");

/** What to write instead of a secret in clear text at the option `path`. */
const clearTextAlternative = (path: readonly string[]): string => {
  const name = path.at(-1) ?? "";
  if (isUserPassword(path))
    return `use hashedPasswordFile (typed: users: { ${JSON.stringify(path[2])}: { hashedPasswordFile: secret("users/${path[2]}-password") } }, a sops or agenix secret holding a \`mkpasswd\` hash), or hashedPassword with the output of \`mkpasswd\``;
  if (/password$/i.test(name) && path.includes("users"))
    return `use hashedPasswordFile set to secret("…").path, or hashedPassword with the output of \`mkpasswd\``;
  const fileOption = name.includes("_") || name === name.toLowerCase() ? `${name}_file / ${name}File` : `${name}File`;
  return `use the option's file-based variant (such as ${fileOption}) set to secret("…").path, a sops or agenix secret decrypted on the host`;
};

const CHECKERS = {
  nix: "nix-instantiate --parse",
  typeflake: "typeflake's Nix syntax check",
  printed: "as printed in the generated file",
} as const;

const text = (key: string | undefined): string => (key === undefined ? "the text" : `the attribute name ${JSON.stringify(key)}`);

/** One renderer per fleet-check code. */
export const validateMessages: Renderers<ValidateFields> = {
  "nul-character": ({ key, index }) =>
    `${text(key)} contains a NUL character (\\u0000) at index ${index}, which Nix strings cannot hold; remove it`,
  "lone-surrogate": ({ key, index, unit }) =>
    `${text(key)} contains a lone UTF-16 surrogate (\\u${unit}) at index ${index}: half of a character, ` +
    "which has no UTF-8 encoding and cannot be written to a Nix file; keep both halves of the character or remove it",
  "integer-out-of-range": ({ value, min, max }) =>
    `is the integer ${value}, outside Nix's signed 64-bit integers (${min} to ${max}); use a smaller number, or a string`,
  "unsafe-integer": ({ value }) =>
    `is the integer ${value}, beyond 2^53 - 1, where JavaScript numbers stop holding every integer: the number written may have been rounded to this one before typeflake read it; ` +
    `write the exact digits as raw Nix, nix\`${value}\` (Nix integers hold 64 bits), to be sure`,
  "non-finite-number": ({ value, inExpression }) =>
    `is the number ${value}, which Nix cannot write (it has no NaN or infinity); use a finite number` +
    (inExpression ? " (mkOverride and mkOrder take an integer priority, such as 50 or 1000)" : ""),
  "subnormal-float": ({ value, min }) =>
    `is the float ${value}, closer to 0 than ${min}, the smallest float Nix reads back (it refuses subnormal numbers); use 0, or a string`,
  "sparse-array": ({ index }) =>
    `is an empty slot in a list (index ${index}, as in \`[a, , b]\`), and Nix lists have no gaps; remove the extra comma, or put a value there`,
  "binary-data": ({ kind }) =>
    `is ${kind}, binary data, which Nix cannot hold; write it as a string (base64, hex) or an array of numbers`,
  "cyclic-value": ({ sameAs }) =>
    `contains itself: it is the same object as ${sameAs.length ? formatObjectPath(sameAs) : "the whole definition"}, ` +
    "and Nix values cannot refer to themselves; write a copy of the part you need instead",
  "too-deep": ({ limit }) =>
    `is nested more than ${limit} levels deep; typeflake writes at most ${limit} levels of ` +
    "objects and arrays (no NixOS option needs more): flatten the value, or compute it in Nix with nix`…`",
  "port-conflict": ({ host, service, protocol, port, takenBy, takenAt }) =>
    `${service} claims ${protocol.toUpperCase()} port ${port} on host ${JSON.stringify(host)}, but ${takenBy} already listens there ` +
    `(${`${takenAt.file} ${formatObjectPath(takenAt.objectPath)}`.trim()}); move one of them to another port`,
  "home-name-clash": ({ user, host, generated }) =>
    `the home of ${user} on ${JSON.stringify(host)} would be generated as ${generated}, the file of ${user}'s shared home; ` +
    `rename the host, or configure ${user} on it in homes/${user}.ts`,
  "deploy-user-missing": ({ user, hosts, suggestion }) =>
    `typeflake deploy logs in to ${joinSome(hosts.map((host) => JSON.stringify(host)))} as ${JSON.stringify(user)}, ` +
    `which ${hosts.length === 1 ? "it does" : "they do"} not declare as an account, so the deploy's ssh login would fail` +
    suggestThen(
      suggestion,
      `Declare it (users: { ${JSON.stringify(user)}: { deploy: true, sshKeys: ["ssh-ed25519 AAAA… you@laptop"] } }, ` +
        "in a module every host uses to declare it once), or set deploy.sshUser to an account the hosts have",
    ),
  "unknown-time-zone": ({ timeZone, suggestion }) =>
    `${JSON.stringify(timeZone)} is not a zone of the IANA time zone database, so NixOS would link /etc/localtime to a file ` +
    "that does not exist and the machine would keep UTC" +
    suggestThen(suggestion, 'Zones are case-sensitive "Area/City" names, as `timedatectl list-timezones` lists them, or "UTC"'),
  "missing-shared-home": ({ user }) =>
    `a home for one host extends the user's shared home, and there is no homes/${user}.ts; create it with export default defineHome({ stateVersion: "${SUGGESTED_STATE_VERSION}" })`,
  "user-not-on-host": ({ user, host, hostFile }) =>
    `${JSON.stringify(host)} has no account ${JSON.stringify(user)}, so this home would not be used; add users: { ${user}: {} } to ${hostFile} or to a module it uses`,
  "unused-home": ({ user }) =>
    `no host has an account ${JSON.stringify(user)}, so this home is used nowhere; add users: { ${user}: {} } to a host or module`,
  "secret-in-home": ({ secret }) =>
    `secret(${JSON.stringify(secret)}) is decrypted by the host's NixOS configuration, which a home-manager module cannot refer to; ` +
    "use the secret in the host's or a module's configuration instead",
  "unstable-in-home": ({ package: name }) =>
    `home-manager modules do not receive "unstable"; use pkg(${JSON.stringify(name)}), or install the package from the host's packages`,
  "path-outside-fleet": ({ written, base, via }) =>
    `${JSON.stringify(written)} ${via === "path" ? "leads outside the fleet" : "is a symbolic link (or lies in a linked folder) leading outside the fleet"}; ` +
    `a flake can only read files inside its own folder. Move the file into the fleet and name it relative to ${relativeTo(base)}, e.g. "./hardware.nix"`,
  "names-generated-file": ({ written, resolved, source, itself }) =>
    `${JSON.stringify(written)} is ${resolved}, the file typeflake generates from ${source}, so it cannot hold hand-kept Nix ` +
    `(generate writes it over what you put there${itself ? ", and it would import itself" : ""}); give your file another name ` +
    '(e.g. "./hardware.nix") and write that path; a module typeflake generates is used by listing it in modules: […]',
  "missing-file": ({ written, resolved, base, suggestion, folder }) =>
    (folder
      ? `${JSON.stringify(written)} is a folder without a default.nix, the file Nix imports for a folder (no ${resolved} in the fleet); ` +
        `write ${resolved}, or name the file itself (relative to ${relativeTo(base)}).`
      : `${JSON.stringify(written)} does not exist (no ${resolved} in the fleet); create it, or correct the path (relative to ${relativeTo(base)}).`) +
    (suggestion === undefined ? "" : ` Did you mean ${JSON.stringify(suggestion)}?`),
  "missing-secret-file": ({ file, command, folder }) =>
    `the encrypted file ${file} does not exist yet; create it with \`${command}\`, run in ${folder}, before a host that uses its secrets is evaluated (sops-nix hashes the file, agenix copies it into the store, while the host evaluates)`,
  "duplicate-address": ({ address, of, host, file }) =>
    of === "address"
      ? `${JSON.stringify(address)} is already the address of host ${JSON.stringify(host)} (${file}); every host needs its own address`
      : `deploys to ${JSON.stringify(address)}, which is where host ${JSON.stringify(host)} (${file}) is deployed too; each host needs its own deploy target`,
  "clear-text-secret": ({ option }) =>
    `${option.join(".")} puts a secret in clear text into the Nix store, which every user of the machine can read; ${clearTextAlternative(option)}`,
  "invalid-package": ({ call, package: written, part, keyword }) => {
    if (written === "") return `${call}: must be ${PACKAGE_PATH_FORM}, got ""`;
    const why = part === "" ? "an empty part" : keyword ? `the Nix keyword ${JSON.stringify(part)}` : `the part ${JSON.stringify(part)}`;
    return `${call}: must be ${PACKAGE_PATH_FORM}; ${JSON.stringify(written)} has ${why}`;
  },
  "raw-nix-syntax": ({ checker, problem, line, column, sourceLine }) =>
    `the nix\`…\` fragment is not one valid Nix expression (${CHECKERS[checker]}): ${problem}, at line ${line}, ` +
    `column ${column} of the fragment (${JSON.stringify(sourceLine.length > 60 ? `${sourceLine.slice(0, 57)}...` : sourceLine)}); fix the Nix inside nix\`…\``,
  "unreadable-value": ({ reason }) => `cannot be validated: reading it threw ${reason}`,
  "checks-skipped": ({ files }) =>
    `checks that need ${joinSome(files)} (cross-host, ports, NixOS options and assertions of the hosts that use ${files.length === 1 ? "it" : "them"}) ` +
    `were skipped until the errors that keep ${files.length === 1 ? "it" : "them"} from loading or validating are fixed`,
};
