/**
 * The plan as text, in the manner of `terraform plan`: risks first, then each host with `+`, `~`
 * and `-` lines, then one summary line. Colour only when asked (a terminal, no `NO_COLOR`).
 * Names and values come from the fleet and may hold control or bidi characters: each goes through
 * `terminalText` before it is placed (and coloured), as in diagnostics.
 */
import { terminalText } from "../diagnostics/terminal-text.ts";
import { palette, type Palette } from "../emit/color.ts";
import type { ChangeAction, FieldChange, FleetPlan, HostPlan, ItemChange } from "./changes.ts";

/** How each section's items are introduced on a line. */
const LABELS: Record<ItemChange["section"], string> = {
  host: "host",
  deploy: "deploy",
  services: "service",
  firewall: "firewall",
  users: "user",
  groups: "group",
  sshKeys: "SSH key",
  sudo: "administrator",
  secrets: "secret",
  wireguardTunnels: "WireGuard tunnel",
  wireguardPeers: "WireGuard peer",
  nfsExports: "NFS export",
  nfsMounts: "NFS mount",
  nginxVirtualHosts: "nginx virtual host",
  proxyTargets: "proxy target",
  packages: "package",
  homes: "home of",
  nixosOptions: "nixos option",
  fleet: "fleet",
  overlays: "overlay",
  secretRecipients: "secret recipient",
};

const SIGNS: Record<ChangeAction, string> = { add: "+", change: "~", remove: "-" };

const tint = (colors: Palette, action: ChangeAction) => (action === "add" ? colors.green : action === "remove" ? colors.red : colors.yellow);

/** A value of the plan as the terminal shows it (`undefined` as the word, as a template literal writes it). */
const shown = (value: string | undefined): string => terminalText(String(value));

const fieldLine = (field: FieldChange, colors: Palette, indent: string): string => {
  const value =
    field.action === "add"
      ? ` = ${shown(field.after)}`
      : field.action === "remove"
        ? ` (was ${shown(field.before)})`
        : `: ${shown(field.before)} → ${shown(field.after)}`;
  return `${indent}${tint(colors, field.action)(SIGNS[field.action])} ${terminalText(field.field)}${value}`;
};

/** Sections whose item names already say everything their values would (a port, a key, a package). */
const NAMED_ONLY = new Set<ItemChange["section"]>(["sshKeys", "packages"]);

/** In a new or removed host's list, values longer than this are left out. */
const BRIEF_VALUE = 60;

const itemLines = (change: ItemChange, colors: Palette, indent: string, brief: boolean): string[] => {
  const sign = tint(colors, change.action)(SIGNS[change.action]);
  const head = `${indent}${sign} ${LABELS[change.section]} ${terminalText(change.item)}`;
  if (change.fields) return [head, ...change.fields.map((field) => fieldLine(field, colors, `${indent}    `))];
  if (change.action === "change") return [`${head}: ${shown(change.before)} → ${shown(change.after)}`];
  const value = change.action === "add" ? change.after : change.before;
  const bare = value === undefined || (["firewall", "secretRecipients"].includes(change.section) && value === "true");
  if (bare || NAMED_ONLY.has(change.section) || (brief && value.length > BRIEF_VALUE)) return [head];
  return [`${head} = ${terminalText(value)}`];
};

const hostHeading = (host: HostPlan, colors: Palette): string => {
  const name = terminalText(host.name);
  switch (host.status) {
    case "add":
      return `${colors.green("+")} ${colors.bold(name)} (new host)`;
    case "remove":
      return `${colors.red("-")} ${colors.bold(name)} (removed; typeflake no longer builds or deploys it)`;
    case "change":
      return `${colors.yellow("~")} ${colors.bold(name)}`;
    case "unchanged":
      return `  ${name}: no change`;
  }
};

const hostBlock = (host: HostPlan, colors: Palette): string[] => {
  if (host.status === "unchanged") return [hostHeading(host, colors)];
  const nix =
    host.status === "remove"
      ? []
      : host.status === "add"
        ? ["    new: first deploy needed"]
        : host.changedNix.length
        ? [`    Nix changes: ${terminalText(host.changedNix.join(", "))} (deploy needed)`]
        : ["    its Nix is unchanged: no deploy needed"];
  return [hostHeading(host, colors), ...host.changes.flatMap((change) => itemLines(change, colors, "    ", host.status !== "change")), ...nix];
};

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** The plan as text; `color` decides whether it is coloured. */
export const renderPlanText = (plan: FleetPlan, options: { readonly color: boolean }): string => {
  const colors = palette(options.color);
  const { summary } = plan;
  const lines = [
    `typeflake plan: ${terminalText(plan.base.ref)} (${plan.base.commit.slice(0, 12)}) → working tree`,
    "",
    ...(plan.risks.length
      ? [colors.bold(colors.red(`Risks (${plan.risks.length}):`)), ...plan.risks.map((risk) => `  ${colors.red("!")} ${terminalText(risk.message)}`), ""]
      : []),
    ...(plan.fleet.length ? [colors.bold("fleet"), ...plan.fleet.flatMap((change) => itemLines(change, colors, "    ", false)), ""] : []),
    ...plan.hosts.flatMap((host) => [...hostBlock(host, colors), ...(host.status === "unchanged" ? [] : [""])]),
  ];
  const deploy = summary.deploy.length ? `${plural(summary.deploy.length, "host")} to deploy: ${terminalText(summary.deploy.join(", "))}` : "no host to deploy";
  lines.push(
    "",
    colors.bold(
      `Plan: ${summary.add} to add, ${summary.change} to change, ${summary.remove} to remove, ${summary.unchanged} unchanged; ${deploy}; ${plural(plan.risks.length, "risk")}.`,
    ),
  );
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
};
