/**
 * What a thrown value says, whatever it is: fleet code can throw a Proxy whose every trap throws,
 * an Error whose `message` getter throws, an object whose `toString` does, an object that holds
 * itself, an Error named by an object. Reporting it must not throw in turn, nor print
 * `[object Object]`; and the reason an Error gives through its `cause` (`new Error("cannot read
 * the key", { cause })`) or an AggregateError's `errors` is often the one that says what is wrong.
 */
import { classInstanceKind, describeValue } from "./describe-value.ts";
import { causedBy } from "./messages/words.ts";

/** How many causes are named at most: a chain that long says all it can. */
const MAX_CAUSES = 8;

const UNREADABLE = "a value that throws when it is read";

/** Characters of a thrown message or value shown at most: fleet code can throw megabytes (a file's contents, a dump). */
const MAX_TEXT = 1000;

/** `text`, cut at `MAX_TEXT` characters (never between a character's halves) with a count of the rest. */
const clipped = (text: string): string => {
  if (text.length <= MAX_TEXT) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
  return `${text.slice(0, cut)}… (${text.length - cut} more characters)`;
};

/** What `get` returns, or `fallback` when it throws. */
const readOr = <T>(get: () => T, fallback: T): T => {
  try {
    return get();
  } catch {
    return fallback;
  }
};

/** A thrown value that is no Error: text quoted, a plain object as its JSON, anything else as describeValue shows it. */
const valueText = (value: unknown): string =>
  clipped(readOr(() => {
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "object" && value !== null && (Array.isArray(value) || classInstanceKind(value) === undefined)) {
      // JSON.stringify throws on an object that holds itself, and says `{}` of a Proxy over nothing readable.
      const json = readOr(() => JSON.stringify(value) as string | undefined, undefined);
      if (json !== undefined) return json;
    }
    return describeValue(value);
  }, UNREADABLE));

/** An Error's words, each read so that reading cannot throw. */
export interface ErrorWords {
  /** Its `name` when that is text, else its class's name, else `Error`. */
  readonly name: string;
  /** Its `message` as text, cut past 1,000 characters: `""` when it has none. */
  readonly message: string;
  /** What it gives as its reason, in order: its `cause` chain and an AggregateError's `errors`, each as `thrownText` says it. */
  readonly causes: readonly string[];
}

const nameOf = (error: Error): string =>
  readOr(() => {
    const name: unknown = error.name;
    if (typeof name === "string" && name !== "") return name;
    const className: unknown = Object.getPrototypeOf(error)?.constructor?.name;
    return typeof className === "string" && className !== "" ? className : "Error";
  }, "Error");

const messageOf = (error: Error): string =>
  readOr(() => {
    const message: unknown = error.message;
    return typeof message === "string" ? clipped(message) : message === undefined ? "" : valueText(message);
  }, UNREADABLE);

/** `error`'s name and message, as `Name: message` or `Name` alone. */
const headline = (error: Error): string => {
  const message = messageOf(error);
  return message === "" ? nameOf(error) : `${nameOf(error)}: ${message}`;
};

/** The values `error` gives as its reasons: an AggregateError's `errors`, then its `cause`. */
const reasonsOf = (error: Error): unknown[] =>
  readOr(() => {
    const errors: unknown = error instanceof AggregateError ? error.errors : undefined;
    return [...(Array.isArray(errors) ? errors : []), ...("cause" in error ? [error.cause] : [])];
  }, []);

/** The causes of `error`, breadth first, each Error once (a cause may be the error itself). */
const causesOf = (error: Error): string[] => {
  const seen = new Set<unknown>([error]);
  const queue = reasonsOf(error);
  const causes: string[] = [];
  while (queue.length > 0 && causes.length < MAX_CAUSES) {
    const reason = queue.shift();
    if (seen.has(reason)) continue;
    seen.add(reason);
    if (reason instanceof Error) {
      causes.push(headline(reason));
      queue.push(...reasonsOf(reason));
    } else {
      causes.push(valueText(reason));
    }
  }
  return causes;
};

/** The words of `error`, thrown by fleet code. */
export const errorWords = (error: Error): ErrorWords => ({ name: nameOf(error), message: messageOf(error), causes: causesOf(error) });

/** `Error: message, caused by …` for an Error, `"text"` or `{"code":42}` for another value; never throws. */
export const thrownText = (thrown: unknown): string =>
  readOr(() => (thrown instanceof Error ? `${headline(thrown)}${causedBy(causesOf(thrown))}` : valueText(thrown)), UNREADABLE);
