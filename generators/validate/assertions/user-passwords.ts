/**
 * Users (`nixos/modules/config/users-groups.nix`): more than one of a user's password options set
 * makes NixOS pick one by an order of precedence that differs with `users.mutableUsers`, and warn.
 * The outcome is rarely what was meant (a forgotten `initialPassword` beside a
 * `hashedPasswordFile`), so typeflake refuses it: one password option per user.
 */
import type { SourceOrigin } from "../../diagnostics/diagnostic.ts";
import { error } from "../../diagnostics/diagnostic.ts";
import type { HostAssertion } from "./assertion.ts";
import { booleanOf, isSet, type HostOptions } from "./host-options.ts";

/** The options users-groups.nix counts: the initial ones only while users are mutable. */
const passwordOptions = (options: HostOptions): readonly string[] => [
  "hashedPassword",
  "hashedPasswordFile",
  "password",
  ...(booleanOf(options.get("users", "mutableUsers")) === false ? [] : ["initialHashedPassword", "initialPassword"]),
];

/** Users with more than one password option. */
export const userPasswords: HostAssertion = (options) =>
  options.namesUnder("users", "users").flatMap((user) => {
    const set = passwordOptions(options).flatMap((name) => {
      const option = options.get("users", "users", user, name);
      return option && isSet(option) === true ? [{ name, origin: option.origins.at(-1) as SourceOrigin, sequence: option.sequence }] : [];
    });
    // Reported at the one written last (a raw block's, after the typed field).
    set.sort((a, b) => a.sequence - b.sequence);
    if (set.length < 2) return [];
    const [first, ...rest] = set;
    const last = rest.at(-1);
    if (!first || !last) return [];
    return [
      error(
        "conflicting-passwords",
        last.origin,
        { user, options: set.map((option) => option.name) },
        set.slice(0, -1).map((option) => option.origin),
      ),
    ];
  });
