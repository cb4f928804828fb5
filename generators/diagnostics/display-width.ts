/**
 * How many terminal columns a character takes, for lining a caret up under source text: East
 * Asian wide and fullwidth characters (CJK, most emoji) take two, combining marks none (they sit
 * on the character before), everything else one. Ambiguous-width characters count as one, as
 * terminals outside East Asian locales show them.
 */
import { eastAsianWidth } from "get-east-asian-width";

const COMBINING = /^\p{M}$/u;

/** The columns `char` (one code point) takes in a terminal. */
export const displayWidth = (char: string): number => (COMBINING.test(char) ? 0 : eastAsianWidth(char.codePointAt(0) ?? 0));
