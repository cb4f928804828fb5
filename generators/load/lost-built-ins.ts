/**
 * The end of a run whose fleet code changed built-ins for good (replaced and made unchangeable,
 * see `fleet-leftovers.ts`): typeflake's own code would run on them, and could plan wrong files or
 * remove right ones. The run ends here as the fleet's error, before anything is written (fleet code
 * loads before any write), reported with functions taken before fleet code ran: the JSON record of
 * `--json` or the text line, then the exit status 1.
 */
import { ExitCode } from "../command/exit-code.ts";
import { lostBuiltInsMessage } from "../diagnostics/messages/load.ts";
import { CONFIG_FILE } from "./layout.ts";

const { stringify } = JSON;
const writeStdout = process.stdout.write.bind(process.stdout);
const writeStderr = process.stderr.write.bind(process.stderr);
const exit = process.exit.bind(process);
const asJson = process.argv.includes("--json");

/** Report that the built-ins `names` cannot be put back, as a `load-error` of the fleet's configuration file, and end the process. */
export const endForLostBuiltIns = (names: readonly string[]): never => {
  const message = lostBuiltInsMessage(names);
  if (asJson) {
    const place = { file: CONFIG_FILE, line: null, column: null, path: "", objectPath: [] };
    writeStdout(stringify([{ ...place, severity: "error", code: "load-error", message, data: { kind: "built-ins", names }, related: [] }], null, 2) + "\n");
  } else {
    writeStderr(CONFIG_FILE + " error: " + message + "\n\n1 error in 1 file\n");
  }
  return exit(ExitCode.Invalid);
};
