/**
 * Names that come from the file system: a host's folder becomes `networking.hostName`, a module's
 * file name becomes `modules/<name>.nix`, so both must be valid before anything is generated.
 */
import type { z } from "zod";
import { hostName, identifierName } from "../../dsl/checks.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { PARSE_PARAMS } from "./issue-messages.ts";
import { mismatchOf } from "./issues.ts";
import type { NamedSource } from "./sources.ts";

const checkName = (schema: z.ZodType<string>, what: "host" | "module" | "overlay", source: NamedSource): Diagnostic[] => {
  const result = schema.safeParse(source.name, PARSE_PARAMS);
  if (result.success) return [];
  const file = what === "host" ? `hosts/${source.name}/` : source.file;
  return result.error.issues.map((issue) =>
    error("invalid-name", { file: source.file, objectPath: [] }, { name: source.name, of: what, file, problem: { kind: "mismatch", ...mismatchOf(issue) } }),
  );
};

/** Problems with host folder names and module and overlay file names. */
export const checkNames = (
  hosts: readonly NamedSource[],
  modules: readonly NamedSource[],
  overlays: readonly NamedSource[],
): Diagnostic[] => [
  ...hosts.flatMap((source) => checkName(hostName, "host", source)),
  ...modules.flatMap((source) => checkName(identifierName, "module", source)),
  ...overlays.flatMap((source) => checkName(identifierName, "overlay", source)),
];
