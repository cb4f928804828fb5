/** Phrases several messages share: lists, alternatives, "did you mean", an error's causes. */

/** `, caused by A, caused by B` for the causes A and B of an error fleet code threw; nothing for none. */
export const causedBy = (causes: readonly string[] | undefined): string => (causes ?? []).map((cause) => `, caused by ${cause}`).join("");

/** `a, b or c`. */
export const joinAlternatives = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;

/** `a, b and c`, or `a, b, c and 7 more` past `shown` items: a list that may be a thousand long. */
export const joinSome = (items: readonly string[], shown = 3): string => {
  if (items.length <= 1) return items[0] ?? "";
  if (items.length > shown + 1) return `${items.slice(0, shown).join(", ")} and ${items.length - shown} more`;
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
};

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
