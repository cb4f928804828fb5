/**
 * Names that come from the file system: a host's folder becomes `networking.hostName`, a module's
 * file name becomes `modules/<name>.nix`, so both must be valid before anything is generated.
 */
import type { z } from "zod";
import { hostName, identifierName } from "../../dsl/checks.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { NamedSource } from "./sources.ts";

const checkName = (schema: z.ZodType<string>, what: "host" | "module" | "overlay", source: NamedSource): Diagnostic[] => {
  const result = schema.safeParse(source.name, { reportInput: true });
  if (result.success) return [];
  const where = what === "host" ? `its folder hosts/${source.name}/` : `its file name ${source.file}`;
  return result.error.issues.map((issue) =>
    error(
      "invalid-name",
      { file: source.file, objectPath: [] },
      `the ${what} name ${JSON.stringify(source.name)} is taken from ${where} and ${issue.message}; rename the ${what === "host" ? "folder" : "file"}`,
    ),
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
