/**
 * What `typeflake init` asks for, checked with the same rules as a fleet's own files, so the
 * scaffold it writes is valid from the start. Problems are returned as messages, one per option.
 */
import type { z } from "zod";
import { hostName, nixSystem, reachableAddress } from "../../dsl/checks.ts";
import { messageOf } from "../diagnostics/messages/index.ts";
import { PARSE_PARAMS } from "../validate/issue-messages.ts";
import { issuesToDiagnostics } from "../validate/issues.ts";

/** The choices a new fleet starts with. */
export interface InitOptions {
  /** Name of the first host (its folder under hosts/), e.g. `"server"`. */
  readonly host: string;
  /** Its address, e.g. `"192.168.1.10"`. */
  readonly address: string;
  /** The flake's description, e.g. `"My homelab"`. */
  readonly description: string;
  /** The hosts' default platform, e.g. `"x86_64-linux"`. */
  readonly system: string;
}

/** Defaults for every option the command line leaves out. */
export const DEFAULT_INIT_OPTIONS: InitOptions = {
  host: "server",
  address: "192.168.1.10",
  description: "My NixOS fleet",
  system: "x86_64-linux",
};

/** What is wrong with `value` for `schema`, worded as a fleet file's diagnostics are: at most one message. */
const problemOf = (schema: z.ZodType, value: string): string[] => {
  const result = schema.safeParse(value, PARSE_PARAMS);
  return result.success ? [] : issuesToDiagnostics(schema, "", result.error.issues).slice(0, 1).map(messageOf);
};

/** `--host: must be …` for each invalid option; empty when all are valid. */
export const initOptionProblems = (options: InitOptions): string[] => {
  const checks: [string, z.ZodType, string][] = [
    ["--host", hostName, options.host],
    ["--address", reachableAddress, options.address],
    ["--system", nixSystem, options.system],
  ];
  return [
    ...checks.flatMap(([flag, schema, value]) => problemOf(schema, value).map((message) => `${flag}: ${message}`)),
    ...(options.description.trim() === "" ? ["--description: must not be empty"] : []),
  ];
};
