/**
 * typeflake's shipped option index as one nested JSON tree (`dsl/nixos-options/tree.json`),
 * written beside `index.json` by `scripts/generate-nixos-options.ts` and read, unchecked, as
 * every pipeline run starts (`shipped.ts`).
 *
 * `index.json` keeps one option per line, for review; reading it means splitting and declaring
 * all 3,146 options in JavaScript, run once and so never optimised: 22–27 ms, 36 M of the 780 M
 * instructions of a homelab's `generate --no-cache`, though a fleet's `nixos` blocks reach few of
 * them. In the tree, `JSON.parse` (native code) builds the nesting, a namespace's nodes are
 * parsed only when a walk enters it, and a node becomes an `OptionNode` only when a walk reaches
 * it: the homelab run went from 773–786 M to 710–724 M instructions. Nothing in it is checked at
 * run time: `test/options/shipped-index.test.ts` proves that it is `index.json`'s tree and reads
 * to the index a fully checked read of `index.json` gives.
 */
import { lazyOptionNode, type OptionNode } from "./declaration-tree.ts";
import { compareText, type OptionPath } from "./option-path.ts";
import type { OptionType } from "./option-type.ts";
import type { OptionAlias, OptionDeclaration, Parsed } from "./options-file.ts";
import { type OptionIndex, parseOptionIndex } from "./runtime-index.ts";

/** The `format` of every tree file. */
export const OPTION_TREE_FORMAT = "typeflake-nixos-option-tree/2";

/** One node: the option declared at it (`type`, a number into the file's types), and the nodes below it by segment. */
interface TreeNode {
  readonly type?: number;
  /** The option is read-only: NixOS computes its value. */
  readonly readOnly?: true;
  /**
   * Below a top-level name (`services`, `networking`), the JSON text of its nodes, parsed when a
   * walk first enters it: parsing the whole tree as a run starts cost 24 M instructions, 3 % of a
   * homelab's `generate --no-cache`, whose `nixos` blocks enter three of its 26 namespaces.
   */
  readonly children?: Readonly<Record<string, TreeNode>> | string;
}

/** The whole file. */
export interface OptionTreeFile {
  readonly format: typeof OPTION_TREE_FORMAT;
  readonly sources: readonly string[];
  readonly optionCount: number;
  /** Each distinct type once: nixpkgs' description and the structured form. */
  readonly types: readonly (readonly [string, OptionType])[];
  readonly aliases: readonly OptionAlias[];
  readonly root: TreeNode;
}

/**
 * The text of the tree file of an `index.json` (`json`, as parsed from `file`), as committed; the
 * problems of a fully checked read when it does not read. The types table is kept as the file
 * writes it (a checked read orders each type's keys its own way).
 */
export function optionTreeOf(json: unknown, file: string): Parsed<string> {
  const index = parseOptionIndex(json, file);
  return index.ok ? { ok: true, value: serializeOptionTree(index.value, (json as Pick<OptionTreeFile, "types">).types) } : index;
}

function serializeOptionTree(index: OptionIndex, types: OptionTreeFile["types"]): string {
  const numbers = new Map(types.map(([typeText], number) => [typeText, number]));
  const nodeOf = ({ path, option, children }: OptionNode): TreeNode => {
    const below = Object.fromEntries([...children].map(([segment, child]) => [segment, nodeOf(child)]));
    return {
      ...(option && { type: numbers.get(option.typeText) as number, ...(option.readOnly && { readOnly: true as const }) }),
      ...(children.size > 0 && { children: path.length === 1 ? JSON.stringify(below) : below }),
    };
  };
  const { sources, optionCount, aliases } = index;
  const file: OptionTreeFile = { format: OPTION_TREE_FORMAT, sources, optionCount, types, aliases, root: nodeOf(index.root) };
  return `${JSON.stringify(file)}\n`;
}

/** The option index of a tree file, each node made when first reached; undefined for a file of another format. */
export function readOptionTreeFile(file: OptionTreeFile): OptionIndex | undefined {
  if (file.format !== OPTION_TREE_FORMAT) return undefined;
  const nodeAt = (path: OptionPath, node: TreeNode): OptionNode => {
    const type = node.type === undefined ? undefined : file.types[node.type];
    const option: OptionDeclaration | undefined = type && { path, typeText: type[0], type: type[1], readOnly: node.readOnly === true };
    return lazyOptionNode(path, option, () => {
      const below = typeof node.children === "string" ? (JSON.parse(node.children) as Record<string, TreeNode>) : (node.children ?? {});
      // Sorted here: an object keeps segments that look like numbers ahead of the others.
      return new Map(Object.keys(below).sort(compareText).map((segment) => [segment, nodeAt([...path, segment], below[segment]!)]));
    });
  };
  return { root: nodeAt([], file.root), aliases: file.aliases, sources: file.sources, optionCount: file.optionCount };
}
