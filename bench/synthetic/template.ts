/**
 * The TypeScript text of a synthetic fleet's definitions. A host is written once, as a template
 * whose per-host values are TypeScript expressions: quoted literals in a host folder's own file,
 * loop variables in the one-file layout. Both layouts therefore describe the same fleet.
 *
 * Every host runs Samba, NFS, nginx and WireGuard and uses the two shared modules (`common`:
 * OpenSSH, a deploy user, packages; `monitoring`: the node exporter).
 */
import type { Topology } from "./spec.ts";
import { LAN } from "./identity.ts";

/** A host's per-host values, each as TypeScript text (`"10.1.0.2"` or `host.address`). */
export interface HostExpressions {
  readonly address: string;
  readonly tunnelIp: string;
  readonly wireguardKey: string;
  /** The comment of the `backups` share, e.g. `"backups of hub"`. */
  readonly backupsComment: string;
  /** The nginx server name as an object key: `"hub.bench.lab"` or `` [`${host.name}.bench.lab`] ``. */
  readonly serverNameKey: string;
}

/** How a host takes part in the tunnels: the hub, a spoke joining it, or a mesh member. */
export type TunnelRole = "hub" | "spoke" | "mesh";

/** The role of host `index` in a fleet of the given topology. */
export const tunnelRole = (topology: Topology, index: number): TunnelRole =>
  topology === "mesh" ? "mesh" : index === 0 ? "hub" : "spoke";

const ROLE_FIELDS: Readonly<Record<TunnelRole, string>> = {
  hub: "listenPort: 51820",
  spoke: 'join: { host: "hub" }',
  mesh: 'listenPort: 51820, mesh: "fleet"',
};

/** The object passed to `defineHost`, as TypeScript text indented by `indent`. */
export const hostObjectSource = (values: HostExpressions, role: TunnelRole, indent = ""): string =>
  `{
  address: ${values.address},
  modules: ["common", "monitoring"],
  services: {
    samba: {
      global: { security: "user", serverMinProtocol: "SMB3", workgroup: "BENCH" },
      shares: {
        media: { path: "/srv/media", readOnly: false, validUsers: ["media"] },
        backups: { path: "/srv/backups", readOnly: false, validUsers: ["backup"], comment: ${values.backupsComment} },
      },
    },
    nfs: { exports: [{ path: "/srv/media", clients: [{ host: ${JSON.stringify(LAN)}, options: ["rw", "sync", "no_subtree_check"] }] }] },
    nginx: {
      recommendedProxySettings: true,
      virtualHosts: { ${values.serverNameKey}: { locations: { "/": { proxyPass: "http://127.0.0.1:8080" } } } },
    },
    wireguard: {
      wg0: { ips: [${values.tunnelIp}], privateKey: secret("wireguard-key"), publicKey: ${values.wireguardKey}, ${ROLE_FIELDS[role]} },
    },
  },
  users: { media: { isNormalUser: false, group: "media" }, backup: { isNormalUser: false, group: "backup" } },
  groups: { media: {}, backup: {} },
}`.replaceAll("\n", `\n${indent}`);

/** `typeflake.config.ts`; `hostKeys` is a TypeScript expression for the host → age key record. */
export const configSource = (description: string, hostKeys: string, prelude = ""): string => `import { defineFleet } from "typeflake";
${prelude}
export default defineFleet({
  description: ${JSON.stringify(description)},
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },
  secrets: { hostKeys: ${hostKeys}, secrets: { "wireguard-key": {} } },
  deploy: { tool: "deploy-rs", sshUser: "deploy", user: "root" },
});
`;

/** The two shared modules every host uses, by name. */
export const MODULE_SOURCES: Readonly<Record<string, string>> = {
  common: `import { defineModule, pkg } from "typeflake";

export default defineModule({
  description: "Base configuration of every benchmark host",
  timeZone: "UTC",
  packages: [pkg("htop"), pkg("git")],
  services: { openssh: {} },
  users: { deploy: { deploy: true, sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbenchmarkdeploykeyonly deploy@bench"] } },
});
`,
  monitoring: `import { defineModule } from "typeflake";

export default defineModule({
  description: "Prometheus node exporter",
  services: { nodeExporter: {} },
});
`,
};
