/**
 * `INVENTORY.md`: a page describing the fleet for people — a table of hosts (address, system,
 * services, open ports, tunnel addresses, deploy target, users) and a Mermaid diagram of the
 * topology. Rendered with handlebars from `inventory.md.hbs`; part of every `generate` plan, so
 * `--check` keeps the committed page current.
 */
import { renderGeneratedHeader } from "../emit/header.ts";
import type { PlannedFile } from "../emit/plan.ts";
import { hostFacts, type HostFacts } from "../inventory/host-facts.ts";
import { markdownTable, markdownText } from "../inventory/markdown-table.ts";
import { mermaidFlowchart } from "../inventory/mermaid.ts";
import { fleetTopology } from "../inventory/topology.ts";
import type { LoweredFleet } from "../lower/fleet.ts";
import type { FleetOptions, HostOptions } from "../validate/assertions/host-options.ts";
import type { Fleet } from "../model/fleet.ts";
import { SERVICE_DEFINITIONS } from "../../services/registry.ts";
import { fileTemplate } from "./templates.ts";

/** Where the page is written, relative to the fleet root. */
export const INVENTORY_PATH = "INVENTORY.md";

interface InventoryView {
  readonly header: string;
  readonly title: string;
  readonly summary: string;
  readonly table: readonly string[];
  readonly diagram: readonly string[];
}

const template = fileTemplate<InventoryView>("inventory.md.hbs");

/** The table's headings: the host's own columns around those the services fill (`Tunnel addresses`). */
const headers = (serviceColumns: readonly string[]): string[] => ["Host", "Address", "System", "Services", "Open ports", ...serviceColumns, "Deploy target", "Users"];

const ports = (facts: HostFacts): string => {
  if (!facts.firewall) return "all (firewall off)";
  const lists = [
    ...(facts.tcpPorts.length ? [`TCP ${facts.tcpPorts.join(", ")}`] : []),
    ...(facts.udpPorts.length ? [`UDP ${facts.udpPorts.join(", ")}`] : []),
  ];
  return lists.length ? lists.join("; ") : "none";
};

const row = (facts: HostFacts): string[] => [
  facts.name,
  facts.address,
  facts.system,
  facts.services.join(", "),
  ports(facts),
  ...[...facts.columns.values()].map((cells) => cells.join("; ")),
  facts.deployTarget ?? "not deployed",
  facts.users.map((user) => (user.home ? `${user.name} (home)` : user.name)).join(", "),
];

const summary = (fleet: Fleet): string => {
  const count = fleet.hosts.length === 1 ? "1 host" : `${fleet.hosts.length} hosts`;
  return (
    `${count}, deployed with ${fleet.config.deploy.tool}. Written by \`typeflake generate\` from ` +
    `${fleet.configFile} and the host, module and home files; "(home)" marks users whose home-manager ` +
    "configuration the host installs."
  );
};

/** The inventory page of a lowered fleet, whose hosts' merged options are `options` (in its hosts' order). */
export const inventoryFile = (lowered: LoweredFleet, options: FleetOptions): PlannedFile => {
  const { index } = lowered;
  const { fleet } = index;
  const serviceColumns = SERVICE_DEFINITIONS.flatMap((service) => (service.inventoryColumn ? [service.inventoryColumn.header] : []));
  return {
    path: INVENTORY_PATH,
    source: fleet.configFile,
    text: template({
      header: renderGeneratedHeader(fleet.configFile, "<!--"),
      title: markdownText(fleet.config.description),
      summary: summary(fleet),
      table: markdownTable(headers(serviceColumns), [...lowered.hosts.values()].map((host, at) => row(hostFacts(index, host, options[at] as HostOptions)))),
      diagram: mermaidFlowchart(fleetTopology(index)),
    }),
  };
};
