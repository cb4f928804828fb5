/**
 * A host can only decrypt secrets encrypted to its age key, so every host that uses a secret
 * needs a key in `secrets.hostKeys` (the generated `.sops.yaml` or agenix rules list it there).
 */
import { proseError, type Diagnostic, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import { bodiesOfHost } from "../../lower/services/fleet-view.ts";
import { secretsSettings } from "../../lower/secrets/settings.ts";
import type { Fleet, HostEntry } from "../../model/fleet.ts";
import { secretsOfHost } from "../../model/host-modules.ts";
import { writtenExpressions } from "../written-expressions.ts";

/** Where `host` first uses secret `name`: a `secret(…)` in one of its files, or a `secrets` list. */
export const firstSecretUse = (fleet: Fleet, host: HostEntry, name: string): SourceOrigin => {
  for (const body of bodiesOfHost(fleet, host)) {
    const use = writtenExpressions(body.config).find(
      ({ expression }) => (expression.kind === "secret" || expression.kind === "secretPath") && expression.name === name,
    );
    if (use) return { file: body.file, objectPath: use.path };
    const listed = body.config.secrets.indexOf(name);
    if (listed >= 0) return { file: body.file, objectPath: ["secrets", listed] };
  }
  return { file: host.file, objectPath: [] };
};

/** Every secret used by a host that has no age key to decrypt it with. */
export const checkSecretAccess = (fleet: Fleet): Diagnostic[] => {
  const settings = secretsSettings(fleet);
  return fleet.hosts.flatMap((host) =>
    settings.hostKeys[host.name] !== undefined
      ? []
      : secretsOfHost(fleet, host).map((name) =>
          proseError(
            "secret-not-decryptable",
            firstSecretUse(fleet, host, name),
            `host "${host.name}" uses secret ${JSON.stringify(name)} but has no ${settings.backend === "agenix" && !settings.ageKeyFile ? "SSH" : "age"} key in secrets.hostKeys, so it cannot decrypt it; ` +
              (settings.backend === "agenix" && !settings.ageKeyFile
                ? `add hostKeys: { ${JSON.stringify(host.name)}: "ssh-ed25519 AAAA…" } to typeflake.config.ts (the host's SSH public key, e.g. from \`ssh-keyscan -t ed25519 ${host.config.address}\`)`
                : `add hostKeys: { ${JSON.stringify(host.name)}: "age1…" } to typeflake.config.ts (the host's key, e.g. \`ssh-to-age < /etc/ssh/ssh_host_ed25519_key.pub\`)`),
            [{ file: fleet.configFile, objectPath: ["secrets", "hostKeys"] }],
          ),
        ),
  );
};
