/**
 * Validate the home files: each against its schema (the shared home must give `stateVersion`),
 * its name (`<user>` or `<user>@<host>`, from the file name), then the checks across files.
 */
import { sharedHomeSchema, homeSchema, type HomeConfig } from "../../dsl/home.ts";
import { hostName, userName } from "../../dsl/checks.ts";
import type { NameFromFile } from "../diagnostics/codes/schema.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { HomeEntry } from "../model/fleet.ts";
import { parseHomeName } from "../model/homes.ts";
import { checkHomes } from "./check-homes.ts";
import type { FleetDraft } from "./draft.ts";
import { PARSE_PARAMS } from "./issue-messages.ts";
import { mismatchOf } from "./issues.ts";
import { parseDefinition } from "./parse-definition.ts";
import type { NamedSource } from "./sources.ts";

/** The homes that passed, every problem, and how many files failed. */
export interface ValidatedHomes {
  readonly entries: readonly HomeEntry[];
  readonly diagnostics: readonly Diagnostic[];
  readonly failed: number;
}

/** Problems with the name a home takes from its file. */
const nameProblems = (source: NamedSource): Diagnostic[] => {
  const { user, host } = parseHomeName(source.name);
  const problem = (problem: NameFromFile["problem"], part?: "user" | "host"): Diagnostic[] => [
    error("invalid-name", { file: source.file, objectPath: [] }, { name: source.name, of: "home", file: source.file, problem, ...(part ? { part } : {}) }),
  ];
  if (host?.includes("@")) return problem({ kind: "many-ats" });
  const userIssue = userName.safeParse(user, PARSE_PARAMS).error?.issues[0];
  if (userIssue) return problem({ kind: "mismatch", ...mismatchOf(userIssue) }, "user");
  const hostIssue = host === undefined ? undefined : hostName.safeParse(host, PARSE_PARAMS).error?.issues[0];
  return hostIssue ? problem({ kind: "mismatch", ...mismatchOf(hostIssue) }, "host") : [];
};

/** Validate `sources` (sorted by name here) against their schemas and the rest of the fleet. */
export const validateHomes = (sources: readonly NamedSource[], draft: FleetDraft): ValidatedHomes => {
  const parsed = [...sources]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((source) => {
      const names = nameProblems(source);
      const { user, host } = parseHomeName(source.name);
      const result = parseDefinition(host === undefined ? sharedHomeSchema : homeSchema, source);
      const config: HomeConfig | undefined = names.length ? undefined : result.config;
      return { entry: config && { name: source.name, file: source.file, config, user, host }, diagnostics: [...names, ...result.diagnostics] };
    });
  const entries = parsed.flatMap(({ entry }) => (entry ? [entry] : []));
  return {
    entries,
    diagnostics: [...parsed.flatMap(({ diagnostics }) => diagnostics), ...checkHomes(entries, new Set(sources.map((source) => source.name)), draft)],
    failed: parsed.length - entries.length,
  };
};
