/**
 * sops-nix: the default encrypted file, the host's age key, and one `sops.secrets."<name>"` per
 * secret the host uses (`{ }` when the secret keeps every default, as hand-written configs do).
 */
import { nixPath } from "../../../dsl/expressions.ts";
import type { Definition } from "../contribution.ts";
import { setFields } from "../emit.ts";
import type { SecretsLowering } from "./backend.ts";
import { secretsSettings, settingOrigin } from "./settings.ts";

/** sops-nix's conventional location of the host's age key. */
const SOPS_DEFAULT_KEY_FILE = "/var/lib/sops-nix/key.txt";

/** sops-nix definitions for the secrets a host uses. */
export const lowerSops: SecretsLowering = (fleet, secretNames, context) => {
  const settings = secretsSettings(fleet);
  const root = context.fleetRootFromFile;
  const definitions: Definition[] = [
    { path: ["sops", "defaultSopsFile"], value: nixPath(`${root}${settings.defaultFile}`), origin: settingOrigin(fleet, "defaultFile") },
    { path: ["sops", "age", "keyFile"], value: settings.ageKeyFile ?? SOPS_DEFAULT_KEY_FILE, origin: settingOrigin(fleet, "ageKeyFile") },
    ...secretNames.map((name) => {
      const declared = settings.secrets[name];
      return {
        path: ["sops", "secrets", name],
        value: setFields({
          owner: declared?.owner,
          group: declared?.group,
          mode: declared?.mode,
          sopsFile: declared?.file && declared.file !== settings.defaultFile ? nixPath(`${root}${declared.file}`) : undefined,
          restartUnits: declared?.restartUnits?.length ? declared.restartUnits : undefined,
        }),
        origin: declared ? settingOrigin(fleet, "secrets", name) : context.origin,
      };
    }),
  ];
  return { definitions, ports: [], diagnostics: [] };
};
