/**
 * References across files: modules named by hosts and by the fleet, `host("…")`, secrets used with
 * `secret("…")` or listed in `secrets`, host keys for hosts, and `unstablePkg` without `unstable`.
 * Each unknown name comes with the closest known one.
 */
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { knownNames, suggestionFor } from "../diagnostics/suggest.ts";
import type { HostEntry, ModuleEntry } from "../model/fleet.ts";
import { hostReference, inConfig, mayExist, type FleetCheck, type FleetDraft } from "./draft.ts";
import { writtenOf } from "../model/written-expressions.ts";

const unknownModule = (draft: FleetDraft, name: string, origin: SourceOrigin): Diagnostic =>
  error("unknown-module", origin, { module: name, ...knownNames(name, draft.moduleNames.found) });

const checkModules: FleetCheck = (draft) => [
  ...(draft.config?.modules ?? []).flatMap((name, index) =>
    mayExist(draft.moduleNames, name) ? [] : [unknownModule(draft, name, inConfig(draft, "modules", index))],
  ),
  ...draft.hosts.flatMap((host) =>
    host.config.modules.flatMap((name, index) =>
      mayExist(draft.moduleNames, name) ? [] : [unknownModule(draft, name, { file: host.file, objectPath: ["modules", index] })],
    ),
  ),
];

/** A secret name used at `origin`, checked against the fleet's declarations. */
const checkSecretName = (draft: FleetDraft, name: string, origin: SourceOrigin, use: "listed" | "used"): Diagnostic[] => {
  if (!draft.config) return [];
  const secrets = draft.config.secrets;
  if (!secrets) return [error("secrets-not-configured", origin, { secret: name, use })];
  const declared = Object.keys(secrets.secrets);
  if (declared.includes(name)) return [];
  return [error("unknown-secret", origin, { secret: name, use, ...suggestionFor(name, declared) })];
};

/** Expression references and `secrets` lists inside one host or module. */
const checkEntry = (draft: FleetDraft, entry: HostEntry | ModuleEntry): Diagnostic[] => {
  const at = (objectPath: SourceOrigin["objectPath"]): SourceOrigin => ({ file: entry.file, objectPath });
  const listed = entry.config.secrets.flatMap((name, index) =>
    checkSecretName(draft, name, at(["secrets", index]), "listed"),
  );
  const referenced = writtenOf(draft.written, entry).flatMap(({ expression, path }): Diagnostic[] => {
    switch (expression.kind) {
      case "secret":
      case "secretPath":
        return checkSecretName(draft, expression.name, at(path), "used");
      case "host":
        return hostReference(draft, expression.host, at(path), { kind: "expression" });
      case "package":
        return expression.set === "unstable" && draft.config && !draft.config.unstable
          ? [error("unstable-not-configured", at(path), { in: "reference", use: { package: expression.attrPath.join(".") } })]
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
    hostReference(draft, name, inConfig(draft, "secrets", "hostKeys", name), { kind: "host-key" }),
  );

/** Every reference to a module, host or secret that does not exist. */
export const checkReferences: FleetCheck = (draft) => [
  ...checkModules(draft),
  ...[...draft.hosts, ...draft.modules].flatMap((entry) => checkEntry(draft, entry)),
  ...checkHostKeys(draft),
];
