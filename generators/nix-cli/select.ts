/**
 * Choosing hosts by name, `--all` or `--tag`, with errors that list what would be valid.
 */
import { closestMatch } from "../diagnostics/suggest.ts";
import { UsageError } from "../command/command-error.ts";
import type { DeployTarget, FleetTargets } from "./target.ts";

/** How the user picked hosts on the command line. */
export interface HostSelection {
  readonly names: readonly string[];
  readonly all: boolean;
  readonly tags: readonly string[];
}

const listed = (values: readonly string[]): string => (values.length > 0 ? values.join(", ") : "(none)");

/** ` (did you mean "nas"?)` when one of `candidates` is a plausible typo of `name`. */
const suggestion = (name: string, candidates: readonly string[]): string => {
  const match = closestMatch(name, candidates);
  return match === undefined ? "" : ` (did you mean ${JSON.stringify(match)}?)`;
};

/** The deploy target of the host named `name`, or a `UsageError` listing the fleet's hosts. */
export function hostTarget(fleet: FleetTargets, name: string): DeployTarget {
  const host = fleet.hosts.find((candidate) => candidate.name === name);
  if (!host) {
    const names = fleet.hosts.map((candidate) => candidate.name);
    throw new UsageError(
      `unknown host ${JSON.stringify(name)}${suggestion(name, names)}; the fleet's hosts are: ${listed(names)}`,
    );
  }
  return host;
}

/**
 * The hosts a selection names, in fleet order, each once: named hosts, plus every host with one
 * of the tags, or every host for `--all`. Hosts with deploy disabled are never selected (the
 * generated deploy.nodes and colmena hive leave them out too); naming one is an error.
 */
export function selectHosts(fleet: FleetTargets, selection: HostSelection): DeployTarget[] {
  if (selection.all && (selection.names.length > 0 || selection.tags.length > 0)) {
    throw new UsageError("--all already selects every host; give it alone, without host names or --tag");
  }
  if (!selection.all && selection.names.length === 0 && selection.tags.length === 0) {
    throw new UsageError(
      `name the hosts to act on, or use --all or --tag <tag>; the fleet's hosts are: ${listed(fleet.hosts.map((h) => h.name))}`,
    );
  }
  const named = new Set(selection.names.map((name) => hostTarget(fleet, name).name));
  const disabled = fleet.hosts.find((host) => named.has(host.name) && !host.enabled);
  if (disabled) {
    throw new UsageError(
      `host ${JSON.stringify(disabled.name)} has deploy.enable = false; set it to true in its host.ts to deploy it`,
    );
  }
  const knownTags = [...new Set(fleet.hosts.flatMap((host) => host.tags))].sort();
  const unknownTag = selection.tags.find((tag) => !knownTags.includes(tag));
  if (unknownTag !== undefined) {
    throw new UsageError(
      `no host has the tag ${JSON.stringify(unknownTag)}${suggestion(unknownTag, knownTags)}; the fleet's tags are: ${listed(knownTags)}`,
    );
  }
  const chosen = fleet.hosts.filter(
    (host) =>
      named.has(host.name) ||
      (host.enabled && (selection.all || host.tags.some((tag) => selection.tags.includes(tag)))),
  );
  if (chosen.length === 0)
    throw new UsageError("every host the selection matches has deploy.enable = false; nothing to deploy");
  return chosen;
}
