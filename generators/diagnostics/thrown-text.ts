/**
 * What a thrown value says, whatever it is: fleet code can throw a Proxy whose every trap throws,
 * an Error whose `message` getter throws, an object whose `toString` does. Reporting it must not
 * throw in turn.
 */

/** `String(thrown)` (`Error: message` for an Error), or a description when even that throws. */
export const thrownText = (thrown: unknown): string => {
  try {
    return String(thrown);
  } catch {
    return "a value that throws when it is read";
  }
};
