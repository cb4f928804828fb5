/**
 * Which encrypted file holds each secret, and who must be able to decrypt each file: the admins,
 * and the hosts that use a secret stored in it. The `.sops.yaml` and agenix rules are both made
 * from this.
 */
import { defaultAgenixFile } from "../../../dsl/secret-backends.ts";
import type { SecretsConfig } from "../../../dsl/secrets.ts";
import type { Fleet } from "../../model/fleet.ts";
import { secretsSettings } from "./settings.ts";

/** The encrypted file of a secret, relative to the fleet root. */
export const secretFilePath = (settings: SecretsConfig, name: string): string =>
  settings.secrets[name]?.file ?? (settings.backend === "agenix" ? defaultAgenixFile(name) : settings.defaultFile);

/** One encrypted file and the keys it is encrypted to. */
export interface EncryptedFile {
  /** Path relative to the fleet root, e.g. `secrets/secrets.yaml`. */
  readonly file: string;
  /** The secrets it holds, with the hosts using each (sorted). */
  readonly secrets: readonly { readonly name: string; readonly hosts: readonly string[] }[];
  /** Hosts with a key in `hostKeys` that use at least one of its secrets, sorted. */
  readonly hosts: readonly string[];
}

/**
 * Every encrypted file of the fleet, sorted by path: each declared or used secret's file, and for
 * sops the default file (so admins can create it before any secret is used).
 */
export const encryptedFiles = (fleet: Fleet, usage: ReadonlyMap<string, readonly string[]>): EncryptedFile[] => {
  const settings = secretsSettings(fleet);
  const names = [...new Set([...Object.keys(settings.secrets), ...usage.keys()])].sort();
  const files = [...new Set([...(settings.backend === "sops" ? [settings.defaultFile] : []), ...names.map((name) => secretFilePath(settings, name))])].sort();
  return files.map((file) => {
    const secrets = names.filter((name) => secretFilePath(settings, name) === file).map((name) => ({ name, hosts: usage.get(name) ?? [] }));
    const users = new Set(secrets.flatMap((secret) => secret.hosts));
    return { file, secrets, hosts: Object.keys(settings.hostKeys).filter((host) => users.has(host)).sort() };
  });
};
