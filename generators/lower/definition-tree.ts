/**
 * One file's NixOS definitions merged into a tree, the way a hand-written module holds them:
 * one attribute set, each option defined once. Two definitions of one option are merged as the
 * NixOS module system would (lists concatenate, identical values collapse, `mk*` wrappers go
 * through `lib.mkMerge`), and plain values that conflict are reported with both origins. (The
 * options a schema declares are `options/declaration-tree.ts`.)
 */
import { isDeepStrictEqual } from "node:util";
import { isNixAttrSet, isNixExpression, mkMerge, type NixValue } from "../../dsl/expressions.ts";
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { NixBinding, NixExpr } from "../nix/ast.ts";
import { assign, attrs } from "../nix/build.ts";
import type { Definition } from "./contribution.ts";

/** A value defined at an option path, and where it was written. */
interface Leaf {
  readonly kind: "leaf";
  value: NixValue;
  readonly origins: SourceOrigin[];
}

/** An attribute set being built; children keep the order they were first defined in. */
interface Branch {
  readonly kind: "branch";
  readonly children: Map<string, OptionNode>;
  readonly origin: SourceOrigin;
}

type OptionNode = Leaf | Branch;

/**
 * Back from tree to value, for a branch that must be merged with a leaf and for every generated
 * file's whole tree: one object filled in place (entries arrays per attribute cost as much as the
 * rest of the conversion), `__proto__` defined as an own key like any other name.
 */
const nodeValue = (node: OptionNode): NixValue => {
  if (node.kind === "leaf") return node.value;
  const value: Record<string, NixValue> = {};
  for (const [name, child] of node.children) {
    if (name === "__proto__") Object.defineProperty(value, name, { value: nodeValue(child), enumerable: true, writable: true, configurable: true });
    else value[name] = nodeValue(child);
  }
  return value;
};

const nodeOrigin = (node: OptionNode): SourceOrigin =>
  node.kind === "leaf" ? (node.origins[0] as SourceOrigin) : node.origin;

/** The merged definitions of one generated file. */
export class DefinitionTree {
  private readonly root: Branch;
  private readonly problems: Diagnostic[] = [];

  constructor(origin: SourceOrigin) {
    this.root = { kind: "branch", children: new Map(), origin };
  }

  /** Add definitions in order. */
  addAll(definitions: readonly Definition[]): this {
    for (const definition of definitions) this.add(definition);
    return this;
  }

  /** Add one definition: plain attribute sets are spread into the tree, everything else is a leaf. */
  add({ path, value, origin }: Definition): this {
    let branch = this.root;
    for (const [index, segment] of path.slice(0, -1).entries()) {
      const existing = branch.children.get(segment);
      if (existing?.kind === "leaf") {
        // A wrapped value (mkForce { … }) already stands here: merge the rest of the path beside it.
        const nested = path.slice(index + 1).reduceRight<NixValue>((inner, name) => ({ [name]: inner }), value);
        branch.children.set(segment, this.merge(existing, nested, origin));
        return this;
      }
      const next: Branch = existing ?? { kind: "branch", children: new Map(), origin };
      branch.children.set(segment, next);
      branch = next;
    }
    const name = path.at(-1);
    if (name !== undefined) this.place(branch, name, value, origin);
    else if (isNixAttrSet(value)) this.spread(branch, value, origin);
    return this;
  }

  /** Conflicting plain definitions found while merging. */
  get diagnostics(): readonly Diagnostic[] {
    return this.problems;
  }

  /** The merged definitions as one value, as NixOS will see them (for checks against the option schema). */
  toValue(): NixValue {
    return nodeValue(this.root);
  }

  /**
   * The tree as attribute-set bindings. At the top, each first-level namespace is split into
   * one binding per child (`networking.hostName = …; networking.hostId = …;`), as NixOS
   * configurations are written by hand; below, chains of single-child sets collapse into dotted
   * paths (`services.nfs.server = { … }`).
   */
  toBindings(lower: (value: NixValue) => NixExpr): NixBinding[] {
    return [...this.root.children].flatMap(([name, node]) =>
      node.kind === "branch" && node.children.size > 0
        ? [...node.children].map(([childName, child]) => binding([name, childName], child, lower))
        : [binding([name], node, lower)],
    );
  }

  private spread(branch: Branch, value: { readonly [name: string]: NixValue }, origin: SourceOrigin): void {
    for (const [name, item] of Object.entries(value)) {
      this.place(branch, name, item, { file: origin.file, objectPath: [...origin.objectPath, name] });
    }
  }

  private place(parent: Branch, name: string, value: NixValue, origin: SourceOrigin): void {
    const existing = parent.children.get(name);
    if (isNixAttrSet(value) && (existing === undefined || existing.kind === "branch")) {
      const branch = existing ?? { kind: "branch" as const, children: new Map(), origin };
      parent.children.set(name, branch);
      this.spread(branch, value, origin);
      return;
    }
    if (existing === undefined) {
      parent.children.set(name, { kind: "leaf", value, origins: [origin] });
      return;
    }
    parent.children.set(name, this.merge(existing, value, origin));
  }

  private merge(existing: OptionNode, value: NixValue, origin: SourceOrigin): Leaf {
    const current = nodeValue(existing);
    const origins = existing.kind === "leaf" ? [...existing.origins, origin] : [existing.origin, origin];
    if (isDeepStrictEqual(current, value)) return { kind: "leaf", value: current, origins };
    if (Array.isArray(current) && Array.isArray(value)) {
      return { kind: "leaf", value: [...current, ...value], origins };
    }
    const wrapped = (item: NixValue) => isNixExpression(item) || isNixAttrSet(item);
    if (wrapped(current) || wrapped(value)) {
      const parts = isNixExpression(current) && current.kind === "merge" ? current.values : [current];
      return { kind: "leaf", value: mkMerge([...parts, value]), origins };
    }
    // A list beside a single value: a list option given a value of the wrong type, not two values.
    const list = Array.isArray(value) ? "this" : Array.isArray(current) ? "earlier" : undefined;
    this.problems.push(
      error("conflicting-definitions", origin, { earlier: JSON.stringify(current), ...(list && { list }) }, [nodeOrigin(existing)]),
    );
    return { kind: "leaf", value: current, origins };
  }
}

const binding = (path: string[], node: OptionNode, lower: (value: NixValue) => NixExpr): NixBinding => {
  let current = node;
  const names = [...path];
  while (current.kind === "branch" && current.children.size === 1) {
    const [name, child] = [...current.children][0] as [string, OptionNode];
    names.push(name);
    current = child;
  }
  return assign(names, nodeExpr(current, lower));
};

const nodeExpr = (node: OptionNode, lower: (value: NixValue) => NixExpr): NixExpr =>
  node.kind === "leaf"
    ? lower(node.value)
    : attrs([...node.children].map(([name, child]) => binding([name], child, lower)));
