/**
 * File names in messages: relative to the fleet root, with `/` separators, whichever folder the
 * command was run from. The same words then appear in a terminal inside `hosts/nas/`, in a CI log
 * and in `--json`, and match the paths of the generated files' reports and the fleet's layout.
 */
import { sep } from "node:path";

/** `file` (relative to the fleet root, as origins are) as messages show it. */
export const displayPath = (file: string): string => {
  const shown = file.split(sep).join("/");
  return shown === "" ? "." : shown;
};
