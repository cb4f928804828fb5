/**
 * Every option path the service, user and secret lowerings emit exists in NixOS
 * (data/nixos/nixos-options.json) and every value fits the option's type.
 */
import { describe, expect, it } from "vitest";
import { host, pkg, secret } from "../../dsl/expressions.ts";
import type { Definition } from "../../generators/lower/contribution.ts";
import { lowerSecrets } from "../../generators/lower/secrets/index.ts";
import { lowerServices } from "../../generators/lower/services.ts";
import { lowerUsers } from "../../generators/lower/users.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { indexFleet, secretsOfHost } from "../../generators/model/fleet-index.ts";
import { buildFleet } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";
import { AGE, SSH_KEY, WG } from "./support/keys.ts";
import { checkDefinition } from "./support/option-schema.ts";

/** Every feature of every builder, on hosts that peer with each other. */
const everything = (backend: "sops" | "agenix"): Fleet =>
  buildFleet({
    config: {
      modules: ["base"],
      secrets: {
        backend,
        // The hosts' keys are age keys: sops decrypts with them from a key file.
        ...(backend === "sops" && { ageKeyFile: "/var/lib/sops-nix/key.txt" }),
        admins: [AGE.admin],
        hostKeys: { hub: AGE.gateway, spoke: AGE.nas },
        secrets: { "wireguard-key": { owner: "root", group: "systemd-network", mode: "0440", restartUnits: ["wireguard-wg0.service"], file: "secrets/hub.yaml" } },
      },
    },
    hosts: {
      hub: {
        address: "10.0.20.1",
        services: {
          wireguard: {
            wg0: {
              ips: ["10.100.0.1/24", "fd10::1/64"],
              listenPort: 51820,
              mtu: 1420,
              privateKey: secret("wireguard-key"),
              publicKey: WG.gateway,
              endpointAddress: "vpn.example.com",
              peers: [{ name: "phone", publicKey: WG.phone, allowedIPs: ["10.100.0.9/32"], endpoint: "203.0.113.7:51820", persistentKeepalive: 25, presharedKey: secret("psk") }],
            },
            mesh0: { ips: ["10.200.0.1/24"], listenPort: 51821, privateKey: secret("mesh-key"), publicKey: WG.laptop, mesh: "lab" },
          },
          nginx: {
            recommendedProxySettings: true,
            recommendedTlsSettings: true,
            recommendedGzipSettings: true,
            recommendedOptimisation: true,
            acme: { email: "admin@example.com", acceptTerms: true },
            virtualHosts: {
              "grafana.lab.example.com": {
                enableACME: true,
                forceSSL: true,
                serverAliases: ["g.lab.example.com"],
                extraConfig: "client_max_body_size 10m;",
                locations: {
                  "/": { proxyPass: host("spoke").port(3000), proxyWebsockets: true, extraConfig: "proxy_buffering off;" },
                  "/static/": { alias: "/var/www/static/", index: "index.html", tryFiles: "$uri =404" },
                  "= /health": { return: 200 },
                },
              },
              "files.lab.example.com": { useACMEHost: "grafana.lab.example.com", addSSL: true, root: "/srv/files" },
              internal: { onlySSL: true, sslCertificate: "/var/lib/certs/internal.pem", sslCertificateKey: secret("tls-key"), default: true },
            },
          },
        },
      },
      spoke: {
        address: "10.0.20.10",
        firewall: { allowedTCPPorts: [3000] },
        services: {
          wireguard: {
            wg0: { ips: ["10.100.0.2/24"], privateKey: secret("wireguard-key").path, publicKey: WG.nas, join: { host: "hub" } },
            mesh0: { ips: ["10.200.0.2/24"], privateKey: secret("mesh-key"), publicKey: WG.compute, mesh: "lab" },
          },
          samba: {
            global: { security: "user", serverMinProtocol: "SMB3", serverMaxProtocol: "SMB3_11", workgroup: "LAB", serverString: "NAS", netbiosName: "NAS", mapToGuest: "Bad User", hostsAllow: ["10.0.20.0/24"], extra: { "log level": 1 } },
            shares: {
              media: {
                path: "/tank/media",
                comment: "Media",
                readOnly: false,
                browseable: true,
                guestOk: false,
                validUsers: ["media", "@family"],
                createMask: "0644",
                directoryMask: "0755",
                forceUser: "media",
                forceGroup: "media",
                extra: { "vfs objects": ["catia", "fruit"], "fruit:metadata": "stream" },
              },
            },
          },
          nfs: { exports: [{ path: "/tank/media", clients: [{ host: "10.0.20.0/24", options: ["rw", "sync", "no_subtree_check"] }, { host: host("hub") }] }] },
          nfsMounts: { "/mnt/backup": { host: host("hub"), export: "/srv/backup", options: ["nfsvers=4.2"] } },
          docker: { autoPrune: { dates: "daily", flags: ["--all"] }, storageDriver: "zfs", logDriver: "journald", enableOnBoot: true, users: ["alice"] },
          nodeExporter: { port: 9101, listenAddress: "10.0.20.10", enabledCollectors: ["systemd"], disabledCollectors: ["wifi"] },
        },
        users: {
          alice: { uid: 1000, description: "Alice", extraGroups: ["media"], sshKeys: [SSH_KEY], shell: pkg("zsh"), hashedPasswordFile: secret("users/alice"), packages: [pkg("git")] },
          media: { isNormalUser: false, group: "media" },
        },
        groups: { media: { gid: 2000, members: ["alice"] } },
      },
    },
    modules: {
      base: {
        services: {
          openssh: { ports: [22, 2222], permitRootLogin: "prohibit-password", settings: { ClientAliveInterval: 300, AllowUsers: ["deploy", "alice"], LogLevel: "VERBOSE", X11Forwarding: false }, openFirewall: false },
        },
        users: { deploy: { description: "Deployment user", sshKeys: [SSH_KEY], deploy: true } },
      },
    },
  });

