/**
 * Which commit each machine runs, compared with the fleet's history: the plain data of
 * `typeflake status` and its two renderings. Pure: the command asks the hosts (ssh) and git.
 */
import { terminalLines, terminalText } from "../diagnostics/terminal-text.ts";
import { palette } from "../emit/color.ts";

/** What asking one host gave. */
export type Probe =
  /** `nixos-version --configuration-revision` printed this (a commit, or `<commit>-dirty`). */
  | { readonly kind: "revision"; readonly revision: string }
  /** The host answered but its system records no revision (or the command failed there). */
  | { readonly kind: "no-revision"; readonly message: string }
  /** ssh could not log in, or the host did not answer in time. */
  | { readonly kind: "unreachable"; readonly message: string };

/** What git knows of a commit a host runs. */
export interface CommitFacts {
  /** The commit is in this repository. */
  readonly known: boolean;
  /** Commits HEAD has that the commit has not (`git rev-list --count <commit>..HEAD`), when it is an ancestor of HEAD. */
  readonly behind?: number;
}

/** Where a host stands. */
export type DriftState = "current" | "behind" | "uncommitted" | "unknown" | "unreachable";

/** One host's line of the report. */
export interface HostDrift {
  readonly host: string;
  readonly state: DriftState;
  /** The revision the host reported, if any. */
  readonly revision?: string;
  /** For `behind` (and `uncommitted` built on an ancestor of HEAD): how many commits behind HEAD. */
  readonly behind?: number;
  /** In words, for the line. */
  readonly detail: string;
}

/** The whole report. */
export interface DriftReport {
  /** The fleet's committed revision. */
  readonly head: string;
  readonly hosts: readonly HostDrift[];
  readonly summary: Readonly<Record<DriftState, number>>;
}

const short = (revision: string): string => revision.replace(/^([0-9a-f]{12})[0-9a-f]+/, "$1");

const commits = (count: number): string => `${count} commit${count === 1 ? "" : "s"}`;

/** The commit a reported revision was built from: `<commit>-dirty` → `<commit>`. */
export const builtFrom = (revision: string): string => revision.replace(/-dirty$/, "");

/** Where `host` stands, from its probe and what git knows of its commit. */
export const hostDrift = (host: string, probe: Probe, head: string, facts: (commit: string) => CommitFacts): HostDrift => {
  if (probe.kind === "unreachable") return { host, state: "unreachable", detail: probe.message };
  if (probe.kind === "no-revision") return { host, state: "unknown", detail: probe.message };
  const { revision } = probe;
  const commit = builtFrom(revision);
  const known = facts(commit);
  if (revision !== commit) {
    const base = known.behind === undefined ? "" : known.behind === 0 ? ", on top of HEAD" : `, on top of a commit ${commits(known.behind)} behind HEAD`;
    return { host, state: "uncommitted", revision, ...(known.behind === undefined ? {} : { behind: known.behind }), detail: `built from uncommitted changes${base}` };
  }
  if (commit === head) return { host, state: "current", revision, detail: "runs HEAD" };
  if (known.behind !== undefined) return { host, state: "behind", revision, behind: known.behind, detail: `${commits(known.behind)} behind HEAD` };
  return {
    host,
    state: "unknown",
    revision,
    detail: known.known ? "a commit that is not in HEAD's history (another branch, or ahead of HEAD)" : "a commit this repository does not have (fetch it?)",
  };
};

const STATES: readonly DriftState[] = ["current", "behind", "uncommitted", "unknown", "unreachable"];

/** The report over every probed host. */
export const driftReport = (head: string, hosts: readonly HostDrift[]): DriftReport => ({
  head,
  hosts,
  summary: Object.fromEntries(STATES.map((state) => [state, hosts.filter((host) => host.state === state).length])) as Record<DriftState, number>,
});

/** The report as text: a line per host, then the summary. */
export const renderDriftText = (report: DriftReport, options: { readonly color: boolean }): string => {
  const colors = palette(options.color);
  const tint: Record<DriftState, (text: string) => string> = {
    current: colors.green,
    behind: colors.yellow,
    uncommitted: colors.yellow,
    unknown: colors.red,
    unreachable: colors.red,
  };
  const width = Math.max(0, ...report.hosts.map((host) => host.host.length));
  // What a machine answered (its revision, an ssh error) is shown escaped: a compromised host must not reach the terminal.
  const revisionOf = (host: DriftReport["hosts"][number]) => terminalText(short(host.revision ?? ""));
  const revisions = Math.max(0, ...report.hosts.map((host) => revisionOf(host).length));
  const lines = report.hosts.map((host) =>
    [host.host.padEnd(width), tint[host.state](host.state.padEnd(11)), ...(revisions ? [revisionOf(host).padEnd(revisions)] : []), terminalLines(host.detail)].join("  "),
  );
  const counts = STATES.map((state) => `${report.summary[state]} ${state}`).join(", ");
  return `${lines.join("\n")}\n\n${report.hosts.length} host${report.hosts.length === 1 ? "" : "s"} against HEAD ${short(report.head)}: ${counts}.\n`;
};

/** The report as JSON. */
export const renderDriftJson = (report: DriftReport): string => `${JSON.stringify(report, null, 2)}\n`;
