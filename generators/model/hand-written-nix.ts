/**
 * The hand-written Nix a host's configuration imports: its `hardware` file and the `imports` of
 * its host file and of the modules it uses. typeflake writes the imports but does not read these
 * files, so any option may be set in them: a check that fails because an option is unset can only
 * warn for such a host (see `validate/assertions/assertion.ts`).
 */
import { posix } from "node:path";
import type { ConfigBody } from "../../dsl/config-body.ts";
import type { Entry, HostEntry } from "./fleet.ts";

/**
 * The hand-written Nix files `host` imports through itself and `bodies` (the files configuring it:
 * the host file and its modules), relative to the fleet root, each once, in that order.
 */
export const handWrittenNix = (host: HostEntry, bodies: readonly Entry<ConfigBody>[]): string[] => {
  const inFolderOf = (file: string, written: string): string => posix.normalize(posix.join(posix.dirname(file), written));
  const files = [
    ...(host.config.hardware === undefined ? [] : [inFolderOf(host.file, host.config.hardware)]),
    ...bodies.flatMap((body) => body.config.imports.map((written) => inFolderOf(body.file, written))),
  ];
  return [...new Set(files)];
};
