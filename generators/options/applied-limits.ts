/**
 * Limits NixOS puts on an option's value in its `apply` rather than its type, so the option index
 * (type descriptions) does not show them: users-groups.nix aborts the evaluation on a user name,
 * or a user's primary group, of 32 bytes or more ("Username '…' is longer than 31 characters
 * which is not allowed!"). `builtins.stringLength` counts bytes. `users.groups.<name>.name` has no
 * such `apply` (its type is `passwdEntry str`): a raw group name is for NixOS to judge, though
 * typed `groups` keep to 31 characters as systemd-sysusers does (`groupName`, dsl/checks.ts).
 */
import { showOptionPath, type OptionPath } from "./option-path.ts";

/** Options (declared paths) whose `apply` refuses a string of this many bytes or more. */
const MAX_BYTES_EXCLUSIVE: ReadonlyMap<string, number> = new Map([
  ["users.users.<name>.name", 32],
  ["users.users.<name>.group", 32],
]);

/** The rule `value` breaks at the option `declared`, if it breaks one. */
export function appliedLimit(declared: OptionPath, value: unknown): string | undefined {
  const limit = MAX_BYTES_EXCLUSIVE.get(showOptionPath(declared));
  if (limit === undefined || typeof value !== "string" || Buffer.byteLength(value) < limit) return undefined;
  return `must be shorter than ${limit} bytes (NixOS aborts: "longer than ${limit - 1} characters which is not allowed")`;
}
