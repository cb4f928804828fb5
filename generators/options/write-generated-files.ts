/**
 * Writing the files of a schema (an import or a sync): all or nothing as far as the file system
 * allows. Every target is checked first (a file that typeflake did not generate is never
 * overwritten without `force`); then every file is written in full to a temporary name beside
 * its target (emit's atomic-write helpers), and only then each is renamed over its target, so a
 * reader never sees half a file and a failed write leaves the old schema.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { tempPathFor } from "../emit/atomic.ts";
import { createFile, makeDirectory, removeFile, renameFile, syncDirectory } from "../emit/file-ops.ts";
import { INDEX_FORMAT } from "./runtime-index.ts";
import { GENERATED_MARKER } from "./write-types.ts";

// `source.json` carries no comment; its `typeflakeVersion` field is its mark.
const isGenerated = (text: string): boolean =>
  text.includes(GENERATED_MARKER) || text.includes(INDEX_FORMAT) || text.includes('"typeflakeVersion"');

const readIfThere = (path: string): Promise<string | undefined> =>
  readFile(path, "utf8").catch((cause: NodeJS.ErrnoException) => {
    if (cause.code === "ENOENT") return undefined;
    throw cause;
  });

/**
 * Write `files` (name → content) into `dir`. Returns the paths of hand-written files that stood in
 * the way: when there are any, nothing was written.
 */
export async function writeGeneratedFiles(
  dir: string,
  files: Readonly<Record<string, string>>,
  force: boolean,
): Promise<string[]> {
  const names = Object.keys(files);
  const existing = await Promise.all(names.map((name) => readIfThere(join(dir, name))));
  const foreign = names.filter((_, position) => {
    const text = existing[position];
    return !force && text !== undefined && !isGenerated(text);
  });
  if (foreign.length > 0) return foreign.map((name) => join(dir, name));
  await makeDirectory(dir);
  const staged: [string, string][] = [];
  try {
    for (const [name, text] of Object.entries(files)) {
      const temporary = tempPathFor(join(dir, name));
      await createFile(temporary, text);
      staged.push([temporary, join(dir, name)]);
    }
  } catch (cause) {
    await Promise.all(staged.map(([temporary]) => removeFile(temporary).catch(() => undefined)));
    throw cause;
  }
  for (const [temporary, target] of staged) await renameFile(temporary, target);
  await syncDirectory(dir);
  return [];
}

/** The names of `files` whose content differs from what is in `dir` (missing files included). */
export async function staleFiles(dir: string, files: Readonly<Record<string, string>>): Promise<string[]> {
  const names = Object.keys(files);
  const existing = await Promise.all(names.map((name) => readIfThere(join(dir, name))));
  return names.filter((name, position) => existing[position] !== files[name]);
}
