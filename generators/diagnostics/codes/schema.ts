/**
 * Fields of the diagnostics of schema validation: zod's issues, read from their structured
 * fields (`expected`, `input`, `values`, `minimum`, …), and the issues of typeflake's own checks,
 * read from their `params` (`dsl/check-params.ts`).
 */
import type { CheckCode, CheckParamFields, FormParams } from "../../../dsl/check-params.ts";
import type { Refusal } from "./assertions.ts";

/**
 * A value the user wrote, shown in their notation: `"tank/media"`, `70000`, `an array of 3`,
 * `pkg("htop")` (see `describe-value.ts`).
 */
export type ValueText = string;

/** One thing a value could have been. */
export type Expectation =
  /** A type, as zod names it: `string`, `int`, `array`, `object`, … */
  | { readonly kind: "type"; readonly type: string }
  /** One of these literal values. */
  | { readonly kind: "values"; readonly values: readonly ValueText[] }
  /** A size or number bound: `of` is zod's origin (`string`, `array`, `number`, …). */
  | {
      readonly kind: "bound";
      readonly of: string;
      readonly side: "min" | "max";
      readonly limit: string;
      readonly inclusive: boolean;
    }
  /** A string format (`email`, `regex`, …), with the pattern when there is one. */
  | { readonly kind: "format"; readonly format: string; readonly pattern?: string }
  /** A multiple of `divisor`. */
  | { readonly kind: "multiple-of"; readonly divisor: string }
  /** A form a typeflake check describes (`FormParams`). */
  | ({ readonly kind: "form" } & FormParams)
  /** Anything a refinement without a description accepts. */
  | { readonly kind: "refined" }
  /** The schema's own sentence (its zod `error`), shown as written. */
  | { readonly kind: "schema-message"; readonly message: string };

/** A value that is not what the schema takes. */
export interface Mismatch {
  /** What would be valid: one expectation, or the alternatives of a union. */
  readonly expected: readonly Expectation[];
  /** What was given (for a size bound: the size). */
  readonly got: ValueText;
  /** Set when the wrong value is a key of a record, not a value. */
  readonly key?: string;
}

/** A check's params as diagnostic fields: a form check reports a mismatch. */
type CheckFields<Params> = Params extends FormParams ? Mismatch : Params;

/** A name taken from a file or folder name (a host's folder, a module's file) that is not valid. */
export interface NameFromFile {
  readonly name: string;
  readonly of: "host" | "module" | "overlay" | "home";
  /** The file (or, for a host, the folder) the name is taken from. */
  readonly file: string;
  /** Which part of a home name (`<user>@<host>`) is wrong. */
  readonly part?: "user" | "host";
  /** What is wrong: the name does not fit its form, or (a home) it has more than one `@`. */
  readonly problem: ({ readonly kind: "mismatch" } & Mismatch) | { readonly kind: "many-ats" };
}

/** Code → fields. */
export type SchemaFields = {
  readonly [C in Exclude<CheckCode, "invalid-name" | "invalid-host-id" | "invalid-value">]: CheckFields<CheckParamFields[C]>;
} & {
  /** A value the schema refuses, or one inside an expression that Nix cannot hold (`foreign`: `a function`, `a Date object`, …). */
  readonly "invalid-value": Mismatch | { readonly foreign: string };
  /** A host id that is not 8 hex digits: a value, or (from a raw option) what NixOS would refuse. */
  readonly "invalid-host-id": Mismatch | Refusal;
  /** A name that does not fit its form: a value (`Mismatch`), or one taken from a file name. */
  readonly "invalid-name": Mismatch | NameFromFile;
  /** A value of the wrong type. */
  readonly "invalid-type": Mismatch;
  /** A number, string or list outside its bounds. */
  readonly "out-of-range": Mismatch;
  /** A string not in the format zod checks (`email`, a pattern). */
  readonly "invalid-format": Mismatch;
  /** A required key that is not written. */
  readonly "missing-key": {
    readonly key: string;
    /** What its value should be. */
    readonly expected: readonly Expectation[];
  };
  /** A key the object does not take. */
  readonly "unknown-key": {
    readonly key: string;
    /** The closest valid key, when one is a plausible typo. */
    readonly suggestion?: string;
    /** Every key the object takes, sorted. */
    readonly valid: readonly string[];
  };
  /** A record key that is not valid, or a name JavaScript reserves (`__proto__`). */
  readonly "invalid-key": Mismatch | { readonly reserved: string };
};
