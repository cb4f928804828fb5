/**
 * References across files: modules named by hosts and by the fleet, `host("…")`, secrets used with
 * `secret("…")` or listed in `secrets`, host keys for hosts, and `unstablePkg` without `unstable`.
 * Each unknown name comes with the closest known one.
 */
import { proseError, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/suggest.ts";
import { quotedList, suggestThen } from "../diagnostics/messages/words.ts";
import type { HostEntry, ModuleEntry } from "../model/fleet.ts";
import { inConfig, type FleetCheck, type FleetDraft } from "./draft.ts";
import { writtenExpressions } from "./written-expressions.ts";

const listOf = (what: string, names: ReadonlySet<string>): string =>
  names.size === 0 ? `There are no ${what}.` : `The ${what} are ${quotedList(names)}.`;

const unknownModule = (draft: FleetDraft, name: string, origin: SourceOrigin): Diagnostic =>
  proseError(
    "unknown-module",
    origin,
    `module ${JSON.stringify(name)} does not exist (no modules/${name}.ts)${suggestThen(closestMatch(name, draft.moduleNames), listOf("modules", draft.moduleNames))}`,
  );

const checkModules: FleetCheck = (draft) => [
  ...(draft.config?.modules ?? []).flatMap((name, index) =>
    draft.moduleNames.has(name) ? [] : [unknownModule(draft, name, inConfig(draft, "modules", index))],
  ),
  ...draft.hosts.flatMap((host) =>
    host.config.modules.flatMap((name, index) =>
      draft.moduleNames.has(name) ? [] : [unknownModule(draft, name, { file: host.file, objectPath: ["modules", index] })],
    ),
  ),
];

/** A secret name used at `origin`, checked against the fleet's declarations. */
const checkSecretName = (draft: FleetDraft, name: string, origin: SourceOrigin, used: string): Diagnostic[] => {
  if (!draft.config) return [];
  const secrets = draft.config.secrets;
  if (!secrets)
    return [
      proseError(
        "secrets-not-configured",
        origin,
        `${used}, but typeflake.config.ts has no secrets section; add secrets: { backend: "sops", secrets: { ${JSON.stringify(name)}: {} } } to defineFleet`,
      ),
    ];
  const declared = Object.keys(secrets.secrets);
  if (declared.includes(name)) return [];
  return [
    proseError(
      "unknown-secret",
      origin,
      `${used}, but it is not declared in typeflake.config.ts secrets.secrets${suggestThen(closestMatch(name, declared), `Declare it there as ${JSON.stringify(name)}: {}.`)}`,
    ),
  ];
};

/** Expression references and `secrets` lists inside one host or module. */
const checkEntry = (draft: FleetDraft, entry: HostEntry | ModuleEntry): Diagnostic[] => {
  const at = (objectPath: SourceOrigin["objectPath"]): SourceOrigin => ({ file: entry.file, objectPath });
  const listed = entry.config.secrets.flatMap((name, index) =>
    checkSecretName(draft, name, at(["secrets", index]), `secret ${JSON.stringify(name)} is listed`),
  );
  const referenced = writtenExpressions(entry.config).flatMap(({ expression, path }): Diagnostic[] => {
    switch (expression.kind) {
      case "secret":
      case "secretPath":
        return checkSecretName(draft, expression.name, at(path), `secret(${JSON.stringify(expression.name)}) is used`);
      case "host":
        return draft.hostNames.has(expression.host)
          ? []
          : [
              proseError(
                "unknown-host",
                at(path),
                `host(${JSON.stringify(expression.host)}) names no host of this fleet (no hosts/${expression.host}/host.ts)${suggestThen(closestMatch(expression.host, draft.hostNames), listOf("hosts", draft.hostNames))}`,
              ),
            ];
      case "package":
        return expression.set === "unstable" && draft.config && !draft.config.unstable
          ? [
              proseError(
                "unstable-not-configured",
                at(path),
                `unstablePkg(${JSON.stringify(expression.attrPath.join("."))}) needs a second nixpkgs; add unstable: { input: "nixpkgs-unstable" } and that input to typeflake.config.ts`,
              ),
            ]
          : [];
      default:
        return [];
    }
  });
  // secret("k") carries secret("k").path inside it: one written reference, one report.
  const seen = new Set<string>();
  return [...listed, ...referenced].filter((diagnostic) => {
    const key = `${diagnostic.code} ${diagnostic.origin.objectPath.join("\0")} ${JSON.stringify(diagnostic.data)}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
};

const checkHostKeys: FleetCheck = (draft) =>
  Object.keys(draft.config?.secrets?.hostKeys ?? {}).flatMap((name) =>
    draft.hostNames.has(name)
      ? []
      : [
          proseError(
            "unknown-host",
            inConfig(draft, "secrets", "hostKeys", name),
            `is the key of host ${JSON.stringify(name)}, which does not exist (no hosts/${name}/host.ts)${suggestThen(closestMatch(name, draft.hostNames), listOf("hosts", draft.hostNames))}`,
          ),
        ],
  );

/** Every reference to a module, host or secret that does not exist. */
export const checkReferences: FleetCheck = (draft) => [
  ...checkModules(draft),
  ...[...draft.hosts, ...draft.modules].flatMap((entry) => checkEntry(draft, entry)),
  ...checkHostKeys(draft),
];
