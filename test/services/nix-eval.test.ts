/**
 * The lowered services, through typeflake's own value lowering and printer, evaluated by the
 * real nix: the values NixOS would receive are exactly the seed's.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostFile } from "../../generators/files/host-file.ts";
import { moduleFile } from "../../generators/files/module-file.ts";
import { fleetScope } from "../../generators/files/scope.ts";
import { indexFleet } from "../../generators/model/fleet-index.ts";
import { lowerNfs } from "../../services/nfs/lower.ts";
import { lowerSamba } from "../../services/samba/lower.ts";
import { valueLowerer } from "../../generators/lower/value.ts";
import { host, nixString } from "../../dsl/expressions.ts";
import { list } from "../../generators/nix/build.ts";
import { printNixExpr } from "../../generators/nix/print.ts";
import { sambaSchema } from "../../services/samba/schema.ts";
import { nfsSchema } from "../../services/nfs/schema.ts";
import { nixInstantiate } from "../support/nix.ts";
import { lowered } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";

const evalJson = (expression: string): unknown => JSON.parse(nixInstantiate(["--eval", "--strict", "--json", "--expr", expression]));

describe("generated services evaluated by nix", () => {
  it("the homelab's host and module files give NixOS the seed's values", () => {
    const fleet = homelab();
    const printed = (generated: { expr: Parameters<typeof printNixExpr>[0]; diagnostics: readonly unknown[] }) => {
      expect(generated.diagnostics).toEqual([]);
      return printNixExpr(generated.expr);
    };
    const lowering = lowered(fleet);
    const scope = fleetScope(lowering.index);
    const hostText = (name: string) => printed(hostFile(lowering.hosts.get(name)!, scope));
    const moduleText = (name: string) => printed(moduleFile(fleet.modules.find((entry) => entry.name === name)!, lowering.modules.get(name)!, scope));
    // The module arguments the files use; none of the values read below needs a real package.
    const args = '{ config = { sops.secrets."wireguard-key".path = "/run/secrets/wireguard-key"; }; pkgs = { }; }';
    const result = evalJson(`
      let
        nas = (${hostText("nas")}) ${args};
        gateway = (${hostText("gateway")}) ${args};
        common = (${moduleText("common")}) ${args};
      in {
        samba = nas.services.samba;
        nfs = nas.services.nfs.server;
        nasPorts = nas.networking.firewall.allowedTCPPorts;
        wg0 = gateway.networking.wireguard.interfaces.wg0;
        nginx = gateway.services.nginx;
        gatewayFirewall = gateway.networking.firewall;
        secrets = gateway.sops.secrets;
        ssh = common.services.openssh;
        sudo = common.security.sudo.extraRules;
      }`);
    expect(result).toEqual({
      samba: {
        enable: true,
        settings: {
          global: { security: "user", "server min protocol": "SMB3" },
          media: { path: "/tank/media", "read only": "no", "valid users": "media" },
          backups: { path: "/tank/backups", "read only": "no", "valid users": "backup" },
        },
      },
      nfs: { enable: true, exports: "/tank/media 10.0.20.0/24(rw,sync,no_subtree_check)\n" },
      nasPorts: [139, 445, 2049],
      wg0: {
        ips: ["10.100.0.1/24"],
        listenPort: 51820,
        privateKeyFile: "/run/secrets/wireguard-key",
        peers: [
          { name: "compute", publicKey: "LVZAQ+4wTCBix3HIFlXyK9hh07aOfo9PnoaM8+MsgHA=", allowedIPs: ["10.100.0.3/32"] },
          { name: "nas", publicKey: "VTPUF2SpJ11k4PFoRNDg4h+NfVG3blLvYUqNn2ThYbA=", allowedIPs: ["10.100.0.2/32"] },
        ],
      },
      nginx: {
        enable: true,
        recommendedProxySettings: true,
        recommendedTlsSettings: true,
        virtualHosts: { "grafana.lab.local": { locations: { "/": { proxyPass: "http://10.0.20.11:3000" } } } },
      },
      gatewayFirewall: { allowedTCPPorts: [80, 443], allowedUDPPorts: [51820] },
      secrets: { "wireguard-key": {} },
      ssh: { enable: true, settings: { PasswordAuthentication: false, KbdInteractiveAuthentication: false, PermitRootLogin: "no" } },
      sudo: [{ users: ["deploy"], commands: [{ command: "ALL", options: ["NOPASSWD"] }] }],
    });
  });

  it("any one-line share comment or parameter value, and any export path, reaches NixOS unchanged", () => {
    const fleet = homelab();
    const origin = { file: "hosts/nas/host.ts", objectPath: ["services"] };
    const index = indexFleet(fleet);
    const context = { index, hostName: "nas", origin };
    // Nix's own syntax characters, line breaks, non-ASCII, and any ASCII but NUL (no Nix string can hold it).
    const character = fc.oneof(
      fc.constantFrom('"', "\\", "$", "{", "}", "${", "''", "'", "\n", "\r", "\t", "é", "😀", "\u2028", "#", "(", " "),
      fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }).filter((value) => value !== "\0"),
    );
    // smb.conf and exports are line-based, so the schemas refuse line breaks; the rest of an export path is escaped.
    const line = fc.string({ unit: character, maxLength: 40 }).filter((value) => !/[\r\n]/.test(value));
    const cases = fc.sample(fc.tuple(line, line, line.filter((value) => value.length <= 12)), { numRuns: 40, seed: 5 });
    const values = cases.flatMap(([comment, extra, dir]) => {
      const samba = lowerSamba(sambaSchema.parse({ shares: { s: { path: "/srv", comment, extra: { "log file": extra } } } }), context);
      const nfs = lowerNfs(nfsSchema.parse({ exports: [{ path: `/srv/${dir}`, clients: [{ host: "*" }] }] }), context);
      return [samba.definitions[1]!.value, nfs.definitions[1]!.value];
    });
    const lowerer = valueLowerer(fleetScope(index));
    const evaluated = evalJson(printNixExpr(list(values.map(lowerer.lower))));
    expect(evaluated).toEqual(values);
  });

  it("nixString reads as its JavaScript template would: numbers and booleans as their text, a host as its address", () => {
    const lowerer = valueLowerer(fleetScope(indexFleet(homelab())));
    const value = nixString`http://${host("compute")}:${3000}/?debug=${true}&ratio=${-1.5}`;
    expect(evalJson(printNixExpr(lowerer.lower(value)))).toBe("http://10.0.20.11:3000/?debug=true&ratio=-1.5");
  });
});
