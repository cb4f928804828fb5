/**
 * When some files failed, the later checks (cross-host, ports, NixOS options, assertions,
 * lowering) still run on the rest, so one run reports every problem. What a failed file makes
 * meaningless is left out: the failed hosts and modules themselves, and every host or module that
 * refers to a failed host or uses a failed module (its checks would report the failure again as
 * "no such host"). One info line names the failed files whose checks wait.
 */
import type { ConfigBody } from "../../dsl/config-body.ts";
import { eachConfigured } from "../../services/registry.ts";
import { info, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Entry, Fleet, HostEntry } from "../model/fleet.ts";
import type { PartialFleet } from "./index.ts";
import { writtenExpressions } from "../model/written-expressions.ts";

/** Hosts a configuration names: `host("…")` anywhere, and those its services name (WireGuard hubs it joins). */
const hostsNamedBy = (config: ConfigBody): string[] => [
  ...writtenExpressions(config).flatMap(({ expression }) => (expression.kind === "host" ? [expression.host] : [])),
  ...eachConfigured(config.services, (service, settings) => service.hostsNamed?.(settings) ?? []).flat(),
];

/** Whether an entry names a host that is not among `present`. */
const namesMissingHost = (entry: Entry<ConfigBody>, present: ReadonlySet<string>): boolean =>
  hostsNamedBy(entry.config).some((name) => !present.has(name));

/**
 * The one info line for the failed `files` whose dependent checks did not run, placed at the first
 * (a broken helper a thousand hosts import fails them all: one line, not a thousand).
 */
export const skippedChecks = (files: readonly string[]): Diagnostic[] => {
  const sorted = [...files].sort();
  return sorted.length === 0 ? [] : [info("checks-skipped", { file: sorted[0]!, objectPath: [] }, { files: sorted })];
};

/** The fleet the later checks can judge, and the info line for what they skipped. */
export const checkableFleet = (partial: PartialFleet): { fleet: Fleet; skipped: Diagnostic[] } => {
  const { fleet } = partial;
  // A name that resolves to no passed host: a failed host, or one the reference check reports.
  const present = new Set(fleet.hosts.map((host) => host.name));
  const modules = fleet.modules.filter((module) => !namesMissingHost(module, present));
  const usable = new Set(modules.map((module) => module.name));
  // Unknown module names are the reference check's; a failed or left-out module is missing here.
  const missingModule = (name: string) => !usable.has(name) && (fleet.modules.some((module) => module.name === name) || partial.failedFiles.includes(`modules/${name}.ts`));
  const usesMissingModule = (host: HostEntry) => [...fleet.config.modules, ...host.config.modules].some(missingModule);
  const hosts = fleet.hosts.filter((host) => !namesMissingHost(host, present) && !usesMissingModule(host));
  const hostNames = new Set(hosts.map((host) => host.name));
  const homes = (fleet.homes ?? []).filter((home) => home.host === undefined || hostNames.has(home.host));
  return { fleet: { ...fleet, hosts, modules, homes }, skipped: skippedChecks(partial.failedFiles) };
};
