/**
 * sops-nix (`modules/sops/default.nix`): a secret's `group` defaults to
 * `users.users.${owner}.group`, read while the host evaluates, so an owner that no module of the
 * host declares as a user fails the evaluation (`attribute '<owner>' missing`) unless the secret
 * names its group. (agenix reads `users.users.${owner}.group or "0"` and does not fail there.)
 */
import { warning } from "../../diagnostics/diagnostic.ts";
import { hostLabel, type HostAssertion } from "./assertion.ts";
import type { HostOptions } from "./host-options.ts";
import { nixosDeclaresUser } from "./nixos-accounts.ts";

/** Whether `user` exists on the host as far as typeflake sees: one of its users, or one NixOS declares. */
const declaresUser = (options: HostOptions, user: string): boolean =>
  options.namesUnder("users", "users").includes(user) || nixosDeclaresUser(options, user);

/**
 * sops secrets owned by a user the host does not declare, with no group to stand in for the
 * owner's: a warning, not an error, since NixOS's modules declare their services' own users
 * (`grafana`, `postgres`, …), which typeflake does not see when a raw block enables the service.
 */
export const sopsOwnerGroup: HostAssertion = (options) =>
  // Users written as raw Nix are for Nix to judge.
  options.opaqueAt("users", "users")
    ? []
    : options.namesUnder("sops", "secrets").flatMap((name) => {
        const owner = options.get("sops", "secrets", name, "owner");
        if (owner === undefined || typeof owner.value !== "string") return [];
        if (options.get("sops", "secrets", name, "group") !== undefined || declaresUser(options, owner.value)) return [];
        const at = owner.origins[0] ?? { file: options.host.file, objectPath: [] };
        return [
          warning("sops-owner-not-a-user", at, {
            problem: `sops secret ${JSON.stringify(name)} is owned by ${JSON.stringify(owner.value)}, which ${hostLabel(options)} does not declare as a user (nor does a NixOS module typeflake knows of), and names no group: sops-nix takes the group from users.users.${owner.value}.group`,
            nixos: `attribute '${owner.value}' missing`,
            fix: `declare the user on the host (users: { ${JSON.stringify(owner.value)}: { … } }) or give the secret its group (secrets.secrets.${JSON.stringify(name)}.group in typeflake.config.ts); nothing is needed if a NixOS module of the host declares that user (a service's own)`,
            ...(options.handWritten.length > 0 && { unlessSetIn: options.handWritten }),
          }),
        ];
      });
