/**
 * Homes against the rest of the fleet: the `home-manager` flake input they need, the host a
 * per-host home names and the account it must have there, the shared home a per-host one
 * extends, and the values a home-manager module cannot receive (NixOS secrets, `unstable`).
 */
import { proseError, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/suggest.ts";
import { quotedList, suggestThen } from "../diagnostics/messages/words.ts";
import type { HomeEntry } from "../model/fleet.ts";
import { homeNixPath, SHARED_HOME_NIX, usersOfHost } from "../model/homes.ts";
import { inConfig, type FleetDraft } from "./draft.ts";
import { writtenExpressions } from "./written-expressions.ts";

/** The input home-manager's NixOS module comes from, as the fleet should declare it. */
const HOME_MANAGER_INPUT = {
  name: "home-manager",
  url: "github:nix-community/home-manager/release-24.11",
} as const;

const missingInput = (draft: FleetDraft, homes: readonly HomeEntry[]): Diagnostic[] => {
  const config = draft.config;
  if (!config || !homes.length || HOME_MANAGER_INPUT.name in config.inputs) return [];
  const example = `inputs: { "home-manager": { url: ${JSON.stringify(HOME_MANAGER_INPUT.url)}, follows: { nixpkgs: "nixpkgs" } } }`;
  return [
    proseError(
      "missing-input",
      inConfig(draft, "inputs"),
      `the flake input "home-manager" is missing (${homes[0]?.file} defines a home)${suggestThen(closestMatch(HOME_MANAGER_INPUT.name, Object.keys(config.inputs)), `Add ${example}; use the release branch matching nixpkgs.`)}`,
      homes.map((home) => ({ file: home.file, objectPath: [] })),
    ),
  ];
};

/** A per-host home: its host exists, has the account, is not named like the shared file. */
const checkPerHost = (draft: FleetDraft, home: HomeEntry, homeNames: ReadonlySet<string>): Diagnostic[] => {
  const host = home.host as string;
  const at: SourceOrigin = { file: home.file, objectPath: [] };
  if (!draft.hostNames.has(host)) {
    const known = draft.hostNames.size ? `The hosts are ${quotedList(draft.hostNames)}.` : "There are no hosts.";
    return [proseError("unknown-host", at, `${home.name} names the host "${host}", which does not exist (no hosts/${host}/host.ts)${suggestThen(closestMatch(host, draft.hostNames), known)}`)];
  }
  const problems: Diagnostic[] = [];
  if (`${host}.nix` === SHARED_HOME_NIX)
    problems.push(proseError("home-name-clash", at, `the home of ${home.user} on "${host}" would be generated as ${homeNixPath(home)}, the file of ${home.user}'s shared home; rename the host, or configure ${home.user} on it in homes/${home.user}.ts`));
  if (!homeNames.has(home.user))
    problems.push(proseError("missing-shared-home", at, `a home for one host extends the user's shared home, and there is no homes/${home.user}.ts; create it with export default defineHome({ stateVersion: "24.11" })`));
  const entry = draft.hosts.find((candidate) => candidate.name === host);
  if (draft.config && entry && !usersOfHost({ config: draft.config, modules: draft.modules }, entry).includes(home.user))
    problems.push(proseError("user-not-on-host", at, `"${host}" has no account "${home.user}", so this home would not be used; add users: { ${home.user}: {} } to ${entry.file} or to a module it uses`, [{ file: entry.file, objectPath: ["users"] }]));
  return problems;
};

/** A shared home whose user exists on no host is generated but used nowhere: worth a warning. */
const checkShared = (draft: FleetDraft, home: HomeEntry): Diagnostic[] => {
  const config = draft.config;
  // A host or module that failed may be the one with the account: no guess about the others.
  const incomplete = draft.hosts.length < draft.hostNames.size || draft.modules.length < draft.moduleNames.size;
  if (!config || incomplete || draft.hosts.some((host) => usersOfHost({ config, modules: draft.modules }, host).includes(home.user))) return [];
  return [
    {
      ...proseError("unused-home", { file: home.file, objectPath: [] }, `no host has an account "${home.user}", so this home is used nowhere; add users: { ${home.user}: {} } to a host or module`),
      severity: "warning",
    },
  ];
};

/** Values that only make sense in a NixOS module, and host references to hosts that do not exist. */
const checkValues = (draft: FleetDraft, home: HomeEntry): Diagnostic[] =>
  writtenExpressions(home.config).flatMap(({ expression, path }): Diagnostic[] => {
    const at = { file: home.file, objectPath: path };
    switch (expression.kind) {
      case "secret":
      case "secretPath":
        return [proseError("secret-in-home", at, `secret(${JSON.stringify(expression.name)}) is decrypted by the host's NixOS configuration, which a home-manager module cannot refer to; use the secret in the host's or a module's configuration instead`)];
      case "package":
        return expression.set === "unstable"
          ? [proseError("unstable-in-home", at, `home-manager modules do not receive "unstable"; use pkg(${JSON.stringify(expression.attrPath.join("."))}), or install the package from the host's packages`)]
          : [];
      case "host":
        return draft.hostNames.has(expression.host)
          ? []
          : [proseError("unknown-host", at, `host(${JSON.stringify(expression.host)}) names no host of this fleet${suggestThen(closestMatch(expression.host, draft.hostNames), `The hosts are ${quotedList(draft.hostNames)}.`)}`)];
      default:
        return [];
    }
  });

/**
 * Every problem of `homes` (those that passed their schemas) in the context of the fleet.
 * `homeNames` holds every home file's name, valid or not, so one mistake is reported once.
 */
export const checkHomes = (homes: readonly HomeEntry[], homeNames: ReadonlySet<string>, draft: FleetDraft): Diagnostic[] => [
  ...missingInput(draft, homes),
  ...homes.flatMap((home) => [
    ...(home.host === undefined ? checkShared(draft, home) : checkPerHost(draft, home, homeNames)),
    ...checkValues(draft, home),
  ]),
];
