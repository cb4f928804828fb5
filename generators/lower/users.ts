/**
 * The `users` and `groups` sections → `users.users`, `users.groups`, and for deploy users the
 * rights deployment needs: `wheel`, passwordless sudo, and trust to copy store paths.
 *
 * Passwordless sudo is granted by a `security.sudo.extraRules` entry naming the deploy users,
 * not by `security.sudo.wheelNeedsPassword = false`: the narrower rule leaves every other
 * member of `wheel` (a person's own account) asking for a password.
 */
import type { ConfigBody } from "../../dsl/config-body.ts";
import { child, error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Contribution, Definition, LowerContext } from "./contribution.ts";
import { secretPathOf, setFields } from "./emit.ts";

/** The two sections this lowering reads. */
export type UsersSections = Pick<ConfigBody, "users" | "groups">;

type User = ConfigBody["users"][string];

const userValue = (user: User) => {
  const extraGroups = [...new Set([...user.extraGroups, ...(user.deploy ? ["wheel"] : [])])];
  return setFields({
    isNormalUser: user.isNormalUser ? true : undefined,
    isSystemUser: user.isNormalUser ? undefined : true,
    description: user.description,
    uid: user.uid,
    group: user.group,
    extraGroups: extraGroups.length ? extraGroups : undefined,
    openssh: user.sshKeys.length ? { authorizedKeys: { keys: user.sshKeys } } : undefined,
    shell: user.shell,
    hashedPasswordFile: user.hashedPasswordFile && secretPathOf(user.hashedPasswordFile),
    packages: user.packages.length ? user.packages : undefined,
  });
};

/**
 * deploy-rs and `nixos-rebuild --target-host` log in as the deploy user, copy the new system
 * into the store (which needs `trusted-users`, as the paths are not signed) and activate it with
 * sudo (which must not prompt).
 */
const deployDefinitions = (names: readonly string[], context: LowerContext): Definition[] => {
  if (!names.length) return [];
  const origin = child(context.origin, "users", names[0] as string, "deploy");
  return [
    {
      path: ["security", "sudo", "extraRules"],
      value: [{ users: [...names], commands: [{ command: "ALL", options: ["NOPASSWD"] }] }],
      origin,
    },
    { path: ["nix", "settings", "trusted-users"], value: [...names], origin },
  ];
};

const userProblems = (name: string, user: User, context: LowerContext): Diagnostic[] => {
  const at = child(context.origin, "users", name);
  return [
    ...(!user.isNormalUser && user.group === undefined
      ? [error("missing-group", child(at, "isNormalUser"), { user: name })]
      : []),
    ...(user.deploy && !user.sshKeys.length
      ? [warning("deploy-without-keys", child(at, "sshKeys"), { user: name })]
      : []),
  ];
};

/** Lower the `users` and `groups` of one host or module; `context.origin` is the file's root object. */
export const lowerUsers = (sections: UsersSections, context: LowerContext): Contribution => {
  const users = Object.entries(sections.users);
  const groups = Object.entries(sections.groups);
  return {
    definitions: [
      ...users.map(([name, user]) => ({ path: ["users", "users", name], value: userValue(user), origin: child(context.origin, "users", name) })),
      ...groups.map(([name, group]) => ({
        path: ["users", "groups", name],
        value: setFields({ gid: group.gid, members: group.members.length ? group.members : undefined }),
        origin: child(context.origin, "groups", name),
      })),
      ...deployDefinitions(users.filter(([, user]) => user.deploy).map(([name]) => name), context),
    ],
    ports: [],
    diagnostics: users.flatMap(([name, user]) => userProblems(name, user, context)),
  };
};
