/**
 * Writing the files of an import: all or nothing. Every target is checked first (a file that
 * typeflake did not generate is never overwritten without `force`), then each file is written
 * to a temporary name and renamed over the target, so a reader never sees half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { INDEX_FORMAT } from "./runtime-index.ts";
import { GENERATED_MARKER } from "./write-types.ts";

const isGenerated = (text: string): boolean => text.includes(GENERATED_MARKER) || text.includes(INDEX_FORMAT);

/**
 * Write `files` (name → content) into `dir`. Returns the paths of hand-written files that stood in
 * the way: when there are any, nothing was written.
 */
export function writeGeneratedFiles(dir: string, files: Readonly<Record<string, string>>, force: boolean): string[] {
  const foreign = Object.keys(files).filter((name) => {
    const target = join(dir, name);
    return !force && existsSync(target) && !isGenerated(readFileSync(target, "utf8"));
  });
  if (foreign.length > 0) return foreign.map((name) => join(dir, name));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const temporary = join(dir, `.typeflake-tmp-${name}-${process.pid}`);
    writeFileSync(temporary, text);
    renameSync(temporary, join(dir, name));
  }
  return [];
}
