/**
 * Plain values for round-trip tests, and their check against the real Nix: values are printed by
 * typeflake's printer into one file, the expected values are written as JSON to another, and one
 * `nix-instantiate --eval` compares them element by element (type and value) inside Nix. The
 * expected side never goes through the printer, so a printer bug cannot cancel itself out.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NixExpr } from "../../../generators/nix/ast.ts";
import { assign, attrs, bool, float, int, list, nul, str } from "../../../generators/nix/build.ts";
import { printNixExpr } from "../../../generators/nix/print.ts";
import { nixInstantiate } from "../../support/nix.ts";

/** A float, kept apart from integers (JavaScript numbers cannot tell `1.0` from `1`). */
export class Float {
  constructor(readonly value: number) {}
}

/** An attribute set with its entries in order. */
export class Attrs {
  constructor(readonly entries: readonly (readonly [string, Value])[]) {}
}

/** A Nix value: integers are bigints, floats are {@link Float}. */
export type Value = null | boolean | bigint | Float | string | readonly Value[] | Attrs;

/** The value as a Nix AST. */
export function toNix(v: Value): NixExpr {
  if (v === null) return nul;
  if (typeof v === "boolean") return bool(v);
  if (typeof v === "bigint") return int(v);
  if (typeof v === "string") return str(v);
  if (v instanceof Float) return float(v.value);
  if (v instanceof Attrs) return attrs(v.entries.map(([key, value]) => assign(key, toNix(value))));
  return list(v.map(toNix));
}

/** The value as JSON text that `builtins.fromJSON` reads back exactly (ints stay exact, floats stay floats). */
export function toJson(v: Value): string {
  if (v === null || typeof v === "boolean") return String(v);
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof Float) {
    const text = String(v.value);
    return /[.e]/.test(text) ? text : `${text}.0`;
  }
  if (v instanceof Attrs)
    return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`).join(",")}}`;
  return `[${v.map(toJson).join(",")}]`;
}

const CHECK = `
let
  inherit (builtins) all attrNames elemAt genList length typeOf;
  same =
    a: b:
    typeOf a == typeOf b
    && (
      if typeOf a == "list" then
        length a == length b && all (i: same (elemAt a i) (elemAt b i)) (genList (i: i) (length a))
      else if typeOf a == "set" then
        attrNames a == attrNames b && all (n: same a.\${n} b.\${n}) (attrNames a)
      else
        a == b
    );
  actual = import ./values.nix;
  expected = builtins.fromJSON (builtins.readFile ./expected.json);
in
assert length actual == length expected;
genList (i: same (elemAt actual i) (elemAt expected i)) (length expected)
`;

/** The result of comparing printed values with the expected ones inside Nix. */
export interface Comparison {
  /** The printed list, as written to `values.nix`. */
  readonly printed: string;
  /** Indices whose printed expression did not evaluate to the expected value. */
  readonly mismatches: readonly number[];
}

/**
 * Print `actual` (a list expression, or an expression that evaluates to a list) and compare its
 * elements with `expectedJson` (a JSON array) in one `nix-instantiate --eval` run.
 */
export function compareInNix(actual: NixExpr, expectedJson: string): Comparison {
  const dir = mkdtempSync(join(tmpdir(), "typeflake-nix-roundtrip-"));
  try {
    const printed = printNixExpr(actual);
    writeFileSync(join(dir, "values.nix"), `${printed}\n`);
    writeFileSync(join(dir, "expected.json"), expectedJson);
    writeFileSync(join(dir, "check.nix"), CHECK);
    const results = JSON.parse(
      nixInstantiate(["--eval", "--strict", "--json", join(dir, "check.nix")]),
    ) as boolean[];
    return { printed, mismatches: results.flatMap((ok, i) => (ok ? [] : [i])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
