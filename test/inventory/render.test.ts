/**
 * The inventory's parts: host facts read from the lowering, the Markdown table and the Mermaid
 * text, with user text that tries to break out of both.
 */
import { describe, expect, it } from "vitest";
import { host, mkBefore, mkDefault, mkForce, mkIf, nix, pkg } from "../../dsl/expressions.ts";
import { inventoryFile } from "../../generators/files/inventory-file.ts";
import { hostFacts, PORTS_DECIDED_IN_NIX } from "../../generators/inventory/host-facts.ts";
import type { LoweredFleet } from "../../generators/lower/fleet.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { fleetOptions } from "../../generators/validate/assertions/host-options.ts";
import { markdownTable, markdownText } from "../../generators/inventory/markdown-table.ts";
import { mermaidFlowchart, mermaidText } from "../../generators/inventory/mermaid.ts";
import { buildFleet, lowered } from "../services/support/fleet.ts";

/** Raw NixOS blocks naming services the shipped option snapshot lacks (as an imported options.json may have). */
const raw = (block: object) => block as never;

/** The facts of host `name` of a lowered fleet, its options merged as the pipeline merges them. */
const factsOf = (lowering: LoweredFleet, name: string) => {
  const hosts = [...lowering.hosts.keys()];
  return hostFacts(lowering.index, lowering.hosts.get(name)!, fleetOptions(lowering)[hosts.indexOf(name)]!);
};

describe("host facts", () => {
  const fleet = buildFleet({
    config: { modules: ["base"] },
    hosts: {
      lab: {
        address: "10.0.0.5",
        system: "aarch64-linux",
        deploy: { enable: false },
        firewall: { allowedTCPPorts: [8080, 22], allowedUDPPortRanges: [{ from: 60000, to: 61000 }] },
        services: { nginx: {} },
        users: { zoe: {} },
        nixos: raw({ services: { grafana: { enable: true }, postgresql: { enable: false } }, networking: { firewall: { allowedUDPPorts: [53] } } }),
      },
      open: { address: "10.0.0.6", firewall: { enable: false } },
    },
    modules: { base: { services: { openssh: {} }, users: { adam: {} }, nixos: raw({ services: { tailscale: { enable: true } } }) } },
  });
  const lowering = lowered(fleet);
  const facts = (name: string) => factsOf(lowering, name);

  it("merges the host file and its modules as NixOS does: services, ports, accounts", () => {
    expect(facts("lab")).toEqual({
      name: "lab",
      address: "10.0.0.5",
      system: "aarch64-linux",
      services: ["nginx", "OpenSSH", "grafana", "tailscale"],
      tcpPorts: ["22", "80", "443", "8080"],
      udpPorts: ["53", "60000-61000"],
      firewall: true,
      columns: new Map([["Tunnel addresses", []]]),
      deployTarget: undefined,
      users: [
        { name: "adam", home: false },
        { name: "zoe", home: false },
      ],
    });
  });

  it("says when the firewall is off, and who deploys where", () => {
    expect(facts("open")).toMatchObject({ firewall: false, deployTarget: "root@10.0.0.6", services: ["OpenSSH", "tailscale"], tcpPorts: ["22"] });
  });
});

describe("ports as NixOS merges them", () => {
  const fleet = buildFleet({
    hosts: {
      wrapped: {
        address: "10.0.0.7",
        modules: ["quiet"],
        firewall: { allowedUDPPorts: [53] },
        nixos: raw({ networking: { firewall: { allowedTCPPorts: [mkIf(true, 9000), mkDefault(9001), mkIf(false, 9002), mkBefore(9003)] } } }),
      },
      closed: {
        address: "10.0.0.8",
        modules: ["quiet"],
        nixos: raw({ networking: { firewall: mkForce({ enable: false }) }, services: { grafana: { enable: mkDefault(true) }, loki: mkIf(true, { enable: true }), avahi: { enable: true } } }),
      },
      unseen: { address: "10.0.0.9", nixos: raw({ networking: { firewall: { allowedTCPPorts: mkIf(nix`config.services.x.enable`, [1234]) } } }) },
    },
    modules: { quiet: { nixos: raw({ networking: { firewall: { allowedUDPPorts: mkForce([5353]) } }, services: { avahi: { enable: mkForce(false) } } }) } },
  });
  const lowering = lowered(fleet);

  it("takes wrappers off list items, leaves out mkIf(false, …) items, and lets mkForce win over plain lists", () => {
    expect(factsOf(lowering, "wrapped")).toMatchObject({ tcpPorts: ["9000", "9001", "9003"], udpPorts: ["5353"], firewall: true });
  });

  it("lists the services a raw block switches on through wrappers, not one a module forces off", () => {
    expect(factsOf(lowering, "closed").services).toEqual(["grafana", "loki"]);
  });

  it("sees a firewall turned off through a wrapper, and says when only Nix can tell the ports", () => {
    expect(factsOf(lowering, "closed").firewall).toBe(false);
    expect(factsOf(lowering, "unseen").tcpPorts).toEqual([PORTS_DECIDED_IN_NIX]);
  });
});

