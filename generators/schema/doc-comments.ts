/**
 * Field descriptions for the JSON Schema, taken from the doc comments of the DSL — the same text
 * an editor shows on hover in TypeScript. zod schemas do not carry those comments at run time,
 * but the input types inferred from them do (each property keeps its declaration), so the
 * TypeScript checker (through ts-morph) reads them while the JSON Schema is walked alongside the
 * type: object properties, record values, array items and union members.
 *
 * It reads the DSL's sources: it runs from them (tsx, vitest) and at build time, never in the
 * package, which ships the result (see `documented-schema.ts`).
 */
import { fileURLToPath } from "node:url";
import type { Symbol as TsSymbol, SourceFile, ts, Type } from "ts-morph";
import { tsMorph } from "../lazy-ts-morph.ts";
import type { JsonSchema, SchemaDefinitions, SchemaKind } from "./schema-document.ts";

/** The input type each kind's file is written against, as exported by `typeflake`. */
const INPUT_TYPES: Readonly<Record<SchemaKind, string>> = {
  fleet: "FleetInput",
  host: "HostInput",
  module: "ModuleInput",
  overlay: "OverlayInput",
  home: "HomeInput",
};

/** The DSL's entry, as the checker reads it. */
const DSL_ENTRY = fileURLToPath(new URL("../../dsl/index.ts", import.meta.url));

const isSchema = (value: unknown): value is JsonSchema => typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads doc comments of properties of the DSL's types. */
class DocReader {
  private readonly file: SourceFile;
  private readonly checker: ts.TypeChecker;

  constructor() {
    const { Project, ts } = tsMorph();
    const project = new Project({
      skipAddingFilesFromTsConfig: true,
      compilerOptions: {
        strict: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        target: ts.ScriptTarget.ES2022,
      },
    });
    this.file = project.addSourceFileAtPath(DSL_ENTRY);
    project.resolveSourceFileDependencies();
    this.checker = project.getTypeChecker().compilerObject;
  }

  /** The exported type called `name`. */
  exportedType(name: string): Type | undefined {
    return this.file.getExportedDeclarations().get(name)?.[0]?.getType();
  }

  /** The members of `type` without `undefined` and `null`: a union's members, or the type itself. */
  private members(type: Type): Type[] {
    const defined = type.getNonNullableType();
    return defined.isUnion() ? defined.getUnionTypes() : [defined];
  }

  /** Property `name` of the first member that has it. */
  property(type: Type, name: string): TsSymbol | undefined {
    return this.members(type)
      .map((member) => member.getProperty(name))
      .find((symbol) => symbol !== undefined);
  }

  doc(symbol: TsSymbol): string {
    return tsMorph().ts.displayPartsToString(symbol.compilerSymbol.getDocumentationComment(this.checker)).trim();
  }

  typeOf(symbol: TsSymbol): Type {
    return symbol.getTypeAtLocation(this.file);
  }

  /** The value type of a record (its string index signature). */
  recordValue(type: Type): Type | undefined {
    return this.members(type)
      .map((member) => member.getStringIndexType())
      .find((value) => value !== undefined);
  }

  arrayItem(type: Type): Type | undefined {
    return this.members(type)
      .map((member) => member.getArrayElementType())
      .find((item) => item !== undefined);
  }
}

/** Attach the doc comments of `type`'s properties to `schema`, recursively. */
const annotate = (reader: DocReader, schema: JsonSchema, type: Type): void => {
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    const variants = schema[keyword];
    if (Array.isArray(variants)) for (const variant of variants.filter(isSchema)) annotate(reader, variant, type);
  }
  const properties = schema["properties"];
  if (isSchema(properties)) {
    for (const [name, property] of Object.entries(properties)) {
      const symbol = reader.property(type, name);
      if (!symbol || !isSchema(property)) continue;
      const doc = reader.doc(symbol);
      const existing = property["description"];
      if (doc) property["description"] = typeof existing === "string" ? `${doc}\n\n${existing}` : doc;
      annotate(reader, property, reader.typeOf(symbol));
    }
  }
  const values = schema["additionalProperties"];
  const valueType = isSchema(values) ? reader.recordValue(type) : undefined;
  if (isSchema(values) && valueType) annotate(reader, values, valueType);
  const items = schema["items"];
  const itemType = isSchema(items) ? reader.arrayItem(type) : undefined;
  if (isSchema(items) && itemType) annotate(reader, items, itemType);
};

/** Built on first use and kept: type-checking the DSL is the slow part. */
let shared: DocReader | undefined;

/**
 * Add descriptions from the DSL's doc comments to the kinds' schemas in `definitions.$defs`, in
 * place. The first call takes a few seconds: it type-checks the DSL.
 */
export const addDocComments = ({ $defs: defs }: SchemaDefinitions): void => {
  const reader = (shared ??= new DocReader());
  for (const [kind, typeName] of Object.entries(INPUT_TYPES)) {
    const schema = defs[kind];
    const type = reader.exportedType(typeName);
    if (isSchema(schema) && type) annotate(reader, schema, type);
  }
};
