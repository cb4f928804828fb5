/**
 * The structured form of a NixOS option type, parsed from the type description nixpkgs prints
 * (`list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)`). Plain, `kind`-tagged,
 * JSON-serialisable data: the runtime index stores it as is, the TypeScript writer and the
 * validator switch over `kind`.
 */

/** Fields every kind may carry. */
interface TypeBase {
  /**
   * nixpkgs' own wording for a type that has a custom description (`systemd option`,
   * `positive integer, meaning >0`), kept so messages quote NixOS exactly.
   */
  readonly name?: string;
  /**
   * Refinements nixpkgs adds with `addCheck` or as a clause (`non-empty`, `single-line`,
   * `not containing newlines or colons`). The validator enforces the ones it knows
   * (`value-checks.ts`); the others are documentation.
   */
  readonly checks?: readonly string[];
}

/** Any Nix value: `unspecified value`, `raw value`, `anything`, `JSON value`, or an unknown type. */
export interface AnyType extends TypeBase {
  readonly kind: "any";
  /** Set when the description was not understood: the text that fell back to "any Nix value". */
  readonly unknown?: string;
}

/** `boolean` */
export interface BoolType extends TypeBase {
  readonly kind: "bool";
}

/** `signed integer`, `integer between A and B (both inclusive)`, `16 bit unsigned integer; …`. */
export interface IntType extends TypeBase {
  readonly kind: "int";
  /** Smallest allowed value (inclusive). */
  readonly min?: number;
  /** Largest allowed value (inclusive). */
  readonly max?: number;
}

/** `floating point number` (Nix keeps floats and integers apart; the printer writes `1.0`). */
export interface FloatType extends TypeBase {
  readonly kind: "float";
  readonly min?: number;
  readonly max?: number;
}

/** `string` and its variants: patterns, separators (`strings concatenated with "\n"`). */
export interface StringType extends TypeBase {
  readonly kind: "string";
  /** POSIX extended regular expression the whole string must match (`builtins.match`). */
  readonly pattern?: string;
  /** Several definitions are joined with this separator instead of conflicting. */
  readonly separator?: string;
}

/** `absolute path` (or the older `path`), `path in the Nix store`, `path not in the Nix store`. */
export interface PathType extends TypeBase {
  readonly kind: "path";
  /** `true`: must be in the Nix store; `false`: must not be; absent: any absolute path. */
  readonly inStore?: boolean;
}

/** `package`: a derivation, written `pkg("htop")`. */
export interface PackageType extends TypeBase {
  readonly kind: "package";
}

/** The `null` of `null or X`. */
export interface NullType extends TypeBase {
  readonly kind: "null";
}

/** `one of "a", "b"` and `value "auto" (singular enum)`. */
export interface EnumType extends TypeBase {
  readonly kind: "enum";
  readonly values: readonly (string | number | boolean)[];
}

/** `list of X`; `non-empty (list of X)`. */
export interface ListType extends TypeBase {
  readonly kind: "list";
  readonly of: OptionType;
  readonly nonEmpty?: boolean;
}

/** `attribute set of X`, `lazy attribute set of X`; element names are free. */
export interface AttrsType extends TypeBase {
  readonly kind: "attrs";
  readonly of: OptionType;
  readonly lazy?: boolean;
}

/**
 * `submodule` / `open submodule of F`: a set of options, declared in the option tree below the
 * option (under `<name>` or `*` when the submodule is an attribute-set or list element).
 */
export interface SubmoduleType extends TypeBase {
  readonly kind: "submodule";
  /** The freeform type of an open submodule: undeclared attributes must have this type. */
  readonly freeform?: OptionType;
}

/** `X or Y` (and `null or X`); with `coerced`, `X or Y convertible to it` (`coercedTo`). */
export interface EitherType extends TypeBase {
  readonly kind: "either";
  /** Two or more alternatives, in nixpkgs' order. */
  readonly of: readonly OptionType[];
  /** `coercedTo`: the second alternative is converted to the first. */
  readonly coerced?: boolean;
}

/** `function that evaluates to a(n) X`: only raw Nix can write a function. */
export interface FunctionType extends TypeBase {
  readonly kind: "function";
  readonly returns: OptionType;
}

/**
 * A value only Nix can produce (`nixpkgs overlay`, an evaluated package set): raw Nix only.
 * `name` holds nixpkgs' description.
 */
export interface OpaqueType extends TypeBase {
  readonly kind: "opaque";
  readonly name: string;
}

/** Every structured option type. */
export type OptionType =
  | AnyType
  | BoolType
  | IntType
  | FloatType
  | StringType
  | PathType
  | PackageType
  | NullType
  | EnumType
  | ListType
  | AttrsType
  | SubmoduleType
  | EitherType
  | FunctionType
  | OpaqueType;

/** The kinds, for exhaustive switches and schema checks. */
export type OptionTypeKind = OptionType["kind"];

/** Every type nested in `type`, `type` first (depth first, in order). */
export function* typeParts(type: OptionType): Generator<OptionType> {
  yield type;
  switch (type.kind) {
    case "list":
    case "attrs":
      yield* typeParts(type.of);
      return;
    case "either":
      for (const alternative of type.of) yield* typeParts(alternative);
      return;
    case "function":
      yield* typeParts(type.returns);
      return;
    case "submodule":
      if (type.freeform) yield* typeParts(type.freeform);
      return;
    default:
      return;
  }
}
