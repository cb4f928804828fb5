/**
 * The example fleets under examples/: each is regenerated and compared with its committed
 * output (golden trees), parsed and schema-checked, and evaluated with the real nix.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evalFlakeJson } from "../support/flake-eval.ts";
import {
  expectCommittedOutputCurrent,
  expectNixParses,
  expectOptionsConform,
  generateFleet,
  type FleetOutput,
} from "../support/fleet-output.ts";

const EXAMPLES = join(import.meta.dirname, "../../examples");

/** agenix's `age.*` options are not part of the shipped option schema (which has sops-nix's). */
const NOT_IN_SCHEMA = ["age"];

/** Per example: one batched nix expression over the flake's outputs, and the values it must give. */
const EXPECTED: Record<string, { readonly expr: string; readonly values: Record<string, unknown> }> = {
  minimal: {
    expr: `self: let box = self.nixosConfigurations.box.config; in {
      ssh = box.services.openssh.settings.PermitRootLogin;
      tcp = box.networking.firewall.allowedTCPPorts;
      admin = box.users.users.admin.extraGroups;
      deployOutputs = [ (self ? deploy) (self ? colmenaHive) (self ? checks) ];
    }`,
    values: { ssh: "prohibit-password", tcp: [22], admin: ["wheel"], deployOutputs: [false, false, false] },
  },
  "media-server": {
    expr: `self: let media = self.nixosConfigurations.media.config; player = self.nixosConfigurations.player.config; in {
      exports = media.services.nfs.server.exports;
      music = media.services.samba.settings.music."valid users";
      movies = media.services.samba.settings.movies."guest ok";
      scrub = media.services.zfs.autoScrub.enable;
      mount = { inherit (player.fileSystems."/mnt/movies") device fsType; };
      timeout = self.deploy.nodes.media.confirmTimeout;
    }`,
    values: {
      exports:
        "/media/movies 192.168.1.0/24(ro,sync,no_subtree_check)\n" +
        "/media/music 192.168.1.0/24(rw,sync,no_subtree_check) 10.8.0.0/24(ro,sync,no_subtree_check)\n",
      music: "alice @family",
      movies: "yes",
      scrub: true,
      mount: { device: "192.168.1.10:/media/movies", fsType: "nfs" },
      timeout: 120,
    },
  },
  lab: {
    expr: `self: let c = self.nixosConfigurations; in {
      hubPeers = map (p: p.name) c.gw.config.networking.wireguard.interfaces.wg0.peers;
      spokeEndpoint = (builtins.head c.web1.config.networking.wireguard.interfaces.wg0.peers).endpoint;
      www = c.gw.config.services.nginx.virtualHosts."www.lab.example.com".locations."/beta/".proxyPass;
      acme = c.gw.config.security.acme.defaults.email;
      gwTarget = self.deploy.nodes.gw.hostname;
      sshOpts = self.deploy.nodes.web1.sshOpts;
      remoteBuild = self.deploy.nodes.build.remoteBuild;
      dbSecret = c.db.config.sops.secrets."wireguard/db".path;
      sopsChecked = builtins.all (host: c.\${host}.config.sops.secretsChecked) (builtins.attrNames c);
    }`,
    values: {
      hubPeers: ["build", "db", "mon", "web1", "web2"],
      spokeEndpoint: "vpn.lab.example.com:51820",
      www: "http://10.1.0.12:8080",
      acme: "admin@lab.example.com",
      gwTarget: "gw.lab.example.com",
      sshOpts: ["-o", "StrictHostKeyChecking=accept-new"],
      remoteBuild: true,
      dbSecret: "/run/secrets/wireguard/db",
      sopsChecked: true,
    },
  },
  "colmena-agenix": {
    expr: `self: let c = self.nixosConfigurations; in {
      piSystem = c.pi.pkgs.system;
      piPeer = (builtins.head c.pi.config.networking.wireguard.interfaces.wg0.peers).endpoint;
      towerKey = c.tower.config.networking.wireguard.interfaces.wg0.privateKeyFile;
      ping = c.tower.config.networking.firewall.allowPing;
      nodes = builtins.attrNames self.colmenaHive.nodes;
      # agenix decrypts with the SSH host keys, so OpenSSH must be on and the identities derived from it.
      identities = map (h: h.config.age.identityPaths) [ c.pi c.tower ];
      agenixAssertion = c.pi.config.age.secretsChecked && c.tower.config.age.secretsChecked;
      rootLogin = c.pi.config.services.openssh.settings.PermitRootLogin;
      recipients = builtins.mapAttrs (_: rule: map (key: builtins.head (builtins.split " " (builtins.substring 0 12 key))) rule.publicKeys) (import (self + "/secrets/secrets.nix"));
      encryptedFiles = map (file: builtins.pathExists (self + file)) [ "/secrets/wg-pi.age" "/secrets/wg-tower.age" ];
    }`,
    values: {
      piSystem: "aarch64-linux",
      piPeer: "192.168.1.3:51820",
      towerKey: "/run/agenix/wg-tower",
      ping: false,
      nodes: ["pi", "tower"],
      identities: [
        ["/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ed25519_key"],
        ["/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ed25519_key"],
      ],
      agenixAssertion: true,
      rootLogin: "prohibit-password",
      recipients: { "wg-pi.age": ["ssh-ed25519"], "wg-tower.age": ["ssh-ed25519"] },
      encryptedFiles: [true, true],
    },
  },
};

describe.each(Object.keys(EXPECTED))("examples/%s", (name) => {
  let output: FleetOutput;
  beforeAll(async () => {
    output = await generateFleet(join(EXAMPLES, name));
  });

  it("has committed output identical to what its TypeScript generates", () => expectCommittedOutputCurrent(output));
  it("parses with nix-instantiate", () => expectNixParses(output.plan));
  it("emits only NixOS options that exist, with compatible values", () =>
    expectOptionsConform(output.nix, NOT_IN_SCHEMA));
  it("evaluates with the real nix", () => {
    const { expr, values } = EXPECTED[name] as (typeof EXPECTED)[string];
    expect(evalFlakeJson(output.root, expr)).toEqual(values);
  });
});
