/**
 * Expression values (`secret("k")`, `host("nas")`, `unstablePkg("x")`) found in a configuration,
 * each reported at the path where the user wrote the outermost expression: for
 * `nixos: { a: mkForce(secret("k")) }` that is `nixos.a`, not `nixos.a.value`.
 */
import type { NixExpression } from "../../dsl/expressions.ts";
import type { ObjectPathSegment } from "../diagnostics/diagnostic.ts";
import type { Entry } from "./fleet.ts";
import { expressionsIn } from "./walk.ts";

/** An expression value and the path the user wrote it at. */
export interface WrittenExpression {
  readonly expression: NixExpression;
  readonly path: readonly ObjectPathSegment[];
}

const startsWith = (path: readonly ObjectPathSegment[], prefix: readonly ObjectPathSegment[]): boolean =>
  prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);

/** Every expression inside `value`, outermost first, at the path of its outermost enclosing expression. */
export const writtenExpressions = (value: unknown): WrittenExpression[] => {
  // expressionsIn walks depth first and yields an expression before the ones nested in it: an
  // expression inside an outermost one comes right after it, so only the latest root can hold it.
  let root: readonly ObjectPathSegment[] | undefined;
  return expressionsIn(value).map(({ expression, path }) => {
    if (root === undefined || !startsWith(path, root)) root = path;
    return { expression, path: root };
  });
};

/** The expressions written in each of a fleet's files (hosts, modules, overlays, homes), found once for every check that reads them. */
export type WrittenByEntry = ReadonlyMap<Entry<unknown>, readonly WrittenExpression[]>;

/** The expressions written in each of `entries`. */
export const writtenByEntry = (entries: readonly Entry<unknown>[]): WrittenByEntry =>
  new Map(entries.map((entry) => [entry, writtenExpressions(entry.config)]));

/** The expressions written in `entry`, one of the files `written` was made from. */
export const writtenOf = (written: WrittenByEntry, entry: Entry<unknown>): readonly WrittenExpression[] => {
  const found = written.get(entry);
  if (!found) throw new Error(`${entry.file} was not searched for expressions`);
  return found;
};
