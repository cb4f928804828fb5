/**
 * The edit behind every "one host changed" figure: the last host by name (so `plan-bench.ts`'s
 * edit of the first stays possible) gets a proxy port of its own, so each run finds exactly that
 * host changed. Restoring the file is the caller's, once it is done measuring.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One host of a synthetic host-folder fleet, edited on demand and restored. */
export interface OneHostEdit {
  /** Give the host the proxy port `port` (a different one per run, so every run sees a change). */
  readonly change: (port: number) => void;
  /** Put the host's file back as it was. */
  readonly restore: () => void;
}

/** The edit of `root`'s last host (host-folder layout). */
export const oneHostEdit = (root: string): OneHostEdit => {
  const file = join(root, "hosts", readdirSync(join(root, "hosts")).sort().at(-1) as string, "host.ts");
  const original = readFileSync(file, "utf8");
  return {
    change: (port) => writeFileSync(file, original.replace("http://127.0.0.1:8080", `http://127.0.0.1:${port}`)),
    restore: () => writeFileSync(file, original),
  };
};
