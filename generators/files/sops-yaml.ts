/**
 * `.sops.yaml`: the age keys of the admins and of each host, and one creation rule per encrypted
 * file giving the admins and the hosts that use a secret in that file the right to decrypt it.
 * Rendered with handlebars from `sops-yaml.hbs`.
 */
import { renderGeneratedHeader } from "../emit/header.ts";
import { encryptedFiles } from "../lower/secrets/files.ts";
import { secretsSettings } from "../lower/secrets/settings.ts";
import type { Fleet } from "../model/fleet.ts";
import { fileTemplate } from "./templates.ts";

interface SopsYamlView {
  readonly header: string;
  readonly keys: readonly { readonly anchor: string; readonly key: string }[];
  readonly rules: readonly {
    readonly file: string;
    readonly pathRegex: string;
    readonly secrets: readonly { readonly name: string; readonly hosts: string }[];
    readonly recipients: readonly string[];
  }[];
}

const template = fileTemplate<SopsYamlView>("sops-yaml.hbs");

const adminAnchor = (index: number): string => `admin_${index + 1}`;
const hostAnchor = (host: string): string => `host_${host}`;

/**
 * A regex matching exactly the file's path as sops sees it: relative to the folder of
 * `.sops.yaml` (the fleet root). Anchored at both ends, so `secrets.yaml`'s rule cannot also
 * match `vault/secrets.yaml`: sops takes the first rule that matches.
 */
export const pathRegex = (file: string): string => `^${file.replace(/[.+*?^$()[\]{}|\\]/g, "\\$&")}$`;

/** Deeper paths first, then by path: with whole-path rules the order is moot, but safe for hand edits. */
const mostSpecificFirst = (a: { readonly file: string }, b: { readonly file: string }): number =>
  b.file.split("/").length - a.file.split("/").length || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * The `.sops.yaml` for the fleet. `usage` maps each secret to the hosts using it (see
 * `secretUsage`); secrets used but not declared live in the default file. Hosts without a key in
 * `secrets.hostKeys` cannot be listed (the cross-host check reports them).
 */
export const renderSopsYaml = (fleet: Fleet, usage: ReadonlyMap<string, readonly string[]>): string => {
  const settings = secretsSettings(fleet);
  const admins = settings.admins.map((_, index) => adminAnchor(index));
  const rules = [...encryptedFiles(fleet, usage)].sort(mostSpecificFirst).flatMap(({ file, secrets, hosts }) => {
    const recipients = [...admins, ...hosts.map(hostAnchor)];
    // A rule nobody could decrypt with would make sops refuse to encrypt the file at all.
    if (!recipients.length) return [];
    return [{ file, pathRegex: pathRegex(file), secrets: secrets.map(({ name, hosts: users }) => ({ name, hosts: users.join(", ") })), recipients }];
  });
  return template({
    header: renderGeneratedHeader(fleet.configFile, "#"),
    keys: [
      ...settings.admins.map((key, index) => ({ anchor: adminAnchor(index), key })),
      ...Object.keys(settings.hostKeys)
        .sort()
        .map((host) => ({ anchor: hostAnchor(host), key: settings.hostKeys[host] as string })),
    ],
    rules,
  });
};
