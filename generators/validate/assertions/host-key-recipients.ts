/**
 * A host can decrypt only what is encrypted to a key it holds. agenix decrypts with
 * `age.identityPaths`: by default the host's SSH host keys, so its recipient must be its SSH
 * public key (an `age1…` key is a different key pair); with `secrets.ageKeyFile` it is that age
 * identity, whose recipient is `age1…`. sops encrypts to age recipients only (`.sops.yaml`'s
 * `age:` list): an SSH key must be converted with `ssh-to-age` first.
 */
import { secretsSettings, settingOrigin } from "../../lower/secrets/settings.ts";
import type { HostAssertion } from "./assertion.ts";
import { error } from "../../diagnostics/diagnostic.ts";
import type { HostOptions } from "./host-options.ts";
import { secretsOfHost } from "../../model/fleet-index.ts";

const isAgeKey = (key: string): boolean => key.startsWith("age1");

/** How a host decrypts agenix secrets: its SSH host keys, the fleet's age key file, or something raw Nix chose. */
const agenixIdentity = (options: HostOptions, configFile: string): "ssh" | "age" | "other" => {
  const identities = options.get("age", "identityPaths");
  if (!identities) return "ssh";
  return identities.origins.every((origin) => origin.file === configFile && origin.objectPath.join(".") === "secrets.ageKeyFile") ? "age" : "other";
};

/** Host keys in `secrets.hostKeys` that the host could not decrypt with. */
export const hostKeyRecipients: HostAssertion = (options, index) => {
  const { fleet } = index;
  const settings = secretsSettings(fleet);
  const key = settings.hostKeys[options.host.name];
  // Only a host that uses secrets gets files encrypted to its key.
  if (key === undefined || secretsOfHost(index, options.host).length === 0) return [];
  const at = settingOrigin(fleet, "hostKeys", options.host.name);
  if (settings.backend === "sops") {
    return isAgeKey(key)
      ? []
      : [
          error("host-key-not-decryptable", at, { host: options.host.name, address: options.host.config.address, key: "ssh", decrypts: "sops" }),
        ];
  }
  const identity = agenixIdentity(options, fleet.configFile);
  if (identity === "ssh" && isAgeKey(key)) {
    return [
      error("host-key-not-decryptable", at, { host: options.host.name, address: options.host.config.address, key: "age", decrypts: "ssh-host-key" }),
    ];
  }
  if (identity === "age" && !isAgeKey(key)) {
    return [
      error(
        "host-key-not-decryptable",
        at,
        { host: options.host.name, address: options.host.config.address, key: "ssh", decrypts: "age-identity", identity: settings.ageKeyFile ?? "" },
        [settingOrigin(fleet, "ageKeyFile")],
      ),
    ];
  }
  return [];
};
