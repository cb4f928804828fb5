/**
 * `init` in a folder that already has a .gitignore: the scaffold's lines it lacks, appended under
 * a comment saying whose they are; its own lines stay as they are, in their order.
 */

/** `existing` with the lines of `scaffold` it does not have (comments and blank lines aside) appended; `existing` itself when it has them all. */
export const mergeGitignore = (existing: string, scaffold: string): string => {
  const present = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const missing = scaffold.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#") && !present.has(line.trim()));
  if (missing.length === 0) return existing;
  const separator = existing === "" || existing.endsWith("\n") ? "" : "\n";
  return `${existing}${separator}\n# typeflake: installed packages, nix results, typeflake's own working files\n${missing.join("\n")}\n`;
};
