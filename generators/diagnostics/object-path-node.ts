/**
 * Find where an object path was written in a `define*` file: the property (or array element)
 * inside the object literal the file default-exports. Follows what people write in such files —
 * `as const` and `satisfies`, a top-level `const` defined in the same file, builder calls like
 * `samba({ … })` — and stops where the value was computed (a spread, a function's result, an
 * import), returning the nearest enclosing place it did find: at worst the `define*` call.
 *
 * Reads the syntax tree of Babel's parser (TypeScript plugin): it loads in a tenth of the time the
 * TypeScript compiler takes, and locating a lone warning must not cost a run half a second.
 */
import type * as Babel from "@babel/types";
import type { ObjectPathSegment } from "./diagnostic.ts";

type Node = Babel.Node;

/** A top-level `const`/`let`/`var` named `name` (exported or not): its initializer, first one first. */
const variableInitializer = (program: Babel.Program, name: string): Node | undefined => {
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type !== "VariableDeclaration") continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === "Identifier" && declarator.id.name === name) return declarator.init ?? undefined;
    }
  }
  return undefined;
};

/** The node a value was written as, through wrappers and same-file constants and builder calls. */
const writtenValue = (program: Babel.Program, start: Node | null | undefined): Node | undefined => {
  let node = start ?? undefined;
  // A cycle of constants (`const a = b; const b = a`) is impossible in valid code, but bound the walk anyway.
  for (let hops = 0; node && hops < 32; hops++) {
    switch (node.type) {
      case "ParenthesizedExpression":
      case "TSAsExpression":
      case "TSSatisfiesExpression":
      case "TSNonNullExpression":
      case "TSTypeAssertion":
        node = node.expression;
        break;
      case "Identifier":
        node = variableInitializer(program, node.name);
        break;
      case "CallExpression":
      case "OptionalCallExpression": {
        // Builders take their configuration object first: samba({ … }), defineHost({ … }).
        const inner = writtenValue(program, node.arguments[0]);
        return inner && (inner.type === "ObjectExpression" || inner.type === "ArrayExpression") ? inner : undefined;
      }
      default:
        return node;
    }
  }
  return undefined;
};

/**
 * The text a property name stands for: `address`, `"server min protocol"`, `0`, `["x"]`. A getter
 * (`get address() { … }`) names its key, as the value read there comes from it; a setter gives none.
 */
const propertyName = (property: Babel.ObjectExpression["properties"][number]): string | undefined => {
  if (property.type === "SpreadElement" || (property.type === "ObjectMethod" && property.kind === "set")) return undefined;
  const { key } = property;
  if (!property.computed) {
    if (key.type === "Identifier") return key.name;
    if (key.type === "StringLiteral") return key.value;
    if (key.type === "NumericLiteral") return String(key.value);
    return undefined;
  }
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "TemplateLiteral" && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
};

/** Where a property's name is written: a computed name from its `[`, as TypeScript's name node does. */
const nameStart = (property: Babel.ObjectProperty | Babel.ObjectMethod): number =>
  (property.computed ? property.start : property.key.start) ?? 0;

/** `offset` moved past whitespace and comments. */
const skipTrivia = (text: string, offset: number): number => {
  let at = offset;
  for (;;) {
    while (at < text.length && /\s/.test(text[at] as string)) at++;
    if (text.startsWith("//", at)) at = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at);
    else if (text.startsWith("/*", at)) at = text.indexOf("*/", at + 2) < 0 ? text.length : text.indexOf("*/", at + 2) + 2;
    else return at;
  }
};

/**
 * Where element `index` of `array` is written. A hole (`[a, , b]`) has no node: like TypeScript's
 * omitted expression (an empty node, which keeps its leading space) it starts right after the `[`
 * or the comma that ends the element before it.
 */
const elementStart = (text: string, array: Babel.ArrayExpression, index: number): number => {
  const element = array.elements[index];
  if (element) return element.start ?? 0;
  if (index === 0) return (array.start ?? 0) + 1;
  const before = array.elements[index - 1];
  const end = before ? (before.end ?? 0) : elementStart(text, array, index - 1);
  return skipTrivia(text, end) + 1;
};

/** One step down: the property or element `segment` of `value`, as [where its name is, its value]. */
const stepInto = (text: string, value: Node, segment: ObjectPathSegment): [number, Node | undefined] | undefined => {
  if (value.type === "ObjectExpression") {
    // The last definition of a key wins in JavaScript; a spread after it might override it, but
    // pointing at the written key is still the best guess.
    const property = value.properties.findLast((candidate) => propertyName(candidate) === String(segment));
    if (!property || property.type === "SpreadElement") return undefined;
    if (property.type === "ObjectMethod") return [property.start ?? 0, undefined];
    return [nameStart(property), property.value];
  }
  if (value.type === "ArrayExpression" && typeof segment === "number") {
    // After a spread, indices no longer match what is written.
    if (value.elements.slice(0, segment + 1).some((element) => element?.type === "SpreadElement")) return undefined;
    if (segment >= value.elements.length) return undefined;
    return [elementStart(text, value, segment), value.elements[segment] ?? undefined];
  }
  return undefined;
};

/** The default export's expression (`export default …`, not a declared function or class). */
const defaultExport = (program: Babel.Program): Node | undefined => {
  for (const statement of program.body) {
    if (statement.type !== "ExportDefaultDeclaration") continue;
    const { declaration } = statement;
    const declared = declaration.type === "FunctionDeclaration" || declaration.type === "ClassDeclaration" || declaration.type === "TSDeclareFunction";
    if (!declared && declaration.type !== "TSInterfaceDeclaration") return declaration;
  }
  return undefined;
};

/** Where the file's first statement starts (after comments), or its end when it has none. */
const fileStart = (program: Babel.Program, text: string): number =>
  Math.min(program.directives[0]?.start ?? text.length, program.body[0]?.start ?? text.length);

/**
 * The offset to point at for `path` in a file (`program` parsed from `text`): the deepest property name or
 * array element of the path that is written in the file; the `define*` call (or the default
 * export) when not even the first step is; the file's first statement when it has no default
 * export.
 */
export const offsetAtObjectPath = (program: Babel.Program, text: string, path: readonly ObjectPathSegment[]): number => {
  const exported = defaultExport(program);
  if (!exported) return fileStart(program, text);
  let anchor = exported.start ?? 0;
  let value = writtenValue(program, exported);
  for (const segment of path) {
    const found = value && stepInto(text, value, segment);
    if (!found) break;
    [anchor] = found;
    value = writtenValue(program, found[1]);
  }
  return anchor;
};
