/**
 * Homes against the rest of the fleet: the `home-manager` flake input they need, the host a
 * per-host home names and the account it must have there, the shared home a per-host one
 * extends, and the values a home-manager module cannot receive (NixOS secrets, `unstable`).
 */
import { error, warning, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { suggestionFor } from "../diagnostics/suggest.ts";
import type { HomeEntry } from "../model/fleet.ts";
import { homeNixPath, SHARED_HOME_NIX, usersOfHost } from "../model/homes.ts";
import { hostReference, inConfig, type FleetDraft } from "./draft.ts";
import { writtenExpressions } from "../model/written-expressions.ts";
import { homeManagerUrl } from "./suggested-inputs.ts";

/** The input home-manager's NixOS module comes from. */
const HOME_MANAGER_INPUT = "home-manager";

const missingInput = (draft: FleetDraft, homes: readonly HomeEntry[]): Diagnostic[] => {
  const config = draft.config;
  const input = HOME_MANAGER_INPUT;
  if (!config || !homes.length || input in config.inputs) return [];
  const url = homeManagerUrl(config.inputs["nixpkgs"]?.url);
  return [
    error(
      "missing-input",
      inConfig(draft, "inputs"),
      { input, url, reason: { kind: "home", file: homes[0]?.file ?? "" }, ...suggestionFor(input, Object.keys(config.inputs)) },
      homes.map((home) => ({ file: home.file, objectPath: [] })),
    ),
  ];
};

/** A per-host home: its host exists, has the account, is not named like the shared file. */
const checkPerHost = (draft: FleetDraft, home: HomeEntry, homeNames: ReadonlySet<string>): Diagnostic[] => {
  const host = home.host as string;
  const at: SourceOrigin = { file: home.file, objectPath: [] };
  const unknown = hostReference(draft, host, at, { kind: "home", home: home.name });
  if (unknown.length > 0) return unknown;
  const problems: Diagnostic[] = [];
  if (`${host}.nix` === SHARED_HOME_NIX)
    problems.push(error("home-name-clash", at, { user: home.user, host, generated: homeNixPath(home) }));
  if (!homeNames.has(home.user))
    problems.push(error("missing-shared-home", at, { user: home.user }));
  const entry = draft.hosts.find((candidate) => candidate.name === host);
  if (draft.config && entry && !usersOfHost({ config: draft.config, modules: draft.modules }, entry).includes(home.user))
    problems.push(error("user-not-on-host", at, { user: home.user, host, hostFile: entry.file }, [{ file: entry.file, objectPath: ["users"] }]));
  return problems;
};

/** A shared home whose user exists on no host is generated but used nowhere: worth a warning. */
const checkShared = (draft: FleetDraft, home: HomeEntry): Diagnostic[] => {
  const config = draft.config;
  // A host or module that failed may be the one with the account: no guess about the others.
  const incomplete = [draft.hostNames, draft.moduleNames].some((names) => names.unlisted) || draft.hosts.length < draft.hostNames.found.size || draft.modules.length < draft.moduleNames.found.size;
  if (!config || incomplete || draft.hosts.some((host) => usersOfHost({ config, modules: draft.modules }, host).includes(home.user))) return [];
  return [warning("unused-home", { file: home.file, objectPath: [] }, { user: home.user })];
};

/** Values that only make sense in a NixOS module, and host references to hosts that do not exist. */
const checkValues = (draft: FleetDraft, home: HomeEntry): Diagnostic[] =>
  writtenExpressions(home.config).flatMap(({ expression, path }): Diagnostic[] => {
    const at = { file: home.file, objectPath: path };
    switch (expression.kind) {
      case "secret":
      case "secretPath":
        return [error("secret-in-home", at, { secret: expression.name })];
      case "package":
        return expression.set === "unstable"
          ? [error("unstable-in-home", at, { package: expression.attrPath.join(".") })]
          : [];
      case "host":
        return hostReference(draft, expression.host, at, { kind: "expression" });
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
