/**
 * File names as a person at the terminal can open them: relative to the working directory when
 * the fleet root is known (`examples/homelab/hosts/nas/host.ts`), else relative to the fleet root.
 */
import { join, relative, sep } from "node:path";

/** Where the fleet is and where the reader is. */
export interface PathContext {
  /** The fleet root; origins' files are relative to it. Omit to print files as they are. */
  readonly root?: string;
  /** The reader's working directory. Default: `process.cwd()`. */
  readonly cwd?: string;
}

/** `file` (relative to the fleet root) as the reader should see it, with `/` separators. */
export const displayPath = (file: string, context: PathContext): string => {
  if (context.root === undefined) return file;
  const shown = relative(context.cwd ?? process.cwd(), join(context.root, file)).split(sep).join("/");
  // Keep the trailing slash that marks a folder (`hosts/nas/`).
  const folder = file.endsWith("/") && !shown.endsWith("/") ? `${shown}/` : shown;
  return folder === "" ? "." : folder;
};
