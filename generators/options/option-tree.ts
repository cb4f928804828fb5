/**
 * The option tree: one node per path segment, options at the nodes that declare one. A node can
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

interface MutableNode {
  path: OptionPath;
  option?: OptionDeclaration;
  children: Map<string, MutableNode>;
}

/** Build the tree of `declarations` (paths must be unique, as `readOptionsJson` guarantees). */
export function buildOptionTree(declarations: Iterable<OptionDeclaration>): OptionNode {
  const root: MutableNode = { path: [], children: new Map() };
  for (const declaration of declarations) {
    let node = root;
    for (const segment of declaration.path) {
      let child = node.children.get(segment);
      if (!child) {
        child = { path: [...node.path, segment], children: new Map() };
        node.children.set(segment, child);
      }
      node = child;
    }
    node.option = declaration;
  }
  return freeze(root);
}

function freeze(node: MutableNode): OptionNode {
  const names = [...node.children.keys()].sort(compareText);
  const children = new Map(names.map((name) => [name, freeze(node.children.get(name) as MutableNode)]));
  return node.option ? { path: node.path, option: node.option, children } : { path: node.path, children };
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
