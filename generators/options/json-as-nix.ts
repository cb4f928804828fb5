/**
 * A default or example given as plain JSON in an options.json (as nixpkgs writes values it can
 * show without `literalExpression`), written as the Nix a module author would write: hover docs
 * and messages then show `[ "a" "b" ]` and `{ port = 80; }` rather than JSON.
 */
import { assign, attrs, bool, float, int, list, nul, str } from "../nix/build.ts";
import type { NixExpr } from "../nix/ast.ts";
import { printNixExpr } from "../nix/print.ts";

/** `value` as Nix source; JSON text when the printer refuses it (it never reaches Nix). */
export function jsonAsNix(value: unknown): string {
  try {
    return printNixExpr(toNix(value));
  } catch {
    return JSON.stringify(value);
  }
}

function toNix(value: unknown): NixExpr {
  if (value === null) return nul;
  if (typeof value === "boolean") return bool(value);
  if (typeof value === "number") return Number.isInteger(value) ? int(value) : float(value);
  if (typeof value === "string") return str(value);
  if (Array.isArray(value)) return list(value.map(toNix));
  if (typeof value === "object") return attrs(Object.entries(value).map(([name, item]) => assign(name, toNix(item))));
  throw new TypeError(`not a JSON value: ${typeof value}`);
}