/** Everything the lowerings emit for every host and module of `fleet`. */
const allDefinitions = (fleet: Fleet): Definition[] => {
  const index = indexFleet(fleet);
  return [
    ...[...fleet.hosts, ...fleet.modules].flatMap((entry) => {
      const hostName = fleet.hosts.includes(entry as (typeof fleet.hosts)[number]) ? entry.name : undefined;
      const origin = { file: entry.file, objectPath: [] };
      return [
        ...lowerServices(entry.config.services, { index, hostName, origin: { ...origin, objectPath: ["services"] } }).definitions,
        ...lowerUsers(entry.config, { index, hostName, origin }).definitions,
      ];
    }),
    ...fleet.hosts.flatMap((entry) => {
      const names = secretsOfHost(index, entry);
      return names.length ? lowerSecrets(fleet, names, { index, hostName: entry.name, origin: { file: entry.file, objectPath: [] }, fleetRootFromFile: "../../" }).definitions : [];
    }),
  ];
};

const problemsOf = (fleet: Fleet): string[] => allDefinitions(fleet).flatMap((definition) => checkDefinition(definition.path, definition.value));

describe("option conformance", () => {
  it("the reference homelab emits only declared options with values of their types", () => {
    expect(problemsOf(homelab())).toEqual([]);
  });

  it("every builder feature, with sops-nix, emits only declared options with values of their types", () => {
    const fleet = everything("sops");
    const paths = new Set(allDefinitions(fleet).map((definition) => definition.path.slice(0, 2).join(".")));
    // The fleet really exercises every lowering.
    expect([...paths].sort()).toEqual([
      "fileSystems./mnt/backup",
      "networking.wireguard",
      "nix.settings",
      "security.acme",
      "security.sudo",
      "services.nfs",
      "services.nginx",
      "services.openssh",
      "services.prometheus",
      "services.samba",
      "sops.age",
      "sops.defaultSopsFile",
      "sops.secrets",
      "users.groups",
      "users.users",
      "virtualisation.docker",
    ]);
    expect(problemsOf(fleet)).toEqual([]);
  });

  it("with agenix too (its options are listed in support/option-schema.ts: the snapshot lacks them)", () => {
    expect(problemsOf(everything("agenix"))).toEqual([]);
  });

  it("the checker itself refuses unknown options and ill-typed values", () => {
    expect(checkDefinition(["services", "samba", "enabled"], true)).toEqual(["services.samba.enabled: no such NixOS option"]);
    expect(checkDefinition(["services", "samba", "settings", "global"], { security: "share" })).toEqual(['services.samba.settings.global.security: "share" is not of type enum']);
    expect(checkDefinition(["networking", "wireguard", "interfaces", "wg0", "listenPort"], "51820")).toHaveLength(1);
    expect(checkDefinition(["networking", "wireguard", "interfaces", "wg0", "peers"], [{ publicKey: "k", allowedIP: [] }])).toEqual([
      "networking.wireguard.interfaces.wg0.peers.*.allowedIP: no such NixOS option",
    ]);
    expect(checkDefinition(["sops", "age", "keyFile"], secret("x"))).toEqual([]);
    expect(checkDefinition(["services", "openssh", "settings"], { PermitRootLogin: "maybe" })).toHaveLength(1);
    expect(checkDefinition(["fileSystems", "/mnt/x"], { device: "a:/b", fsType: "nfs", options: [] })).toEqual(["fileSystems./mnt/x.options: must not be empty"]);
  });
});