describe("Markdown", () => {
  it("escapes markup and column breaks, but not the _ inside a word", () => {
    expect(markdownText("x86_64-linux")).toBe("x86_64-linux");
    expect(markdownText("a|b <script> *x* _y_ `z` [l](u) \\")).toBe("a\\|b \\<script\\> \\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\\\");
    expect(markdownText(" two\nlines ")).toBe("two lines");
    expect(markdownText("")).toBe("—");
  });

  it("pads the columns of a table so it lines up as text", () => {
    expect(markdownTable(["Host", "Ports"], [["nas", "TCP 22"], ["gateway", ""]])).toEqual([
      "| Host    | Ports  |",
      "| ------- | ------ |",
      "| nas     | TCP 22 |",
      "| gateway | —      |",
    ]);
  });
});

describe("Mermaid", () => {
  it("writes quotes, entity starts and HTML as entity codes", () => {
    expect(mermaidText('say "hi" #1 <b>&`x`')).toBe("say #34;hi#34; #35;1 #60;b#62;#38;#96;x#96;");
  });

  it("draws hosts as boxes, outside nodes rounded, each kind of link with its own arrow", () => {
    expect(
      mermaidFlowchart({
        nodes: [
          { id: "host_a", label: ["a", "10.0.0.1"], kind: "host" },
          { id: "ext_1", label: ['net "x"'], kind: "external" },
        ],
        edges: [
          { from: "host_a", to: "ext_1", kind: "wireguard", label: "WireGuard wg0" },
          { from: "host_a", to: "ext_1", kind: "proxy", label: "a → :80" },
          { from: "host_a", to: "ext_1", kind: "nfs", label: "NFS /x" },
        ],
      }),
    ).toEqual([
      "flowchart LR",
      '  host_a["a<br/>10.0.0.1"]',
      '  ext_1(["net #34;x#34;"])',
      '  host_a <-->|"WireGuard wg0"| ext_1',
      '  host_a -->|"a → :80"| ext_1',
      '  host_a -.->|"NFS /x"| ext_1',
    ]);
  });
});

/** The inventory page of `fleet`. */
const inventoryOf = (fleet: Fleet) => {
  const lowering = lowered(fleet);
  return inventoryFile(lowering, fleetOptions(lowering));
};

describe("the page", () => {
  it("starts with typeflake's header as HTML comments and keeps hostile descriptions inert", () => {
    const fleet = buildFleet({ config: { description: "Lab | <b>*x*</b>" }, hosts: { a: { address: "10.0.0.1", packages: [pkg("htop")] } } });
    const { path, source, text } = inventoryOf(fleet);
    expect([path, source]).toEqual(["INVENTORY.md", "typeflake.config.ts"]);
    expect(text.split("\n").slice(0, 4)).toEqual([
      "<!-- Generated by typeflake from typeflake.config.ts. -->",
      "<!-- Do not edit: edit the TypeScript and run `npm run generate`. -->",
      "",
      "# Fleet inventory: Lab \\| \\<b\\>\\*x\\*\\</b\\>",
    ]);
  });

  it("is the same text on every run", () => {
    const fleet = () => buildFleet({ hosts: { b: { address: "10.0.0.2" }, a: { address: "10.0.0.1", services: { nfsMounts: { "/m": { host: host("b"), export: "/x" } } } } } });
    expect(inventoryOf(fleet()).text).toBe(inventoryOf(fleet()).text);
  });
});
