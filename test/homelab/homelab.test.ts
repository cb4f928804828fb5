/**
 * The reference homelab end to end: the committed output is current, every file is real Nix,
 * every option typeflake emits exists in NixOS with a compatible type, and the flake evaluates
 * with the real nix (inputs replaced by the local stub flakes) to the seed's values.
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

const ROOT = join(import.meta.dirname, "../..");

let output: FleetOutput;
beforeAll(async () => {
  output = await generateFleet(ROOT);
});

describe("the reference homelab", () => {
  it("has committed output that is current (npm run check passes)", () => expectCommittedOutputCurrent(output));

  it("writes the files of the article's layout", () => {
    expect(output.plan.files.map((file) => file.path)).toEqual(expect.arrayContaining([
      ".sops.yaml",
      "flake.nix",
      "hosts/compute/default.nix",
      "hosts/gateway/default.nix",
      "hosts/nas/default.nix",
      "modules/common.nix",
      "modules/docker-host.nix",
      "modules/monitoring.nix",
      "modules/networking.nix",
      "overlays/default.nix",
    ]));
  });

  it("prints every Nix file so that nix-instantiate parses it", () => expectNixParses(output.plan));

  it("emits only NixOS options that exist, with values of a compatible type", () => expectOptionsConform(output.nix));

  it("evaluates with the real nix to the seed's values", () => {
    const values = evalFlakeJson(
      ROOT,
      `self: let c = self.nixosConfigurations; nas = c.nas.config; gateway = c.gateway.config; in {
        nasHostId = nas.networking.hostId;
        nasPools = nas.boot.zfs.extraPools;
        nasFilesystems = nas.boot.supportedFilesystems;
        samba = nas.services.samba.settings;
        exports = nas.services.nfs.server.exports;
        nasTcp = nas.networking.firewall.allowedTCPPorts;
        forward = gateway.boot.kernel.sysctl."net.ipv4.ip_forward";
        wg = { inherit (gateway.networking.wireguard.interfaces.wg0) ips listenPort privateKeyFile peers; };
        proxy = gateway.services.nginx.virtualHosts."grafana.lab.local".locations."/".proxyPass;
        nginx = { inherit (gateway.services.nginx) enable recommendedProxySettings recommendedTlsSettings; };
        gatewayTcp = gateway.networking.firewall.allowedTCPPorts;
        gatewayUdp = gateway.networking.firewall.allowedUDPPorts;
        gatewayWg0Tcp = gateway.networking.firewall.interfaces.wg0.allowedTCPPorts;
        sops = { inherit (nas.sops) age; secret = gateway.sops.secrets."wireguard-key".path; };
        dbOwner = c.compute.config.sops.secrets."database/password".owner;
        sopsChecked = builtins.all (host: c.\${host}.config.sops.secretsChecked) [ "compute" "gateway" "nas" ];
        nodes = builtins.mapAttrs (name: node: builtins.removeAttrs node [ "profiles" ]) self.deploy.nodes;
        statusScript = c.nas.pkgs.homelab-status.text;
        exporter = c.compute.pkgs.prometheus-node-exporter.name;
        checks = builtins.attrNames self.checks;
      }`,
    ) as Record<string, unknown>;

    expect(values["nasHostId"]).toBe("a1b2c3d4");
    expect(values["nasPools"]).toEqual(["tank"]);
    expect(values["nasFilesystems"]).toEqual(["zfs"]);
    expect(values["samba"]).toEqual({
      global: { security: "user", "server min protocol": "SMB3" },
      media: { path: "/tank/media", "read only": "no", "valid users": "media" },
      backups: { path: "/tank/backups", "read only": "no", "valid users": "backup" },
    });
    expect(values["exports"]).toBe("/tank/media 10.0.20.0/24(rw,sync,no_subtree_check)\n");
    expect(values["nasTcp"]).toEqual(expect.arrayContaining([445, 139, 2049]));
    expect(values["forward"]).toBe(1);
    expect(values["wg"]).toEqual({
      ips: ["10.100.0.1/24"],
      listenPort: 51820,
      privateKeyFile: "/run/secrets/wireguard-key",
      peers: [
        { name: "compute", publicKey: "LVZAQ+4wTCBix3HIFlXyK9hh07aOfo9PnoaM8+MsgHA=", allowedIPs: ["10.100.0.3/32"] },
        { name: "nas", publicKey: "VTPUF2SpJ11k4PFoRNDg4h+NfVG3blLvYUqNn2ThYbA=", allowedIPs: ["10.100.0.2/32"] },
      ],
    });
    expect(values["proxy"]).toBe("http://10.0.20.11:3000");
    expect(values["nginx"]).toEqual({ enable: true, recommendedProxySettings: true, recommendedTlsSettings: true });
    expect(values["gatewayTcp"]).toEqual(expect.arrayContaining([80, 443]));
    expect(values["gatewayUdp"]).toEqual([51820]);
    // The node exporter is reachable through the tunnel only, never on the gateway's WAN side.
    expect(values["gatewayTcp"]).not.toContain(9100);
    expect(values["gatewayWg0Tcp"]).toEqual([9100]);
    expect(values["sops"]).toEqual({ age: { keyFile: "/var/lib/sops-nix/key.txt" }, secret: "/run/secrets/wireguard-key" });
    expect(values["dbOwner"]).toBe("postgres");
    // What the real sops-nix refuses while a host evaluates (an owner without a user or group).
    expect(values["sopsChecked"]).toBe(true);
    // Only what the fleet sets: deploy-rs keeps its own confirmTimeout (30) and rollback defaults.
    expect(values["nodes"]).toEqual({
      compute: { hostname: "10.0.20.11", sshUser: "deploy", user: "root" },
      gateway: { hostname: "10.0.20.1", sshUser: "deploy", user: "root" },
      nas: { hostname: "10.0.20.10", sshUser: "deploy", user: "root" },
    });
    expect(values["statusScript"]).toMatch(/^echo "=== \$\(hostname\) ==="\n\/nix\/store\/[a-z0-9]+-curl-[^/]+\/bin\/curl -s http:\/\/localhost:9100\/metrics \| head -5\n$/);
    expect(values["exporter"]).toMatch(/unstable/);
    expect(values["checks"]).toEqual(["aarch64-linux", "x86_64-linux"]);
  });
});
