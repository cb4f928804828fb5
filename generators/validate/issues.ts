/**
 * zod issues → diagnostics, read from the issues' structured fields (`expected`, `input`,
 * `values`, `minimum`, a check's `params`), never from their messages. Most issues map one to
 * one; three are rebuilt from their parts so each diagnostic points at one mistake: unknown keys
 * (one diagnostic per key, with the closest valid key and the valid ones), unions (the branch the
 * user evidently meant, or what any branch would accept) and record keys (the key's own problem).
 */
import type { z } from "zod";
import type { CheckParams } from "../../dsl/check-params.ts";
import type { DiagnosticFields } from "../diagnostics/codes.ts";
import type { Expectation, Mismatch } from "../diagnostics/codes/schema.ts";
import { describeValue } from "../diagnostics/describe-value.ts";
import { error, formatObjectPath, type Diagnostic, type ObjectPathSegment, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { closestMatch } from "../diagnostics/suggest.ts";
import { schemaWording } from "./issue-messages.ts";
import { schemasAt, unwrap, validKeysAt } from "./schema-at.ts";

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/** The codes of a value that is not what its schema takes. */
type MismatchCode = { [C in keyof DiagnosticFields]: Mismatch extends DiagnosticFields[C] ? C : never }[keyof DiagnosticFields];

/** Diagnostic codes for zod's issue codes, unless the failing check named its own (`params.code`). */
const CODES: Readonly<Record<Issue["code"], MismatchCode>> = {
  invalid_type: "invalid-type",
  too_big: "out-of-range",
  too_small: "out-of-range",
  invalid_format: "invalid-format",
  not_multiple_of: "out-of-range",
  unrecognized_keys: "invalid-value",
  invalid_union: "invalid-value",
  invalid_key: "invalid-key",
  invalid_element: "invalid-value",
  invalid_value: "invalid-value",
  custom: "invalid-value",
};

/** The params of one of typeflake's own checks (only its schemas set `params.code`). */
const checkParamsOf = (issue: Issue): CheckParams | undefined =>
  issue.code === "custom" && typeof issue.params?.["code"] === "string" ? (issue.params as CheckParams) : undefined;

/** The params of a check that describes a form, or undefined. */
const formParamsOf = (issue: Issue): Extract<CheckParams, { expected: string }> | undefined => {
  const params = checkParamsOf(issue);
  return params && "expected" in params ? params : undefined;
};

const codeOf = (issue: Issue): MismatchCode => formParamsOf(issue)?.code ?? CODES[issue.code];

/** What `issue` says its value should have been. */
const expectationOf = (issue: Issue): Expectation => {
  const worded = schemaWording(issue);
  if (worded !== undefined) return { kind: "schema-message", message: worded };
  switch (issue.code) {
    case "invalid_type":
      return { kind: "type", type: issue.expected };
    case "invalid_value":
      return { kind: "values", values: issue.values.map(describeValue) };
    case "too_small":
      return { kind: "bound", of: issue.origin, side: "min", limit: String(issue.minimum), inclusive: issue.inclusive ?? false };
    case "too_big":
      return { kind: "bound", of: issue.origin, side: "max", limit: String(issue.maximum), inclusive: issue.inclusive ?? false };
    case "invalid_format":
      return issue.pattern === undefined ? { kind: "format", format: issue.format } : { kind: "format", format: issue.format, pattern: issue.pattern };
    case "not_multiple_of":
      return { kind: "multiple-of", divisor: String(issue.divisor) };
    default: {
      const params = formParamsOf(issue);
      if (params === undefined) return { kind: "refined" };
      return params.detail === undefined
        ? { kind: "form", expected: params.expected }
        : { kind: "form", expected: params.expected, detail: params.detail };
    }
  }
};

/** The value an issue is about, shown; for a size bound, the size. */
const gotOf = (issue: Issue): string => {
  const input = "input" in issue ? issue.input : undefined;
  const sized = (issue.code === "too_small" || issue.code === "too_big") && (typeof input === "string" || Array.isArray(input));
  return sized ? String((input as string | unknown[]).length) : describeValue(input);
};

/** A value `issue` refused: what would be valid and what was given. */
export const mismatchOf = (issue: Issue): Mismatch => ({ expected: [expectationOf(issue)], got: gotOf(issue) });

const segments = (path: readonly PropertyKey[]): ObjectPathSegment[] =>
  path.map((segment) => (typeof segment === "number" ? segment : String(segment)));

/** Each distinct expectation once, in order. */
const distinct = (expectations: readonly Expectation[]): Expectation[] => {
  const seen = new Set<string>();
  return expectations.filter((expectation) => {
    const key = JSON.stringify(expectation);
    return !seen.has(key) && Boolean(seen.add(key));
  });
};

/**
 * Every diagnostic for the issues of parsing `file` with `root`, in zod's order. A required key
 * reported missing is left out when an unknown key next to it is its misspelling: one mistake,
 * one message.
 */
export const issuesToDiagnostics = (root: Schema, file: string, issues: readonly Issue[]): Diagnostic[] => {
  const converter = new IssueConverter(root, file);
  const diagnostics = converter.convert(issues);
  return diagnostics.filter(
    (diagnostic) =>
      diagnostic.code !== "missing-key" || !converter.misspelled.has(formatObjectPath(diagnostic.origin.objectPath)),
  );
};

/** Converts the issues of one parse; `root` is the schema the file was parsed with. */
class IssueConverter {
  /** Paths of keys that an unknown key was suggested to be a misspelling of. */
  readonly misspelled = new Set<string>();

  constructor(
    private readonly root: Schema,
    private readonly file: string,
  ) {}

  convert(issues: readonly Issue[], prefix: readonly ObjectPathSegment[] = []): Diagnostic[] {
    return issues.flatMap((issue) => this.convertOne(issue, [...prefix, ...segments(issue.path)]));
  }

  private origin(path: readonly ObjectPathSegment[]): SourceOrigin {
    return { file: this.file, objectPath: path };
  }

  /** A value that is not what the schema takes, or, when it was not written at all, a missing key. */
  private mismatch(path: readonly ObjectPathSegment[], code: MismatchCode, issue: Issue, expected: readonly Expectation[]): Diagnostic {
    const key = path.at(-1);
    if ("input" in issue && issue.input === undefined && typeof key === "string") {
      return error("missing-key", this.origin(path), { key, expected });
    }
    return error(code, this.origin(path), { expected, got: gotOf(issue) });
  }

  private convertOne(issue: Issue, path: ObjectPathSegment[]): Diagnostic[] {
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => this.unknownKey(path, key));
      case "invalid_union":
        return this.union(issue, path);
      case "invalid_key":
        return [this.invalidKey(issue, path)];
      default:
        return [this.plain(issue, path)];
    }
  }

  private plain(issue: Issue, path: readonly ObjectPathSegment[]): Diagnostic {
    const params = checkParamsOf(issue);
    if (params !== undefined && !("expected" in params)) {
      const { code, ...fields } = params;
      // `fields` are the params of `code`, as `CheckParams` pairs them; TypeScript cannot follow the pair through a rest.
      return error(code, this.origin(path), fields as DiagnosticFields[typeof code]);
    }
    return this.mismatch(path, codeOf(issue), issue, [expectationOf(issue)]);
  }

  /** A record key the key schema refused: the key's own problem, without repeating the key as "got …". */
  private invalidKey(issue: z.core.$ZodIssueInvalidKey, path: readonly ObjectPathSegment[]): Diagnostic {
    const [first] = issue.issues;
    const key = String(path.at(-1));
    return error(first ? codeOf(first) : CODES.invalid_key, this.origin(path), {
      expected: issue.issues.map(expectationOf),
      got: describeValue(key),
      key,
    });
  }

  private unknownKey(objectPath: readonly ObjectPathSegment[], key: string): Diagnostic {
    const valid = validKeysAt(this.root, objectPath);
    const suggestion = closestMatch(key, valid);
    if (suggestion !== undefined) this.misspelled.add(formatObjectPath([...objectPath, suggestion]));
    return error("unknown-key", this.origin([...objectPath, key]), suggestion === undefined ? { key, valid } : { key, suggestion, valid });
  }

  /**
   * A union failed on every branch. The branches that accepted the value's type show what the
   * user meant (a string that is a private key, an object with a misspelled key): report those.
   * When no branch accepted the type, say which types would do.
   */
  private union(issue: z.core.$ZodIssueInvalidUnion, path: ObjectPathSegment[]): Diagnostic[] {
    const options = this.unionOptions(path, issue.errors.length);
    const matched = issue.errors.filter((branch, index) => !failedOnType(branch, options[index]));
    const shallow = matched.every((branch) => branch.every((inner) => inner.path.length === 0));
    if (schemaWording(issue) !== undefined && shallow) {
      // The schema worded this union itself: it knows its forms better than a list of branches.
      return [this.mismatch(path, CODES.invalid_union, issue, [expectationOf(issue)])];
    }
    if (matched.length === 0) {
      return [this.mismatch(path, "invalid-type", issue, distinct(issue.errors.flat().map(expectationOf)))];
    }
    if (matched.length > 1 && shallow) {
      // Several refinements of one type (a CIDR or an IP address): name every accepted form.
      const first = matched[0]?.[0];
      return [this.mismatch(path, first ? codeOf(first) : CODES.invalid_union, issue, distinct(matched.flat().map(expectationOf)))];
    }
    const best = matched.reduce((fewest, branch) => (branch.length < fewest.length ? branch : fewest));
    return this.convert(best, path);
  }

  /** The union's branch schemas at `path`, when the walk finds a union with `count` options. */
  private unionOptions(path: readonly ObjectPathSegment[], count: number): readonly (Schema | undefined)[] {
    for (const schema of schemasAt(this.root, path)) {
      const def = (unwrap(schema) as z.core.$ZodTypes)._zod.def;
      if (def.type === "union" && def.options.length === count) return def.options;
    }
    return [];
  }
}

/**
 * A branch rejected the value's kind outright: a string where an array was expected, a string
 * that is not the one literal the branch takes, a value a type guard (`z.custom`) refused.
 */
const failedOnType = (branch: readonly Issue[], option: Schema | undefined): boolean =>
  branch.some(
    (inner) =>
      inner.path.length === 0 &&
      (inner.code === "invalid_type" ||
        inner.code === "invalid_value" ||
        (inner.code === "custom" && option !== undefined && (unwrap(option) as z.core.$ZodTypes)._zod.def.type === "custom")),
  );
