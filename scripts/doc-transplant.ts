/**
 * Carry doc comments into the published declarations. tsc writes the type of a zod schema
 * (`export const hostSchema = z.strictObject({ /** … *\/ address: … })`) as a synthesized
 * `z.ZodObject<{ address: z.ZodString }>`, and drops the doc comments of the shape's fields,
 * which are exactly the hover docs of `defineHost({ address })` in a user's editor. This pass
 * finds, for every property of an inline type in the declarations of the given source folders
 * (`dist/dsl/**\/*.d.ts`, `dist/services/**\/*.d.ts`), the source property it was printed from
 * (same name, reached through the same property names, zod's wrappers being transparent) and
 * writes that property's doc comment above it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Project, ts } from "ts-morph";

/** Where the sources and the compiled package are. */
export interface TransplantPaths {
  /** The repository root. */
  readonly root: string;
  /** The compiled package folder (`dist/`), mirroring the source tree. */
  readonly dist: string;
  /** Source folders compiled into `dist/`. */
  readonly folders: readonly string[];
}

/** How far to look through wrappers (`ZodOptional<ZodDefault<ZodObject<{…}>>>`) for a field. */
const WRAPPER_DEPTH = 6;

/** Types whose own members are fields a user writes: object literals, mapped and anonymous types. */
const isShape = (type: ts.Type): boolean =>
  (type.flags & ts.TypeFlags.Object) !== 0 &&
  ((type as ts.ObjectType).objectFlags & (ts.ObjectFlags.Anonymous | ts.ObjectFlags.Mapped | ts.ObjectFlags.ObjectLiteral)) !== 0;

/** The types one step inside `type` that are not its fields: type arguments, union members, signatures. */
const insideOf = (checker: ts.TypeChecker, type: ts.Type): ts.Type[] => {
  const inside: ts.Type[] = [...(type.aliasTypeArguments ?? [])];
  if (type.isUnionOrIntersection()) inside.push(...type.types);
  if ((type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0) {
    inside.push(...checker.getTypeArguments(type as ts.TypeReference));
  }
  for (const signature of type.getCallSignatures()) {
    inside.push(signature.getReturnType(), ...signature.getParameters().map((parameter) => checker.getTypeOfSymbol(parameter)));
  }
  for (const info of checker.getIndexInfosOfType(type)) inside.push(info.type);
  return inside;
};

/** The source symbol of field `name` in `type`, looking through wrappers breadth-first. */
const findField = (checker: ts.TypeChecker, type: ts.Type, name: string): ts.Symbol | undefined => {
  let layer = [type];
  const seen = new Set<ts.Type>();
  for (let depth = 0; depth < WRAPPER_DEPTH && layer.length > 0; depth++) {
    const next: ts.Type[] = [];
    for (const candidate of layer) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const field = isShape(candidate) ? checker.getPropertyOfType(candidate, name) : undefined;
      if (field) return field;
      next.push(...insideOf(checker, candidate));
    }
    layer = next;
  }
  return undefined;
};

/** The doc comment of `field` (or of the property it was mapped from), as comment text lines. */
const docLines = (checker: ts.TypeChecker, field: ts.Symbol): string[] => {
  for (const symbol of [field, ...checker.getRootSymbols(field)]) {
    const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const tags = symbol.getJsDocTags(checker).map((tag) => `@${tag.name} ${ts.displayPartsToString(tag.text)}`.trimEnd());
    if (text !== "" || tags.length > 0) return [...(text === "" ? [] : text.split("\n")), ...tags.flatMap((tag) => tag.split("\n"))];
  }
  return [];
};

interface Insertion {
  readonly at: number;
  readonly text: string;
}

/** Walk a declaration's printed type beside the source type it came from, collecting doc comments to insert. */
const collect = (checker: ts.TypeChecker, declarations: ts.SourceFile, node: ts.Node, type: ts.Type, out: Insertion[]): void => {
  if (ts.isPropertySignature(node) && ts.isIdentifier(node.name) || ts.isPropertySignature(node) && ts.isStringLiteral(node.name)) {
    const field = findField(checker, type, node.name.text);
    if (!field) return;
    const hasDoc = ts.getJSDocCommentsAndTags(node).length > 0;
    const lines = hasDoc ? [] : docLines(checker, field);
    if (lines.length > 0) {
      const start = node.getStart(declarations);
      const lineStart = declarations.text.lastIndexOf("\n", start) + 1;
      const indent = declarations.text.slice(lineStart, start);
      const body = lines.map((line) => `${indent} * ${line.replaceAll("*/", "*\\/")}`.trimEnd()).join("\n");
      out.push({ at: lineStart, text: `${indent}/**\n${body}\n${indent} */\n` });
    }
    if (node.type) collect(checker, declarations, node.type, checker.getTypeOfSymbol(field), out);
    return;
  }
  ts.forEachChild(node, (child) => collect(checker, declarations, child, type, out));
};

/** Apply the transplant to every declaration file of the given source folders; returns the number of fields documented. */
export const transplantDocComments = ({ root, dist, folders }: TransplantPaths): number => {
  // ts-morph's Project brings TypeScript's lib files, which the bare compiler API would read from disk.
  const project = new Project({ tsConfigFilePath: join(root, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
  const sources = folders.flatMap((folder) => project.addSourceFilesAtPaths([join(root, folder, "**/*.ts"), `!${join(root, folder, "**/*.d.ts")}`]));
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const sourcePaths = new Set(sources.map((file) => file.getFilePath() as string));
  let documented = 0;
  for (const source of program.getSourceFiles().filter((file) => sourcePaths.has(file.fileName))) {
    const declarationPath = join(dist, relative(root, source.fileName)).replace(/\.ts$/, ".d.ts");
    if (!existsSync(declarationPath)) continue;
    const text = readFileSync(declarationPath, "utf8");
    const declarations = ts.createSourceFile(declarationPath, text, ts.ScriptTarget.Latest, true);
    const insertions: Insertion[] = [];
    const sourceVariables = new Map(
      source.statements
        .filter(ts.isVariableStatement)
        .flatMap((statement) => statement.declarationList.declarations.map((declaration) => declaration.name))
        .filter(ts.isIdentifier)
        .map((name) => [name.text, name] as const),
    );
    for (const statement of declarations.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.type) continue;
        const original = sourceVariables.get(declaration.name.text);
        if (original) collect(checker, declarations, declaration.type, checker.getTypeAtLocation(original), insertions);
      }
    }
    if (insertions.length === 0) continue;
    documented += insertions.length;
    let result = text;
    for (const { at, text: comment } of [...insertions].sort((a, b) => b.at - a.at)) result = `${result.slice(0, at)}${comment}${result.slice(at)}`;
    writeFileSync(declarationPath, result);
  }
  return documented;
};
