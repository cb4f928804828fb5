/**
 * Find where an object path was written in a `define*` file: the property (or array element)
 * inside the object literal the file default-exports. Follows what people write in such files —
 * `as const` and `satisfies`, a top-level `const` defined in the same file, builder calls like
 * `samba({ … })` — and stops where the value was computed (a spread, a function's result, an
 * import), returning the nearest enclosing place it did find: at worst the `define*` call.
 */
import type * as Morph from "ts-morph";
import type { ObjectPathSegment } from "./diagnostic.ts";

type TsMorph = typeof Morph;
type Node = Morph.Node;

/** The node a value was written as, through wrappers and same-file constants and builder calls. */
const writtenValue = (morph: TsMorph, start: Node | undefined): Node | undefined => {
  const { Node } = morph;
  let node = start;
  // A cycle of constants (`const a = b; const b = a`) is impossible in valid code, but bound the walk anyway.
  for (let hops = 0; node && hops < 32; hops++) {
    if (
      Node.isParenthesizedExpression(node) ||
      Node.isAsExpression(node) ||
      Node.isSatisfiesExpression(node) ||
      Node.isNonNullExpression(node) ||
      Node.isTypeAssertion(node)
    ) {
      node = node.getExpression();
    } else if (Node.isIdentifier(node)) {
      node = node.getSourceFile().getVariableDeclaration(node.getText())?.getInitializer();
    } else if (Node.isCallExpression(node)) {
      const argument: Node | undefined = node.getArguments()[0];
      // Builders take their configuration object first: samba({ … }), defineHost({ … }).
      const inner = writtenValue(morph, argument);
      return inner && (Node.isObjectLiteralExpression(inner) || Node.isArrayLiteralExpression(inner)) ? inner : undefined;
    } else {
      return node;
    }
  }
  return undefined;
};

/** The text a property name stands for: `address`, `"server min protocol"`, `0`, `["x"]`. */
const propertyName = (morph: TsMorph, property: Node): string | undefined => {
  const { Node } = morph;
  if (!(Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) || Node.isMethodDeclaration(property)))
    return undefined;
  const name = property.getNameNode();
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralText();
  if (Node.isNumericLiteral(name)) return String(name.getLiteralValue());
  if (Node.isComputedPropertyName(name)) {
    const expression = name.getExpression();
    if (Node.isStringLiteral(expression) || Node.isNoSubstitutionTemplateLiteral(expression)) return expression.getLiteralText();
  }
  return undefined;
};

/** One step down: the property or element `segment` of `value`, as [where its name is, its value]. */
const stepInto = (morph: TsMorph, value: Node, segment: ObjectPathSegment): [Node, Node | undefined] | undefined => {
  const { Node } = morph;
  if (Node.isObjectLiteralExpression(value)) {
    // The last definition of a key wins in JavaScript; a spread after it might override it, but
    // pointing at the written key is still the best guess.
    const property = value
      .getProperties()
      .findLast((candidate) => propertyName(morph, candidate) === String(segment));
    if (!property) return undefined;
    if (Node.isPropertyAssignment(property)) return [property.getNameNode(), property.getInitializer()];
    if (Node.isShorthandPropertyAssignment(property)) return [property.getNameNode(), property.getNameNode()];
    return [property, undefined];
  }
  if (Node.isArrayLiteralExpression(value) && typeof segment === "number") {
    const elements = value.getElements();
    // After a spread, indices no longer match what is written.
    if (elements.slice(0, segment + 1).some((element) => Node.isSpreadElement(element))) return undefined;
    const element = elements[segment];
    return element ? [element, element] : undefined;
  }
  return undefined;
};

/** The default export's expression, or undefined when the file has none. */
const defaultExport = (file: Morph.SourceFile): Node | undefined =>
  file.getExportAssignment((assignment) => !assignment.isExportEquals())?.getExpression();

/**
 * The node to point at for `path` in `file`: the deepest property name or array element of the
 * path that is written in the file; the `define*` call (or the default export) when not even the
 * first step is; the file itself when it has no default export.
 */
export const nodeAtObjectPath = (morph: TsMorph, file: Morph.SourceFile, path: readonly ObjectPathSegment[]): Node => {
  const exported = defaultExport(file);
  if (!exported) return file;
  let anchor: Node = exported;
  let value = writtenValue(morph, exported);
  for (const segment of path) {
    const found = value && stepInto(morph, value, segment);
    if (!found) break;
    [anchor] = found;
    value = writtenValue(morph, found[1]);
  }
  return anchor;
};
