/**
 * How a value the user wrote is shown inside a message ("got …"): short, in the user's own
 * notation — strings quoted, expression values as the helper call that made them.
 */
import { isNixExpression, type NixExpression } from "../../dsl/expressions.ts";
import { orderName, overrideName } from "../../dsl/priorities.ts";

const MAX_TEXT = 60;

const quoted = (text: string): string => {
  const json = JSON.stringify(text);
  return json.length <= MAX_TEXT ? json : `${json.slice(0, MAX_TEXT - 2)}…"`;
};

/** The helper call an expression value came from, e.g. `pkg("htop")`, `secret("wg").path`. */
export const describeExpression = (expression: NixExpression): string => {
  switch (expression.kind) {
    case "raw":
      return "nix`…`";
    case "string":
      return "nixString`…`";
    case "override": {
      const name = overrideName(expression.priority);
      return name ? `${name}(…)` : `mkOverride(${expression.priority}, …)`;
    }
    case "order": {
      const name = orderName(expression.priority);
      return name ? `${name}(…)` : `mkOrder(${expression.priority}, …)`;
    }
    case "if":
      return "mkIf(…)";
    case "merge":
      return "mkMerge([…])";
    case "package":
      return `${expression.set === "pkgs" ? "pkg" : "unstablePkg"}(${quoted(expression.attrPath.join("."))})`;
    case "path":
      return `nixPath(${quoted(expression.path)})`;
    case "secret":
      return `secret(${quoted(expression.name)})`;
    case "secretPath":
      return `secret(${quoted(expression.name)}).path`;
    case "host":
      return expression.url
        ? `host(${quoted(expression.host)}).port(${expression.url.port})`
        : `host(${quoted(expression.host)})`;
    default:
      return expression satisfies never;
  }
};

/**
 * Whether `value`'s prototype is an ordinary object rather than a class's: what an object literal
 * holding a quoted `"__proto__": …` entry is, since that entry sets the prototype instead of a key
 * of that name, and the entries it names are inherited, not the object's own.
 */
export const hasBorrowedPrototype = (value: object): boolean => {
  const prototype = Object.getPrototypeOf(value) as object | null;
  // A class's prototype owns its `constructor`; a borrowed one inherits it.
  return prototype !== null && prototype !== Object.prototype && !Array.isArray(value) && !Object.hasOwn(prototype, "constructor");
};

const BORROWED_PROTOTYPE = 'an object whose prototype its "__proto__" entry set (write ["__proto__"]: … for a key of that name)';

/**
 * What an object made by a class is (`a Date object`, `an Int8Array object`), or undefined for an
 * array, a plain object or a typeflake expression, the objects a definition may hold.
 */
export const classInstanceKind = (value: object): string | undefined => {
  if (Array.isArray(value) || isNixExpression(value)) return undefined;
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === Object.prototype || prototype === null) return undefined;
  if (hasBorrowedPrototype(value)) return BORROWED_PROTOTYPE;
  const name = (prototype as { constructor?: { name?: unknown } }).constructor?.name;
  if (typeof name !== "string" || name === "") return "an object made by a class";
  // By sound: "an Int8Array", "an Error", but "a Uint8Array", "a URL".
  return `${/^[AEIO]/i.test(name) ? "an" : "a"} ${name} object`;
};

/** A short rendering of any value: `"tank/media"`, `70000`, `an array`, `pkg("htop")`. */
export const describeValue = (value: unknown): string => {
  if (value === undefined) return "nothing (undefined)";
  if (typeof value === "string") return quoted(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (typeof value !== "object" || value === null) return String(value);
  if (isNixExpression(value)) return describeExpression(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty array" : `an array of ${value.length}`;
  return classInstanceKind(value) ?? "an object";
};
