/**
 * Fleets written to disk for tests, under test/.tmp/ (gitignored): inside this repository, so
 * their `import … from "typeflake"` resolves through the package.json self-reference exactly as
 * examples/ do. A directory outside the repository would need typeflake installed there.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const TMP = fileURLToPath(new URL("../../.tmp/", import.meta.url));

/** Files of a fleet by path relative to its root; `null` makes an empty folder, `undefined` leaves the file out. */
export type FleetFiles = Readonly<Record<string, string | null | undefined>>;

/**
 * Write `files` to a fresh directory under `parent` (default: test/.tmp/) and return its absolute
 * path.
 */
export const writeFleet = async (files: FleetFiles, parent: string = TMP): Promise<string> => {
  await mkdir(parent, { recursive: true });
  const root = await mkdtemp(join(parent, "typeflake-fleet-"));
  await Promise.all(
    Object.entries(files).map(async ([file, text]): Promise<unknown> => {
      const path = join(root, file);
      if (text === undefined) return;
      if (text === null) return mkdir(path, { recursive: true });
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    }),
  );
  return root;
};

/** Remove a fleet written by `writeFleet`. */
export const removeFleet = (root: string): Promise<void> => rm(root, { recursive: true, force: true });

/**
 * Source text with one `»` marking a position: the text without the marker, and the 1-based
 * line and column of the character after it.
 */
export const marked = (text: string): { text: string; line: number; column: number } | undefined => {
  const index = text.indexOf("»");
  if (index < 0) return undefined;
  const before = text.slice(0, index);
  const lines = before.split("\n");
  return { text: text.replace("»", ""), line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
};
