/**
 * Every source file of a synthetic fleet, as `{ path → text }`, in either layout (see `Layout`).
 */
import { hostIdentities, type HostIdentity } from "./identity.ts";
import { type FleetSpec } from "./spec.ts";
import { configSource, hostObjectSource, MODULE_SOURCES, tunnelRole, type HostExpressions, type TunnelRole } from "./template.ts";

/** Source files by path relative to the fleet root, with `/` separators. */
export type FleetSources = ReadonlyMap<string, string>;

/** The root file of the one-file layout (not a file typeflake discovers itself). */
export const ONE_FILE = "fleet-hosts.ts";

const quote = (text: string): string => JSON.stringify(text);

const description = (spec: FleetSpec): string =>
  `typeflake benchmark: ${spec.hosts} hosts, ${spec.topology === "mesh" ? "WireGuard full mesh" : "WireGuard hub and spoke"}`;

/** A host's values as literals, for its own host.ts. */
const literals = (host: HostIdentity): HostExpressions => ({
  address: quote(host.address),
  tunnelIp: quote(host.tunnelIp),
  wireguardKey: quote(host.wireguardKey),
  backupsComment: quote(`backups of ${host.name}`),
  serverNameKey: quote(`${host.name}.bench.lab`),
});

/** A host's values read from the loop variable `host`, for the one-file layout. */
const LOOP_VALUES: HostExpressions = {
  address: "host.address",
  tunnelIp: "host.tunnelIp",
  wireguardKey: "host.wireguardKey",
  backupsComment: "`backups of ${host.name}`",
  serverNameKey: "[`${host.name}.bench.lab`]",
};

const moduleFiles = (): [string, string][] => Object.entries(MODULE_SOURCES).map(([name, text]) => [`modules/${name}.ts`, text]);

/** Layout `folders`: every host written out in full in its own host.ts. */
const folderSources = (spec: FleetSpec, hosts: readonly HostIdentity[]): FleetSources => {
  const hostKeys = `{\n${hosts.map((host) => `    ${quote(host.name)}: ${quote(host.ageKey)},`).join("\n")}\n  }`;
  const hostFiles = hosts.map((host, index): [string, string] => [
    `hosts/${host.name}/host.ts`,
    `import { defineHost, secret } from "typeflake";\n\nexport default defineHost(${hostObjectSource(literals(host), tunnelRole(spec.topology, index))});\n`,
  ]);
  return new Map([["typeflake.config.ts", configSource(description(spec), hostKeys)], ...moduleFiles(), ...hostFiles]);
};

const ROLE_FUNCTION: Readonly<Record<TunnelRole, string>> = { hub: "hubHost", spoke: "spokeHost", mesh: "meshHost" };

/** `fleet-hosts.ts`: the host table, one function per tunnel role, and the loop. */
const oneFileSource = (spec: FleetSpec, hosts: readonly HostIdentity[]): string => {
  const roles: TunnelRole[] = spec.topology === "mesh" ? ["mesh"] : ["hub", "spoke"];
  const builders = roles.map(
    (role) => `const ${ROLE_FUNCTION[role]} = (host: Host): HostInput =>\n  defineHost(${hostObjectSource(LOOP_VALUES, role, "  ")});`,
  );
  const pick = spec.topology === "mesh" ? "meshHost(host)" : "index === 0 ? hubHost(host) : spokeHost(host)";
  return `/** Every host of the fleet, defined in one loop over a table. */
import { defineHost, secret, type HostInput } from "typeflake";

interface Host {
  readonly name: string;
  readonly address: string;
  readonly tunnelIp: string;
  readonly wireguardKey: string;
  readonly ageKey: string;
}

const HOSTS: readonly Host[] = [
${hosts.map((host) => `  ${JSON.stringify(host)},`).join("\n")}
];

${builders.join("\n\n")}

/** Each host's definition, by name. */
export const hosts: ReadonlyMap<string, HostInput> = new Map(HOSTS.map((host, index) => [host.name, ${pick}]));

/** Each host's age key, for secrets.hostKeys. */
export const hostKeys: Record<string, string> = Object.fromEntries(HOSTS.map((host) => [host.name, host.ageKey]));
`;
};

/** Layout `one-file`: the hosts defined in a loop in fleet-hosts.ts; host.ts files pick theirs. */
const oneFileSources = (spec: FleetSpec, hosts: readonly HostIdentity[]): FleetSources => {
  const hostFiles = hosts.map((host): [string, string] => [
    `hosts/${host.name}/host.ts`,
    `import { hosts } from "../../${ONE_FILE}";\n\nexport default hosts.get(${quote(host.name)});\n`,
  ]);
  const config = configSource(description(spec), "hostKeys", `import { hostKeys } from "./${ONE_FILE}";\n`);
  return new Map([["typeflake.config.ts", config], [ONE_FILE, oneFileSource(spec, hosts)], ...moduleFiles(), ...hostFiles]);
};

/**
 * The encrypted file the fleet's secrets live in (sops' default `secrets/secrets.yaml`): a real
 * fleet has one, so the synthetic fleets do too (its content is never read).
 */
const SECRETS_FILE: [string, string] = ["secrets/secrets.yaml", "# stands for the sops-encrypted secrets of a synthetic bench fleet\n"];

/** The source files of the fleet `spec` describes. */
export const fleetSources = (spec: FleetSpec): FleetSources => {
  const hosts = hostIdentities(spec.hosts);
  return new Map([...(spec.layout === "folders" ? folderSources(spec, hosts) : oneFileSources(spec, hosts)), SECRETS_FILE]);
};
