/** Phrases several messages share: lists, alternatives, "did you mean". */

/** `a, b or c`. */
export const joinAlternatives = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;

/** `"a", "b", "c"`: names quoted, sorted, joined for "valid keys are …" lists. */
export const quotedList = (values: Iterable<string>): string =>
  [...values]
    .sort()
    .map((value) => JSON.stringify(value))
    .join(", ");

/** `; did you mean "address"?` for a suggestion, else the empty string. */
export const didYouMean = (suggestion: string | undefined): string =>
  suggestion === undefined ? "" : `; did you mean ${JSON.stringify(suggestion)}?`;

/**
 * The end of a message about a misspelled name: `; did you mean "address"? <rest>` with a
 * suggestion, else `. <rest>` (`rest` is a sentence: it starts with a capital letter).
 */
export const suggestThen = (suggestion: string | undefined, rest: string): string =>
  `${suggestion === undefined ? "." : didYouMean(suggestion)} ${rest}`;
