/**
 * The tree of option declarations (the schema; what a fleet defines is `lower/definition-tree.ts`):
 * one node per path segment, options at the nodes that declare one. A node can
 * be both an option and the parent of others: `services.nginx.virtualHosts` is an option (an
 * attribute set of submodules) and `services.nginx.virtualHosts.<name>` holds the submodule's
 * options. Nodes without an option (`services`) are namespaces.
 */
import type { OptionDeclaration } from "./options-file.ts";
import { compareText, ELEMENT, ITEM, type OptionPath } from "./option-path.ts";

/** One segment of the option tree. */
export interface OptionNode {
  /** Full path from the root, with `<name>` / `*` placeholders. */
  readonly path: OptionPath;
  /** The option declared here, if any. */
  readonly option?: OptionDeclaration;
  /** Child segments in code-unit order, placeholders included. */
  readonly children: ReadonlyMap<string, OptionNode>;
}

/**
 * Build the tree of `declarations` (paths must be unique, as `readOptionsJson` guarantees). Each
 * node groups its children on first use: a fleet's own schema has 20,000+ options and one
 * generate visits the few namespaces its hosts set.
 */
export function buildDeclarationTree(declarations: Iterable<OptionDeclaration>): OptionNode {
  return declaredNode([], [...declarations]);
}

/** The node at `path`, over the declarations at or below it. */
function declaredNode(path: OptionPath, below: readonly OptionDeclaration[]): OptionNode {
  const depth = path.length;
  const option = below.find((declaration) => declaration.path.length === depth);
  return lazyOptionNode(path, option, () => groupChildren(path, below));
}

/** The node at `path` with the option declared there, if any, and the children `group` makes when first read. */
export function lazyOptionNode(path: OptionPath, option: OptionDeclaration | undefined, group: () => ReadonlyMap<string, OptionNode>): OptionNode {
  let children: ReadonlyMap<string, OptionNode> | undefined;
  const node = { path, ...(option ? { option } : {}) };
  // An own, enumerable getter: the node still reads (and compares) as plain data.
  return Object.defineProperty(node, "children", {
    enumerable: true,
    get: (): ReadonlyMap<string, OptionNode> => (children ??= group()),
  }) as OptionNode;
}

function groupChildren(path: OptionPath, below: readonly OptionDeclaration[]): ReadonlyMap<string, OptionNode> {
  const depth = path.length;
  const groups = new Map<string, OptionDeclaration[]>();
  for (const declaration of below) {
    const segment = declaration.path[depth];
    if (segment === undefined) continue;
    const group = groups.get(segment);
    if (group) group.push(declaration);
    else groups.set(segment, [declaration]);
  }
  return new Map([...groups.keys()].sort(compareText).map((segment) => [segment, declaredNode([...path, segment], groups.get(segment)!)]));
}

/** Children that are named options or namespaces (not the `<name>` / `*` element scopes). */
export const namedChildren = (node: OptionNode): OptionNode[] =>
  [...node.children.entries()].filter(([segment]) => segment !== ELEMENT && segment !== ITEM).map(([, child]) => child);

/** The last segment of a node's path. */
export const segmentOf = (node: OptionNode): string => node.path[node.path.length - 1] ?? "";

/** Every option in the tree, depth first in path order. */
export function* optionsOf(node: OptionNode): Generator<OptionDeclaration> {
  if (node.option) yield node.option;
  for (const child of node.children.values()) yield* optionsOf(child);
}
