/**
 * A host can decrypt only what is encrypted to a key it holds. agenix decrypts with
 * `age.identityPaths`: by default the host's SSH host keys, so its recipient must be its SSH
 * public key (an `age1…` key is a different key pair); with `secrets.ageKeyFile` it is that age
 * identity, whose recipient is `age1…`. sops encrypts to age recipients only (`.sops.yaml`'s
 * `age:` list): an SSH key must be converted with `ssh-to-age` first.
 */
import { secretsSettings, settingOrigin } from "../../lower/secrets/settings.ts";
import { hostLabel, type HostAssertion } from "./assertion.ts";
import { proseError } from "../../diagnostics/diagnostic.ts";
import type { HostOptions } from "./host-options.ts";
import { secretsOfHost } from "../../model/host-modules.ts";

const isAgeKey = (key: string): boolean => key.startsWith("age1");

/** How a host decrypts agenix secrets: its SSH host keys, the fleet's age key file, or something raw Nix chose. */
const agenixIdentity = (options: HostOptions, configFile: string): "ssh" | "age" | "other" => {
  const identities = options.get("age", "identityPaths");
  if (!identities) return "ssh";
  return identities.origins.every((origin) => origin.file === configFile && origin.objectPath.join(".") === "secrets.ageKeyFile") ? "age" : "other";
};

/** Host keys in `secrets.hostKeys` that the host could not decrypt with. */
export const hostKeyRecipients: HostAssertion = (options, fleet) => {
  const settings = secretsSettings(fleet);
  const key = settings.hostKeys[options.host.name];
  // Only a host that uses secrets gets files encrypted to its key.
  if (key === undefined || secretsOfHost(fleet, options.host).length === 0) return [];
  const at = settingOrigin(fleet, "hostKeys", options.host.name);
  if (settings.backend === "sops") {
    return isAgeKey(key)
      ? []
      : [
          proseError(
            "host-key-not-decryptable",
            at,
            `is an SSH key, but sops encrypts only to age recipients (.sops.yaml's age: list), so ${hostLabel(options)} could not decrypt its secrets; write its age key instead, converted from the SSH host key with \`ssh-keyscan -t ed25519 ${options.host.config.address} | ssh-to-age\``,
          ),
        ];
  }
  const identity = agenixIdentity(options, fleet.configFile);
  if (identity === "ssh" && isAgeKey(key)) {
    return [
      proseError(
        "host-key-not-decryptable",
        at,
        `is an age key, but ${hostLabel(options)} decrypts its agenix secrets with its SSH host key (age.identityPaths defaults to the OpenSSH host keys), which cannot decrypt files encrypted to an age1… recipient; write the host's SSH public key instead (the line of /etc/ssh/ssh_host_ed25519_key.pub, e.g. from \`ssh-keyscan -t ed25519 ${options.host.config.address}\`), or set secrets.ageKeyFile to the age identity file on the host`,
      ),
    ];
  }
  if (identity === "age" && !isAgeKey(key)) {
    return [
      proseError(
        "host-key-not-decryptable",
        at,
        `is an SSH key, but ${hostLabel(options)} decrypts its agenix secrets with the age identity ${settings.ageKeyFile} (secrets.ageKeyFile), which cannot decrypt files encrypted to an SSH recipient; write that identity's age public key (\`age-keygen -y ${settings.ageKeyFile}\`), or remove secrets.ageKeyFile to decrypt with the SSH host keys`,
        [settingOrigin(fleet, "ageKeyFile")],
      ),
    ];
  }
  return [];
};
