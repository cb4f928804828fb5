/**
 * agenix (`modules/age.nix`): a host with `age.secrets` needs `age.identityPaths`, which by
 * default lists the RSA and ed25519 keys of `services.openssh.hostKeys`, and only when OpenSSH
 * is enabled. Without either, agenix asserts "age.identityPaths must be set.".
 */
import { secretsSettings, settingOrigin } from "../../lower/secrets/settings.ts";
import { firstSecretUse } from "../cross-host/secret-access.ts";
import { hostLabel, refused, refusing, type HostAssertion } from "./assertion.ts";
import { booleanOf } from "./host-options.ts";

const AGENIX_MESSAGE = "age.identityPaths must be set.";

const FIX =
  'enable OpenSSH on it (services: { openssh: openssh({}) }, or nixos: { services: { openssh: { enable: true } } }), whose host keys agenix then decrypts with, or set secrets.ageKeyFile in typeflake.config.ts to the age identity file on the host';

/** The SSH host key types agenix takes from `services.openssh.hostKeys`. */
const AGENIX_SSH_TYPES = new Set(["rsa", "ed25519"]);

/** Hosts whose agenix secrets have no identity to be decrypted with. */
export const agenixIdentity: HostAssertion = (options, index) => {
  const { fleet } = index;
  if (secretsSettings(fleet).backend !== "agenix") return [];
  const secrets = options.namesUnder("age", "secrets");
  const [first] = secrets;
  if (first === undefined) return [];
  const at = firstSecretUse(index, options.host, first);
  const identities = options.get("age", "identityPaths");
  if (identities) {
    // Only an empty list is known to be empty (raw Nix and other values are for Nix to judge).
    if (!Array.isArray(identities.value) || identities.value.length > 0) return [];
    return [
      refused(
        "agenix-no-identity",
        identities.origins[0] ?? at,
        `age.identityPaths is empty but ${hostLabel(options)} uses agenix secret ${JSON.stringify(first)}`,
        AGENIX_MESSAGE,
        "list the key file the host decrypts with, e.g. [\"/etc/ssh/ssh_host_ed25519_key\"], or leave the option unset",
      ),
    ];
  }
  const ssh = options.get("services", "openssh", "enable");
  if (ssh && booleanOf(ssh) === undefined) return [];
  if (booleanOf(ssh) !== true) {
    // Unset, OpenSSH may be enabled in hand-written Nix; turned off here, it stays off.
    return [
      refusing(options, ssh === undefined)(
        "agenix-no-identity",
        at,
        `${hostLabel(options)} uses agenix secret ${JSON.stringify(first)} but neither enables OpenSSH (whose host keys are agenix's default identities) nor sets age.identityPaths`,
        AGENIX_MESSAGE,
        FIX,
        [settingOrigin(fleet, "backend")],
      ),
    ];
  }
  const hostKeys = options.get("services", "openssh", "hostKeys");
  if (!hostKeys || !Array.isArray(hostKeys.value)) return [];
  const usable = hostKeys.value.some(
    (key) => typeof key === "object" && key !== null && !Array.isArray(key) && AGENIX_SSH_TYPES.has(String((key as Record<string, unknown>)["type"])),
  );
  return usable
    ? []
    : [
        refused(
          "agenix-no-identity",
          hostKeys.origins[0] ?? at,
          `services.openssh.hostKeys of ${hostLabel(options)} has no rsa or ed25519 key, the only kinds agenix decrypts with, and it uses agenix secret ${JSON.stringify(first)}`,
          AGENIX_MESSAGE,
          'add { type: "ed25519", path: "/etc/ssh/ssh_host_ed25519_key" } to it, or set secrets.ageKeyFile in typeflake.config.ts',
        ),
      ];
};
