/**
 * The refinements of option types that typeflake can check before Nix does: the `addCheck`s
 * nixpkgs names in its descriptions (`strMatching` patterns are `posix-pattern.ts`'s), and how a
 * pattern is shown. Each check has the rule in words, shared by the doc comments and the error
 * messages.
 */
import { isNixExpression } from "../../dsl/expressions.ts";
import { definedValues } from "./defined-values.ts";

/** A refinement typeflake enforces. */
export interface KnownCheck {
  readonly holds: (value: unknown) => boolean;
  /** The rule as a sentence fragment: "must not be empty". */
  readonly rule: string;
}

const isString = (value: unknown): value is string => typeof value === "string";

/**
 * Whether a null stands anywhere in `value`: in its lists, its attribute sets, or as the content
 * of a wrapper that applies (a TOML value's lists and sets merge each item and element as a
 * definition, so `mkIf(false, null)` there is dropped). Raw Nix and other expressions are Nix's
 * to judge. (`Object.values` of a list is its items.)
 */
const holdsNull = (value: unknown): boolean =>
  definedValues(value, true).some(
    (defined) =>
      defined === null ||
      (typeof defined === "object" && !isNixExpression(defined) && Object.values(defined).some(holdsNull)),
  );
const hasContent = (value: string): boolean => /[^ \t\n]/.test(value);

/** Checks by the text nixpkgs uses for them (`string (with check: non-empty)`). */
export const KNOWN_CHECKS: Readonly<Record<string, KnownCheck>> = {
  "non-empty": { holds: (value) => isString(value) && hasContent(value), rule: "must not be empty or only whitespace" },
  // nixpkgs: `isNonEmpty s && (builtins.match ".+/" s) == null`, so "/" itself is fine.
  "non-empty without trailing slash": {
    holds: (value) => isString(value) && hasContent(value) && !/^[\s\S]+\/$/.test(value),
    rule: "must not be empty and must not end in `/` (except `/` itself)",
  },
  "not containing newlines or colons": {
    holds: (value) => isString(value) && !/[\n:]/.test(value),
    rule: "must not contain newlines or colons",
  },
  // nixpkgs' singleLineStr: `strMatching "[^\n\r]*\n?"`, so a carriage return breaks the line too.
  "single-line": { holds: (value) => isString(value) && /^[^\n\r]*\n?$/.test(value), rule: "must be a single line" },
  "without spaces": { holds: (value) => isString(value) && !value.includes(" "), rule: "must not contain spaces" },
  "with spaces inside double quotes": {
    // kernel.nix: `strMatching ''([^"[:space:]]|"[^"]*")+''`; POSIX spaces only, not JavaScript's `\s`.
    holds: (value) => isString(value) && /^(?:[^" \t\n\r\f\v]|"[^"]*")+$/.test(value),
    rule: "must not contain spaces outside double quotes",
  },
  // syncthing.nix: a folder path, absolute or in the user's home.
  "starting with / or ~/": {
    holds: (value) => isString(value) && (value.startsWith("/") || value.startsWith("~/")),
    rule: "must start with `/` or `~/`",
  },
  ">0": { holds: (value) => typeof value === "number" && value > 0, rule: "must be greater than 0" },
  // pkgs.formats.toml: `oneOf [ bool int float str path (attrsOf valueType) (listOf valueType) ]`, no null.
  "without null": { holds: (value) => !holdsNull(value), rule: "must not be null or hold a null anywhere (TOML has no null)" },
};

const CONTROL_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * A `strMatching` pattern as messages and doc comments show it: nixpkgs' patterns hold real line
 * breaks (`[^\r\n]*`), which would break the line they are quoted in, so control characters are
 * written as escapes.
 */
export const showPattern = (pattern: string): string =>
  pattern.replace(
    /[\u0000-\u001f\u007f]/g,
    (char) => CONTROL_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

/** The rule of a check in words; unknown checks are quoted as nixpkgs wrote them. */
export const checkRule = (check: string): string => KNOWN_CHECKS[check]?.rule ?? `must pass NixOS' check "${check}"`;
