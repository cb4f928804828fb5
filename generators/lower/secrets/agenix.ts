/**
 * agenix: the identity the host decrypts with and one `age.secrets."<name>"` per secret the host
 * uses, each its own `.age` file (`secrets/<name>.age` unless the secret names another).
 */
import { nixPath } from "../../../dsl/expressions.ts";
import { warning, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { Definition } from "../contribution.ts";
import { setFields } from "../emit.ts";
import type { SecretsLowering } from "./backend.ts";
import { secretFilePath } from "./files.ts";
import { secretsSettings, settingOrigin } from "./settings.ts";

/** agenix definitions for the secrets a host uses. */
export const lowerAgenix: SecretsLowering = (fleet, secretNames, context) => {
  const settings = secretsSettings(fleet);
  const root = context.fleetRootFromFile;
  const definitions: Definition[] = [
    // Without a key file agenix decrypts with the host's SSH host keys, its own default.
    ...(settings.ageKeyFile
      ? [{ path: ["age", "identityPaths"], value: [settings.ageKeyFile], origin: settingOrigin(fleet, "ageKeyFile") }]
      : []),
    ...secretNames.map((name) => {
      const declared = settings.secrets[name];
      return {
        path: ["age", "secrets", name],
        value: setFields({
          file: nixPath(`${root}${secretFilePath(settings, name)}`),
          owner: declared?.owner,
          group: declared?.group,
          mode: declared?.mode,
        }),
        origin: declared ? settingOrigin(fleet, "secrets", name) : context.origin,
      };
    }),
  ];
  const diagnostics: Diagnostic[] = secretNames.flatMap((name) =>
    settings.secrets[name]?.restartUnits?.length
      ? [
          warning("unsupported-restart-units", settingOrigin(fleet, "secrets", name, "restartUnits"), {}),
        ]
      : [],
  );
  return { definitions, ports: [], diagnostics };
};
