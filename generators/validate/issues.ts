/**
 * zod issues → diagnostics. Most issues map one to one; three are rewritten from their parts so
 * each message points at one mistake: unknown keys (one diagnostic per key, with the closest valid
 * key and the list of valid ones), unions (the branch the user evidently meant, or what any branch
 * would accept) and record keys (the key's own problem).
 */
import type { z } from "zod";
import { error, formatObjectPath, type Diagnostic, type ObjectPathSegment } from "../diagnostics/diagnostic.ts";
import { closestMatch, suggestThen } from "../diagnostics/suggest.ts";
import { describeValue } from "./describe-value.ts";
import { expectedText, UNION_MESSAGE } from "./issue-messages.ts";
import { schemasAt, unwrap, validKeysAt } from "./schema-at.ts";

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;

/** Diagnostic codes for zod's issue codes, unless the failing check named its own (`params.code`). */
const CODES: Readonly<Record<Issue["code"], string>> = {
  invalid_type: "invalid-type",
  too_big: "out-of-range",
  too_small: "out-of-range",
  invalid_format: "invalid-format",
  not_multiple_of: "out-of-range",
  unrecognized_keys: "unknown-key",
  invalid_union: "invalid-value",
  invalid_key: "invalid-key",
  invalid_element: "invalid-value",
  invalid_value: "invalid-value",
  custom: "invalid-value",
};

const codeOf = (issue: Issue): string =>
  (issue.code === "custom" && typeof issue.params?.["code"] === "string" ? issue.params["code"] : undefined) ??
  CODES[issue.code];

const segments = (path: readonly PropertyKey[]): ObjectPathSegment[] =>
  path.map((segment) => (typeof segment === "number" ? segment : String(segment)));

/** `address, deploy, "server min protocol"` — keys as they would be written in an object literal. */
const keyList = (keys: readonly string[]): string => keys.map((key) => formatObjectPath([key])).join(", ");

/** A message without its ", got …" tail, where the value is shown otherwise. */
const withoutGot = (message: string): string => message.replace(/[,;] got [\s\S]*$/, "");

/** What went wrong, stripped of its "must be " head and ", got …" tail, to list alternatives. */
const expectation = (issue: Issue): string =>
  issue.code === "invalid_type" ? expectedText(issue.expected) : withoutGot(issue.message.replace(/^must be /, ""));

const joinAlternatives = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;

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

  private at(path: readonly ObjectPathSegment[], code: string, message: string): Diagnostic {
    return error(code, { file: this.file, objectPath: path }, message);
  }

  private convertOne(issue: Issue, path: ObjectPathSegment[]): Diagnostic[] {
    switch (issue.code) {
      case "unrecognized_keys":
        return issue.keys.map((key) => this.unknownKey(path, key));
      case "invalid_union":
        return this.union(issue, path);
      case "invalid_key":
        return [
          this.at(
            path,
            issue.issues[0] ? codeOf(issue.issues[0]) : CODES.invalid_key,
            // The key is named already; its own messages need not repeat it as "got …".
            `invalid key ${describeValue(path.at(-1))}: ${issue.issues.map((inner) => withoutGot(inner.message)).join("; ")}`,
          ),
        ];
      default:
        return [this.at(path, ...this.plain(issue, path))];
    }
  }

  /** Code and message of an ordinary issue; a missing required key says so. */
  private plain(issue: Issue, path: readonly ObjectPathSegment[]): [string, string] {
    return missing(issue, path, issue.message) ?? [codeOf(issue), issue.message];
  }

  private unknownKey(objectPath: readonly ObjectPathSegment[], key: string): Diagnostic {
    const valid = validKeysAt(this.root, objectPath);
    const match = closestMatch(key, valid);
    if (match !== undefined) this.misspelled.add(formatObjectPath([...objectPath, match]));
    const hint = valid.length === 0 ? "; this object takes no keys" : suggestThen(key, valid, `Valid keys: ${keyList(valid)}`);
    return this.at([...objectPath, key], "unknown-key", `unknown key ${JSON.stringify(key)}${hint}`);
  }

  /**
   * A union failed on every branch. The branches that accepted the value's type show what the
   * user meant (a string that is a private key, an object with a misspelled key): report those.
   * When no branch accepted the type, say which types would do.
   */
  private union(issue: z.core.$ZodIssueInvalidUnion, path: ObjectPathSegment[]): Diagnostic[] {
    const options = this.unionOptions(path, issue.errors.length);
    const matched = issue.errors.filter((branch, index) => !failedOnType(branch, options[index]));
    const input = "input" in issue ? issue.input : undefined;
    const shallow = matched.every((branch) => branch.every((inner) => inner.path.length === 0));
    if (issue.message !== UNION_MESSAGE && shallow) {
      // The schema worded this union itself: it knows its forms better than a list of branches.
      return [this.at(path, ...(missing(issue, path, issue.message) ?? [CODES.invalid_union, issue.message]))];
    }
    if (matched.length === 0) {
      const wanted = [...new Set(issue.errors.flatMap((branch) => branch.map(expectation)))];
      const message = `must be ${joinAlternatives(wanted)}; got ${describeValue(input)}`;
      return [this.at(path, ...(missing(issue, path, message) ?? ["invalid-type", message]))];
    }
    if (matched.length > 1 && shallow) {
      // Several refinements of one type (a CIDR or an IP address): name every accepted form.
      const first = matched[0]?.[0];
      const wanted = [...new Set(matched.flatMap((branch) => branch.map(expectation)))];
      const code = first ? codeOf(first) : CODES.invalid_union;
      return [this.at(path, code, `must be ${joinAlternatives(wanted)}, got ${describeValue(input)}`)];
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

/** For a required key that was not written: the `missing-key` code and a message saying so. */
const missing = (issue: Issue, path: readonly ObjectPathSegment[], message: string): [string, string] | undefined => {
  const key = path.at(-1);
  if (!("input" in issue) || issue.input !== undefined || typeof key !== "string") return undefined;
  return ["missing-key", `missing required key ${JSON.stringify(key)}: ${withoutGot(message)}`];
};

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
