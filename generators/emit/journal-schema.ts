/**
 * The journal's shape (see `journal.ts`), in a module of its own so that zod is loaded only when
 * a journal is actually read: a run after a clean one never does.
 */
import { z } from "zod";
import { SHA256 } from "./manifest.ts";

const sha256 = z.string().regex(SHA256);

/** One file change of a transaction. */
export const stepSchema = z.object({
  /** The file changed, relative to the root. */
  path: z.string(),
  /** Hash before the transaction; `null` when the step creates the file. */
  before: sha256.nullable(),
  /** Hash after; `null` when the step deletes the file. */
  after: sha256.nullable(),
  /** The staged new content, beside `path`; absent for deletions. */
  temp: z.string().optional(),
  /** Name of the old content's backup in `BACKUP_DIRECTORY`; absent for creations. */
  backup: z.string().regex(/^[0-9]+$/).optional(),
});

/** The journal file's JSON. */
export const journalSchema = z.object({
  version: z.literal(1),
  state: z.enum(["staging", "applying"]),
  /** Who ran the transaction, for recovery messages. */
  pid: z.number().int(),
  startedAt: z.string(),
  /** Directories made for new files, deepest first: a rollback removes them again when empty. */
  directories: z.array(z.string()),
  /** In the order they are applied; a rollback undoes them in reverse. */
  steps: z.array(stepSchema),
});
