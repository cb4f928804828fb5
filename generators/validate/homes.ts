/**
 * Validate the home files: each against its schema (the shared home must give `stateVersion`),
 * its name (`<user>` or `<user>@<host>`, from the file name), then the checks across files.
 */
import { sharedHomeSchema, homeSchema, type HomeConfig } from "../../dsl/home.ts";
import { hostName, userName } from "../../dsl/checks.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { HomeEntry } from "../model/fleet.ts";
import { parseHomeName } from "../model/homes.ts";
import { checkHomes } from "./check-homes.ts";
import type { FleetDraft } from "./draft.ts";
import { parseDefinition } from "./parse-definition.ts";
import type { NamedSource } from "./sources.ts";

/** The homes that passed, every problem, and how many files failed. */
export interface ValidatedHomes {
  readonly entries: readonly HomeEntry[];
  readonly diagnostics: readonly Diagnostic[];
  readonly failed: number;
}

const NAME_FORM = 'a home is named after its user ("alice") or its user and one host ("alice@nas")';

/** Problems with the name a home takes from its file. */
const nameProblems = (source: NamedSource): Diagnostic[] => {
  const { user, host } = parseHomeName(source.name);
  const at = { file: source.file, objectPath: [] };
  const problem = (text: string) => [error("invalid-name", at, `the home name ${JSON.stringify(source.name)} is taken from ${source.file}; ${text}; rename the file`)];
  if (host?.includes("@")) return problem(`it has more than one '@': ${NAME_FORM}`);
  const userIssue = userName.safeParse(user).error?.issues[0];
  if (userIssue) return problem(`the user part ${userIssue.message}`);
  const hostIssue = host === undefined ? undefined : hostName.safeParse(host).error?.issues[0];
  return hostIssue ? problem(`the host part ${hostIssue.message}`) : [];
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
