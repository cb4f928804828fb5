/**
 * The shape of one leaf phrase of nixpkgs' type-description grammar: the text it matches, the
 * structured type it stands for and its description class. Shared by the phrases of `lib.types`
 * and `pkgs.formats` (`type-phrases.ts`) and the custom descriptions NixOS modules give their
 * own types (`module-phrases.ts`).
 */
import type { OptionType } from "./option-type.ts";

/**
 * nixpkgs' `descriptionClass`: decides whether a nested description is parenthesised
 * (`list of (string or signed integer)` but `list of string`). `undefined` means "always
 * parenthesised when nested", as for `submodule`.
 */
export type DescriptionClass = "noun" | "conjunction" | "composite" | "nonRestrictiveClause" | undefined;

/** A leaf phrase of the type description grammar. */
export interface TypePhrase {
  /** Matches the phrase at the parser's position (sticky). */
  readonly pattern: RegExp;
  /** The type the matched phrase stands for; `undefined` rejects the match. */
  readonly type: (match: RegExpExecArray) => OptionType | undefined;
  readonly descriptionClass: DescriptionClass;
  /**
   * Custom wording that cannot be rebuilt from the structured type: the parser keeps the
   * matched text as the type's `name`.
   */
  readonly named: boolean;
}

/** A phrase from a regular expression source (matched sticky, at the parser's position). */
export const phrase = (
  source: string,
  type: TypePhrase["type"],
  descriptionClass: DescriptionClass,
  named: boolean,
): TypePhrase => ({ pattern: new RegExp(source, "y"), type, descriptionClass, named });

/**
 * A custom description matched word for word: a module's own wording (`types.str // {
 * description = …; }`) is free text that only its author's type gives a meaning to.
 */
export const customPhrase = (text: string, type: OptionType, descriptionClass: DescriptionClass): TypePhrase =>
  phrase(text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"), () => type, descriptionClass, true);
