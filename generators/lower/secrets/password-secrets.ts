/**
 * The secrets a host's users read their password hash from (`users.<name>.hashedPasswordFile`).
 * NixOS creates users in the `users` activation step, and sops-nix decrypts its ordinary secrets
 * only after it (they may be owned by those users): a password file among them does not exist yet
 * when its user is made, so the user gets no password. sops-nix decrypts the secrets marked
 * `neededForUsers` before that step, into /run/secrets-for-users. (agenix decrypts every secret
 * before the users step and needs no mark.)
 */
import { bodiesOfHost, findHost, type FleetIndex } from "../../model/fleet-index.ts";

/** Names of the secrets that users of `hostName` (in its host.ts or its modules) take their password hash from. */
export const passwordSecretsOf = (index: FleetIndex, hostName: string | undefined): ReadonlySet<string> => {
  const host = hostName === undefined ? undefined : findHost(index, hostName);
  if (!host) return new Set();
  return new Set(
    bodiesOfHost(index, host).flatMap((body) =>
      Object.values(body.config.users).flatMap((user) => (user.hashedPasswordFile ? [user.hashedPasswordFile.name] : [])),
    ),
  );
};
