/**
 * Users (`nixos/modules/config/users-groups.nix`): every `users.users.<name>` must be exactly one
 * of a normal and a system account — "Exactly one of users.users.<name>.isSystemUser and
 * users.users.<name>.isNormalUser must be set." (a uid below 1000 counts as a system account). A
 * typed user always is one; an entry that only adds groups is not: `docker({ users: ["dave"] })`
 * or a raw `users.users.dave.extraGroups` for a person the host does not declare, a misspelt name,
 * or one declared only on other hosts or in a module this host does not use.
 */
import { error, warning, type Diagnostic } from "../../diagnostics/diagnostic.ts";
import { closestNames } from "../../diagnostics/suggest.ts";
import { bodiesOfHost, type FleetIndex } from "../../model/fleet-index.ts";
import { hostLabel, type HostAssertion } from "./assertion.ts";
import { booleanOf, UNKNOWN, type HostOptions, type OptionValue } from "./host-options.ts";
import { nixosDeclaresUser } from "./nixos-accounts.ts";

/** "Set, to a value typeflake cannot see": raw Nix or a Nix condition, for Nix to judge. */
const unseen = (option: OptionValue | undefined): boolean => option !== undefined && option.value === UNKNOWN;

/** Whether NixOS counts the user as exactly one kind of account, or only Nix can tell. */
const hasKind = (options: HostOptions, user: string): boolean => {
  const at = (name: string) => options.get("users", "users", user, name);
  const normal = at("isNormalUser");
  const system = at("isSystemUser");
  const uid = at("uid");
  if ([normal, system, uid].some(unseen)) return true;
  const lowUid = typeof uid?.value === "number" && uid.value < 1000;
  return booleanOf(normal) === true || booleanOf(system) === true || lowUid;
};

/** The files of other hosts, and of modules this host does not use, that declare `user` as an account. */
const declaredElsewhere = (index: FleetIndex, options: HostOptions, user: string): string[] => {
  const own = new Set(bodiesOfHost(index, options.host).map((body) => body.file));
  const files = [...index.hosts.values()].flatMap((host) => host.bodies.filter((body) => !own.has(body.file) && user in body.config.users).map((body) => body.file));
  return [...new Set(files)].sort();
};

/**
 * Users of a host that are neither normal nor system accounts. An error when the name is an
 * account elsewhere in the fleet (a person this host lacks); otherwise a warning, since a NixOS
 * module that a raw block enables declares its service's own account (`jenkins`, `postgres`),
 * unseen by typeflake; a warning too when hand-written Nix the host imports may declare it.
 */
export const userAccountKind: HostAssertion = (options, index) =>
  options.namesUnder("users", "users").flatMap((user): Diagnostic[] => {
    if (nixosDeclaresUser(options, user) || options.opaqueAt("users", "users", user) || hasKind(options, user)) return [];
    const at = options.originOf("users", "users", user) ?? { file: options.host.file, objectPath: [] };
    const elsewhere = declaredElsewhere(index, options, user);
    const accounts = options.namesUnder("users", "users").filter((name) => name !== user && hasKind(options, name));
    const suggestions = closestNames(user, accounts);
    const fields = {
      problem:
        `${hostLabel(options)} gives user ${JSON.stringify(user)} settings but declares no such account` +
        (elsewhere.length > 0 ? ` (${elsewhere.join(", ")} ${elsewhere.length === 1 ? "declares" : "declare"} it, and ${options.host.file} uses none of them)` : ""),
      nixos: `Exactly one of users.users.${user}.isSystemUser and users.users.${user}.isNormalUser must be set.`,
      fix:
        (suggestions.length > 0 ? `did you mean ${suggestions.map((name) => JSON.stringify(name)).join(" or ")}? Otherwise ` : "") +
        `declare the account on the host or in a module it uses (users: { ${JSON.stringify(user)}: { … } })` +
        (elsewhere.length > 0 ? "" : "; nothing is needed if a NixOS module the host enables declares it (a service's own account)"),
      ...(options.handWritten.length > 0 && { unlessSetIn: options.handWritten }),
    };
    return [elsewhere.length > 0 && options.handWritten.length === 0 ? error("undeclared-user", at, fields) : warning("undeclared-user", at, fields)];
  });
