/**
 * The inputs a flake's lock file pins, so `update <input>` can reject a misspelled name: nix only
 * warns that the flag "does not match any input" and exits 0, having updated nothing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../command/command-error.ts";

interface LockFile {
  readonly root?: string;
  readonly nodes?: Readonly<Record<string, { readonly inputs?: Readonly<Record<string, unknown>> }>>;
}

/** The names of the flake's direct inputs in `flake.lock`, sorted; undefined when there is no lock file yet. */
function lockedInputs(flakeDir: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(join(flakeDir, "flake.lock"), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const lock = JSON.parse(text) as LockFile;
  return Object.keys(lock.nodes?.[lock.root ?? "root"]?.inputs ?? {}).sort();
}

/** Throw a `UsageError` for any of `inputs` that the lock file does not pin. */
export function checkInputs(flakeDir: string, inputs: readonly string[]): void {
  const known = lockedInputs(flakeDir);
  const unknown = known && inputs.find((input) => !known.includes(input));
  if (known && unknown !== undefined) {
    throw new UsageError(
      `the flake has no input ${JSON.stringify(unknown)}; its inputs (from flake.lock) are: ${known.join(", ") || "(none)"}`,
    );
  }
}
