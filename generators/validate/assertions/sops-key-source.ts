/**
 * sops-nix (`modules/sops/default.nix`): a host with `sops.secrets` needs a key source:
 * `sops.age.keyFile`, `sops.age.sshKeyPaths` (by default the ed25519 keys of
 * `services.openssh.hostKeys` when OpenSSH is on), or GnuPG. typeflake writes `sops.age.keyFile`
 * only from `secrets.ageKeyFile`: a host without it decrypts with its SSH host key, so a host with
 * OpenSSH off (or a raw override clearing the key file) and no other source is what this catches.
 */
import { hostLabel, refused, type HostAssertion } from "./assertion.ts";
import { booleanOf, isSet, UNKNOWN, type HostOptions } from "./host-options.ts";

const SOPS_MESSAGE =
  "No key source configured for sops. Either set services.openssh.enable or set sops.age.keyFile or sops.gnupg.home or sops.gnupg.qubes-split-gpg.enable";

/** Whether a list option is non-empty: true, false (also when unset), or undefined when only Nix can tell. */
const nonEmpty = (options: HostOptions, ...path: string[]): boolean | undefined => {
  const option = options.get(...path);
  if (!option) return false;
  return option.value === UNKNOWN ? undefined : Array.isArray(option.value) && option.value.length > 0;
};

/** Whether a boolean option is on: false also when unset (these options default to false). */
const enabled = (options: HostOptions, ...path: string[]): boolean | undefined => {
  const option = options.get(...path);
  return option === undefined ? false : booleanOf(option);
};

/** Hosts whose sops secrets no key source can decrypt. */
export const sopsKeySource: HostAssertion = (options) => {
  const [first] = options.namesUnder("sops", "secrets");
  if (first === undefined) return [];
  const keyFile = options.get("sops", "age", "keyFile");
  const sources = [
    isSet(keyFile),
    isSet(options.get("sops", "gnupg", "home")),
    enabled(options, "sops", "gnupg", "qubes-split-gpg", "enable"),
    nonEmpty(options, "sops", "gnupg", "sshKeyPaths"),
    // sshKeyPaths defaults to the OpenSSH host keys when OpenSSH is on.
    options.get("sops", "age", "sshKeyPaths") ? nonEmpty(options, "sops", "age", "sshKeyPaths") : enabled(options, "services", "openssh", "enable"),
  ];
  if (sources.some((source) => source !== false)) return [];
  return [
    refused(
      "sops-no-key-source",
      keyFile?.origins.at(-1) ?? { file: options.host.file, objectPath: [] },
      `${hostLabel(options)} uses sops secret ${JSON.stringify(first)} but has no key to decrypt it with: no sops.age.keyFile, and OpenSSH (whose host key sops-nix uses by default) is off`,
      SOPS_MESSAGE,
      'enable OpenSSH on the host so sops-nix decrypts with its SSH host key, or set secrets.ageKeyFile (e.g. "/var/lib/sops-nix/key.txt", a key file that must exist on the host)',
    ),
  ];
};
