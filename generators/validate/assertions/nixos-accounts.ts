/**
 * Accounts NixOS's own modules declare, which a host's options may name without declaring them:
 * `root` and `nobody` (users-groups.nix) always, and the users of the services typeflake
 * configures while those are on. A service a raw block enables declares its own account unseen.
 */
import { booleanOf, type HostOptions } from "./host-options.ts";

/** Users that NixOS's own modules declare while a service typeflake configures is on, with that service's switch. */
const SERVICE_USERS: Readonly<Record<string, readonly string[]>> = {
  nginx: ["services", "nginx", "enable"],
  sshd: ["services", "openssh", "enable"],
};

/** Whether NixOS's modules declare `user` on the host: root, nobody, or the user of a service typeflake sees switched on. */
export const nixosDeclaresUser = (options: HostOptions, user: string): boolean => {
  if (user === "root" || user === "nobody") return true;
  const service = SERVICE_USERS[user];
  return service !== undefined && booleanOf(options.get(...service)) === true;
};
