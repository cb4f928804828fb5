/**
 * A host can only decrypt secrets encrypted to its age key, so every host that uses a secret
 * needs a key in `secrets.hostKeys` (the generated `.sops.yaml` or agenix rules list it there).
 */
import { error, type Diagnostic, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import { secretsSettings } from "../../lower/secrets/settings.ts";
import { bodiesOfHost, secretsOfHost, writtenIn, type FleetIndex } from "../../model/fleet-index.ts";
import type { HostEntry } from "../../model/fleet.ts";

/** Where `host` first uses secret `name`: a `secret(…)` in one of its files, or a `secrets` list. */
export const firstSecretUse = (index: FleetIndex, host: HostEntry, name: string): SourceOrigin => {
  for (const body of bodiesOfHost(index, host)) {
    const use = writtenIn(index, body).find(
      ({ expression }) => (expression.kind === "secret" || expression.kind === "secretPath") && expression.name === name,
    );
    if (use) return { file: body.file, objectPath: use.path };
    const listed = body.config.secrets.indexOf(name);
    if (listed >= 0) return { file: body.file, objectPath: ["secrets", listed] };
  }
  return { file: host.file, objectPath: [] };
};

/** Every secret used by a host that has no age key to decrypt it with. */
export const checkSecretAccess = (index: FleetIndex): Diagnostic[] => {
  const { fleet } = index;
  const settings = secretsSettings(fleet);
  return fleet.hosts.flatMap((host) =>
    settings.hostKeys[host.name] !== undefined
      ? []
      : secretsOfHost(index, host).map((name) =>
          error(
            "secret-not-decryptable",
            firstSecretUse(index, host, name),
            { host: host.name, secret: name, key: settings.backend === "agenix" && !settings.ageKeyFile ? "ssh" : "age", address: host.config.address },
            [{ file: fleet.configFile, objectPath: ["secrets", "hostKeys"] }],
          ),
        ),
  );
};
