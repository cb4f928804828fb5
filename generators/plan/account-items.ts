/**
 * Who can log in and who can become root, as plan items: each authorised SSH key by user, and
 * each user with administrator rights (`wheel` membership, a sudo rule) and how they got them.
 */
import { compareNames } from "../model/compare-names.ts";
import { isAttrSet, listAt, setAt, valueAt, type AttrSet } from "./values.ts";

/** `ssh-ed25519 AAAAC3Nz…Xy9q alice@laptop`: the type, the key's ends, the comment. */
const abbreviated = (key: string): string => {
  const [type = "", body = "", ...comment] = key.trim().split(/\s+/);
  const short = body.length > 24 ? `${body.slice(0, 12)}…${body.slice(-8)}` : body;
  return [type, short, ...comment].join(" ");
};

/** `alice: ssh-ed25519 AAAAC3Nz…Xy9q alice@laptop` → the whole key. */
export const sshKeyItems = (options: AttrSet): Map<string, unknown> =>
  new Map(
    Object.entries(setAt(options, ["users", "users"])).flatMap(([user, account]) =>
      [...listAt(account, ["openssh", "authorizedKeys", "keys"])]
        .filter((key): key is string => typeof key === "string")
        .map((key) => [`${user}: ${abbreviated(key)}`, key] as const),
    ),
  );

/** User → how they are an administrator: `wheel`, `sudo rule ALL NOPASSWD`, or both. */
export const sudoItems = (options: AttrSet): Map<string, unknown> => {
  const rights = new Map<string, string[]>();
  const grant = (user: string, how: string) => rights.set(user, [...new Set([...(rights.get(user) ?? []), how])]);
  for (const [user, account] of Object.entries(setAt(options, ["users", "users"])))
    if (listAt(account, ["extraGroups"]).includes("wheel") || valueAt(account, ["group"]) === "wheel") grant(user, "wheel");
  for (const member of listAt(options, ["users", "groups", "wheel", "members"])) grant(String(member), "wheel");
  for (const rule of listAt(options, ["security", "sudo", "extraRules"])) {
    if (!isAttrSet(rule)) continue;
    const commands = listAt(rule, ["commands"])
      .map((command) => (isAttrSet(command) ? [command["command"], ...listAt(command, ["options"])].join(" ") : String(command)))
      .join(", ");
    for (const user of listAt(rule, ["users"])) grant(String(user), `sudo rule ${commands}`);
    for (const group of listAt(rule, ["groups"])) grant(`%${String(group)}`, `sudo rule ${commands}`);
  }
  return new Map([...rights].sort(([a], [b]) => compareNames(a, b)).map(([user, how]) => [user, how.join(", ")]));
};
