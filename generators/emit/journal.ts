/**
 * The transaction journal, `.typeflake/txn/journal.json`: what one `generate` is about to do to
 * the disk, written before it does it, so a run cut off at any point can be completed or undone
 * by the next typeflake command. `staging`: temporary files and backups are being made, nothing
 * visible has changed (recovery rolls back). `applying`: everything was staged and flushed, the
 * renames have begun (recovery completes them, or rolls back if a staged file went missing).
 */
import { readFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { z } from "zod";
import { absoluteIn, isTempName, tempPathFor } from "./atomic.ts";
import { createFile, renameFile, syncDirectory } from "./file-ops.ts";
import type { journalSchema, stepSchema } from "./journal-schema.ts";
import { MANIFEST_PATH } from "./manifest.ts";
import { pathProblem, STATE_DIRECTORY } from "./paths.ts";

/** The folder holding one transaction's journal and backups; absent when no write is under way. */
export const TRANSACTION_DIRECTORY = `${STATE_DIRECTORY}/txn`;

/** The journal's path, relative to the fleet root. */
export const JOURNAL_PATH = `${TRANSACTION_DIRECTORY}/journal.json`;

/** Where backups of replaced and deleted files are kept until the transaction ends. */
export const BACKUP_DIRECTORY = `${TRANSACTION_DIRECTORY}/backup`;

/** One file change of a transaction. */
export type Step = z.infer<typeof stepSchema>;

/** A transaction's journal. */
export type Journal = z.infer<typeof journalSchema>;

/** A journal as read: absent, usable, or not a journal typeflake could have written. */
export type ReadJournal = { readonly kind: "absent" } | { readonly kind: "ok"; readonly journal: Journal } | { readonly kind: "unreadable"; readonly reason: string };

/** Write the journal in one step (temporary file, flushed, renamed over the previous one). */
export async function writeJournal(root: string, journal: Journal): Promise<void> {
  const target = absoluteIn(root, JOURNAL_PATH);
  const temp = tempPathFor(target);
  await createFile(temp, `${JSON.stringify(journal, null, 2)}\n`);
  await renameFile(temp, target);
  await syncDirectory(dirname(target));
}

/** Read the journal, refusing any path a hand-edited journal could use to reach outside the root. */
export async function readJournal(root: string): Promise<ReadJournal> {
  let text: string;
  try {
    text = await readFile(absoluteIn(root, JOURNAL_PATH), "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return { kind: "absent" };
    throw cause;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "unreadable", reason: "it is not valid JSON" };
  }
  // zod only now: a run without an interrupted write before it never loads it.
  const { journalSchema } = await import("./journal-schema.ts");
  const parsed = journalSchema.safeParse(json);
  if (!parsed.success) return { kind: "unreadable", reason: "it does not have the journal's shape" };
  const unsafe = parsed.data.steps.find((step) => !isSafeStep(step)) ?? parsed.data.directories.find((d) => pathProblem(d) !== undefined);
  if (unsafe !== undefined) return { kind: "unreadable", reason: `it names an unsafe path: ${JSON.stringify(unsafe)}` };
  return { kind: "ok", journal: parsed.data };
}

function isSafeStep(step: Step): boolean {
  if (step.path !== MANIFEST_PATH && pathProblem(step.path) !== undefined) return false;
  if (step.temp === undefined) return true;
  return dirname(step.temp) === dirname(step.path) && isTempName(basename(step.temp)) && basename(step.temp).startsWith(`.${basename(step.path)}.`);
}
