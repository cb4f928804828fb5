/**
 * sops-nix: the default encrypted file, the host's age key file when the fleet names one, and one
 * `sops.secrets."<name>"` per secret the host uses (`{ }` when the secret keeps every default, as hand-written configs do):
 * its owner and mode, its own file and that file's format (when it is not the default file's, which
 * `sops.defaultSopsFormat` gives), and `neededForUsers` for a user's password file.
 */
import { nixPath } from "../../../dsl/expressions.ts";
import { warning, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { Definition } from "../contribution.ts";
import { setFields } from "../emit.ts";
import type { SecretsLowering } from "./backend.ts";
import { passwordSecretsOf } from "./password-secrets.ts";
import { secretsSettings, settingOrigin } from "./settings.ts";
import { sopsFormatOf } from "../../../dsl/sops-format.ts";

/** sops-nix definitions for the secrets a host uses. */
export const lowerSops: SecretsLowering = (fleet, secretNames, context) => {
  const settings = secretsSettings(fleet);
  const root = context.fleetRootFromFile;
  const passwordSecrets = passwordSecretsOf(context.index, context.hostName);
  const defaultFormat = sopsFormatOf(settings.defaultFile);
  const definitions: Definition[] = [
    { path: ["sops", "defaultSopsFile"], value: nixPath(`${root}${settings.defaultFile}`), origin: settingOrigin(fleet, "defaultFile") },
    ...(defaultFormat ? [{ path: ["sops", "defaultSopsFormat"], value: defaultFormat, origin: settingOrigin(fleet, "defaultFile") }] : []),
    // Unset, sops-nix decrypts with the SSH host key (sops.age.sshKeyPaths), as hostKeys made with
    // ssh-to-age expect; a key file named here must exist on the host, or activation fails.
    ...(settings.ageKeyFile ? [{ path: ["sops", "age", "keyFile"], value: settings.ageKeyFile, origin: settingOrigin(fleet, "ageKeyFile") }] : []),
    ...secretNames.map((name) => {
      const declared = settings.secrets[name];
      const format = sopsFormatOf(declared?.file ?? settings.defaultFile);
      return {
        path: ["sops", "secrets", name],
        value: setFields({
          owner: declared?.owner,
          group: declared?.group,
          mode: declared?.mode,
          sopsFile: declared?.file && declared.file !== settings.defaultFile ? nixPath(`${root}${declared.file}`) : undefined,
          format: format === defaultFormat ? undefined : (format ?? "yaml"),
          restartUnits: declared?.restartUnits?.length ? declared.restartUnits : undefined,
          neededForUsers: passwordSecrets.has(name) ? true : undefined,
        }),
        origin: declared ? settingOrigin(fleet, "secrets", name) : context.origin,
      };
    }),
  ];
  // sops-install-secrets -ignore-passwd, which installs them, chowns to root:root whatever they say.
  const diagnostics: Diagnostic[] = secretNames.flatMap((name) => {
    const declared = settings.secrets[name];
    if (!declared || !passwordSecrets.has(name)) return [];
    return (["owner", "group"] as const).flatMap((field) => {
      const value = declared[field];
      return value === undefined || value === "root"
        ? []
        : [warning("password-secret-owner", settingOrigin(fleet, "secrets", name, field), { field, value })];
    });
  });
  return { definitions, ports: [], diagnostics };
};
