/**
 * Definitions of one file merged into one tree: equal values and lists join, two different
 * single values conflict. A list beside a single value is a list option given a value of the
 * wrong type, and the message says so instead of "NixOS accepts one value here", which is false
 * for a list (a raw `nix.settings.trusted-users: "alice"` beside a deploy user's `["deploy"]`).
 */
import { describe, expect, it } from "vitest";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";
import { DefinitionTree } from "../../generators/lower/definition-tree.ts";

const at = (...objectPath: string[]) => ({ file: "modules/common.ts", objectPath });
const PATH = ["nix", "settings", "trusted-users"];

/** The messages of merging `first` then `second` at one option. */
const conflicts = (first: unknown, second: unknown): string[] =>
  new DefinitionTree(at())
    .addAll([
      { path: PATH, value: first as never, origin: at("users", "deploy", "deploy") },
      { path: PATH, value: second as never, origin: at("nixos", ...PATH) },
    ])
    .diagnostics.map((diagnostic) => `${diagnostic.code}: ${messageOf(diagnostic)}`);

describe("definitions of one option in one file", () => {
  it("joins two lists and keeps two equal values", () => {
    expect(conflicts(["deploy"], ["alice"])).toEqual([]);
    expect(conflicts("UTC", "UTC")).toEqual([]);
  });

  it("refuses two single values: NixOS takes one", () => {
    expect(conflicts("UTC", "Europe/Berlin")).toEqual([
      'conflicting-definitions: conflicts with the value "UTC" defined earlier for the same NixOS option; NixOS accepts one value here: remove one definition, or wrap the one that should win in mkForce(…)',
    ]);
  });

  it("names a single value beside a list as the list option's value of the wrong type, either way round", () => {
    expect(conflicts(["deploy"], "alice")).toEqual([
      'conflicting-definitions: is not a list, but the value ["deploy"] defined earlier for the same NixOS option is: NixOS joins the definitions of a list option, so each must be a list; write this one as a list ([…])',
    ]);
    expect(conflicts("alice", ["deploy"])).toEqual([
      'conflicting-definitions: is a list, but the value "alice" defined earlier for the same NixOS option is not: NixOS joins the definitions of a list option, so each must be a list; write the earlier one as a list ([…])',
    ]);
  });
});
