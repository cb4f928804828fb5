/**
 * `secrets/secrets.nix`, agenix's rules file: for each `.age` file, the public keys it is
 * encrypted to (the admins and the hosts that use the secret). `agenix -e <file>.age`, run in
 * `secrets/`, reads it. The agenix counterpart of `.sops.yaml`.
 */
import type { NixExpr } from "../nix/ast.ts";
import { assign, attrs, commented, concat, id, letIn, list, select, str } from "../nix/build.ts";
import { encryptedFiles } from "../lower/secrets/files.ts";
import { secretsSettings } from "../lower/secrets/settings.ts";
import type { Fleet } from "../model/fleet.ts";
import type { GeneratedNix } from "./generated-nix.ts";

/** The folder `agenix -e` runs in: the rules file's, as agenix resolves the file names in it from there. */
export const agenixCommandFolder = "secrets";

/** Where the rules file goes. */
const RULES_FILE = `${agenixCommandFolder}/secrets.nix`;

/** A fleet-root-relative path as agenix sees it from `secrets/`. */
export const fromSecretsFolder = (file: string): string => (file.startsWith("secrets/") ? file.slice("secrets/".length) : `../${file}`);

/** The keys one file is encrypted to: `admins ++ [ hosts.gateway ]`. */
const publicKeys = (hasAdmins: boolean, hosts: readonly string[]): NixExpr => {
  const hostKeys = list(hosts.map((host) => select("hosts", host)));
  if (!hosts.length) return id("admins");
  return hasAdmins ? concat(id("admins"), hostKeys) : hostKeys;
};

/**
 * The agenix rules file, or undefined when the fleet keeps its secrets with sops. `usage` maps
 * each secret to the hosts using it (see `secretUsage`).
 */
export const agenixRulesFile = (fleet: Fleet, usage: ReadonlyMap<string, readonly string[]>): GeneratedNix | undefined => {
  const settings = secretsSettings(fleet);
  if (!fleet.config.secrets || settings.backend !== "agenix") return undefined;
  const hostNames = Object.keys(settings.hostKeys).sort();
  const rules = encryptedFiles(fleet, usage).map(({ file, secrets, hosts }) =>
    commented(
      secrets.map(({ name, hosts: users }) => `${name}: ${users.length ? users.join(", ") : "used by no host"}`),
      assign([fromSecretsFolder(file), "publicKeys"], publicKeys(settings.admins.length > 0, hosts)),
    ),
  );
  return {
    path: RULES_FILE,
    source: fleet.configFile,
    comments: ["Which age keys each secret is encrypted to: the admins and the hosts that use it."],
    expr: letIn(
      [
        assign("admins", list(settings.admins.map((key) => str(key)))),
        assign("hosts", attrs(hostNames.map((host) => assign(host, str(settings.hostKeys[host] as string))))),
      ],
      attrs(rules),
    ),
    diagnostics: [],
  };
};
