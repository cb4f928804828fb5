/**
 * Helpers for the emit suites: throwaway fleet roots under the OS temp directory, plans built
 * from short bodies, and exact snapshots of a tree (bytes and mtimes) to prove what changed.
 */
import type { Dirent } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { afterAll, afterEach } from "vitest";
import { renderGeneratedHeader } from "../../../generators/emit/header.ts";
import type { FilePlan, PlannedFile } from "../../../generators/emit/plan.ts";

const roots = { test: [] as string[], file: [] as string[] };

const removeAll = (list: string[]) => Promise.all(list.splice(0).map((root) => rm(root, { recursive: true, force: true })));
afterEach(() => removeAll(roots.test));
afterAll(() => removeAll(roots.file));

/** A fresh empty directory, removed after the test (or, for `"file"`, after the test file: for `beforeAll`). */
export async function tempRoot(lifetime: "test" | "file" = "test"): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "typeflake-emit-"));
  roots[lifetime].push(root);
  return root;
}

/** A planned file: typeflake's header for `source`, then `body`. */
export function planned(path: string, body: string, source = `${path}.ts`): PlannedFile {
  return { path, source, text: `${renderGeneratedHeader(source, "#")}${body}` };
}

/** A plan of `planned` files from `{ path: body }`. */
export function planOf(files: Record<string, string>): FilePlan {
  return { files: Object.entries(files).map(([path, body]) => planned(path, body)) };
}

/** Write files (creating directories) under `root`, as a person or an earlier tool would. */
export async function put(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

/** Read one file under `root` as text. */
export const read = (root: string, path: string): Promise<string> => readFile(join(root, path), "utf8");

/** One entry of a tree snapshot: a directory, or a file's bytes (base64) and mtime. */
export type SnapshotEntry = { readonly kind: "dir" } | { readonly kind: "file"; readonly base64: string; readonly mtimeMs: number };

/**
 * Every entry below `root`, with its path relative to it, folders before what they hold; folders
 * `skip` names (by relative path) are left out with all below them. A symbolic link is an entry,
 * never followed: Node 26's `readdir(…, { recursive: true, withFileTypes: true })` follows links
 * to folders, and a test fleet's `node_modules/typeflake` links back to this repository.
 */
export async function entriesBelow(root: string, skip: (path: string) => boolean = () => false): Promise<{ path: string; entry: Dirent }[]> {
  const found: { path: string; entry: Dirent }[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory() && skip(path)) continue;
      found.push({ path, entry });
      if (entry.isDirectory()) await walk(path);
    }
  };
  await walk("");
  return found;
}

/** Every directory and file below `root`, by relative path, with contents and mtimes. */
export async function snapshot(root: string): Promise<Record<string, SnapshotEntry>> {
  const entries: Record<string, SnapshotEntry> = {};
  for (const { path, entry } of await entriesBelow(root)) {
    const absolute = join(root, path);
    if (entry.isDirectory()) entries[path] = { kind: "dir" };
    else entries[path] = { kind: "file", base64: (await readFile(absolute)).toString("base64"), mtimeMs: (await stat(absolute)).mtimeMs };
  }
  return entries;
}

/** Relative paths of every file below `root`, sorted. */
export async function filesUnder(root: string): Promise<string[]> {
  const tree = await snapshot(root);
  return Object.keys(tree)
    .filter((path) => tree[path]?.kind === "file")
    .sort();
}

/**
 * Strings of arbitrary UTF-16 code units (line breaks of every kind, controls, lone surrogates).
 * Built from integers because fast-check's `unit: "binary"` takes about a second to warm up.
 */
export const anyText = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength });
