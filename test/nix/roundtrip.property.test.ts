/**
 * Property tests: random values printed by typeflake and evaluated by the real
 * `nix-instantiate --eval` come back identical (type and value). Values are checked in batches
 * of 1,000 per nix process; 6,000 values per run in total.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NixExpr } from "../../generators/nix/ast.ts";
import {
  apply,
  assign,
  attrs,
  float,
  id,
  int,
  lambda,
  letIn,
  list,
  path,
  raw,
  select,
  str,
} from "../../generators/nix/build.ts";
import { NixPrintError, printNixExpr, printNixFile } from "../../generators/nix/print.ts";
import { Attrs, compareInNix, Float, toJson, toNix } from "./support/nix-values.ts";
import type { Value } from "./support/nix-values.ts";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const MIN_NORMAL = 2.2250738585072014e-308;
const BATCH = 1000;

/** Pieces that stress Nix's string, attribute-name and indentation rules. */
const HOSTILE = [
  '"',
  "\\",
  "$",
  "${",
  "$${",
  "{",
  "}",
  "'",
  "''",
  "'''",
  "''$",
  "''\\",
  "''${",
  "\n",
  "\r",
  "\r\n",
  "\t",
  " ",
  "  ",
  "#",
  "/*",
  "*/",
  "\\n",
  "\\${",
  "${x}",
  "é",
  "東京",
  "😀",
  "😀$",
  "𝄞'",
  "👩‍👩‍👧",
  "\u2028",
  "\u00a0",
  "\u0001",
  "\u007f",
];

const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.constantFrom("a", "b", "Z", "0", "-", ".", "/", ":", "=", ";") },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
);

/** Text without NUL (refused by design) and without lone surrogates (not encodable). */
const hostileText = fc.string({ unit, maxLength: 24 }).filter((s) => !s.includes("\0"));

/** Multi-line text with varying leading spaces, to exercise `''` indentation stripping. */
const linesText = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(4), fc.string({ unit, maxLength: 8 })), {
      minLength: 1,
      maxLength: 5,
    }),
    fc.boolean(),
  )
  .map(
    ([lines, finalNewline]) =>
      lines.map(([n, t]) => " ".repeat(n) + t.replaceAll("\n", "")).join("\n") +
      (finalNewline ? "\n" : ""),
  )
  .filter((s) => !s.includes("\0"));

const text = fc.oneof(hostileText, linesText, fc.string());

const key = fc.oneof(
  text,
  fc.constantFrom(
    "if",
    "or",
    "in",
    "rec",
    "inherit",
    "",
    "${x}",
    "a.b",
    "__x",
    "with space",
    "1a",
    "-a",
    "a'b",
    "true",
    "null",
  ),
);

const integer = fc.oneof(
  fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
  fc.constantFrom(INT64_MIN, INT64_MIN + 1n, INT64_MAX, 0n, 1n, -1n),
  fc.bigInt({ min: -1000n, max: 1000n }),
);

const double = fc
  .oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(
      0.5,
      3,
      1e21,
      1e-7,
      0.1,
      -0,
      0.01,
      1e7,
      12345678,
      1234567,
      MIN_NORMAL,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
    ),
  )
  .filter((n) => n === 0 || Math.abs(n) >= MIN_NORMAL)
  .map((n) => new Float(n));

const leaf: fc.Arbitrary<Value> = fc.oneof(text, integer, double, fc.boolean(), fc.constant(null));

const valueOfDepth = (depth: number): fc.Arbitrary<Value> =>
  depth === 0
    ? leaf
    : fc.oneof(
        { weight: 3, arbitrary: leaf },
        { weight: 1, arbitrary: fc.array(valueOfDepth(depth - 1), { maxLength: 4 }) },
        {
          weight: 1,
          arbitrary: fc
            .uniqueArray(fc.tuple(key, valueOfDepth(depth - 1)), {
              selector: ([k]) => k,
              maxLength: 4,
            })
            .map((entries) => new Attrs(entries)),
        },
      );

const value = valueOfDepth(3);

/** Describe the values that did not survive, with how they were printed. */
function report(values: readonly Value[], mismatches: readonly number[]): string {
  return mismatches
    .slice(0, 5)
    .map(
      (i) => `#${i}: expected ${toJson(values[i]!)}\nprinted:\n${printNixExpr(toNix(values[i]!))}`,
    )
    .join("\n\n");
}

describe("printed values evaluate back to themselves in nix-instantiate", () => {
  it(`${5 * BATCH} random values: strings, ints, floats, booleans, null, lists, sets with any keys`, () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: BATCH, maxLength: BATCH }), (values) => {
        const { printed, mismatches } = compareInNix(
          list(values.map(toNix)),
          `[${values.map(toJson).join(",")}]`,
        );
        expect(mismatches, report(values, mismatches)).toEqual([]);
        // Split on LF only: U+2028 inside a string literal is not a line break for Nix or git.
        expect(printed.split("\n").filter((l) => /[ \t]$/.test(l))).toEqual([]);
        expect(printed).not.toContain("\r");
      }),
      { numRuns: 5, endOnFailure: true },
    );
  });

  it(`${BATCH} random strings with interpolations (a \`$\`, \`'\` or \`''\` right before \`\${\`)`, () => {
    const X = "«x»";
    const piece = fc.oneof(
      text,
      fc.constant(id("x")),
      fc.constantFrom("$", "'", "''", "$$", " ", "\n"),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(piece, { maxLength: 8 }), { minLength: BATCH, maxLength: BATCH }),
        (strings) => {
          const expected = strings.map((parts) =>
            parts.map((p) => (typeof p === "string" ? p : X)).join(""),
          );
          const program = letIn([assign("x", str(X))], list(strings.map((parts) => str(...parts))));
          const { mismatches } = compareInNix(program, JSON.stringify(expected));
          const shown = mismatches
            .slice(0, 5)
            .map(
              (i) =>
                `${JSON.stringify(expected[i])} printed as ${printNixExpr(str(...strings[i]!))}`,
            );
          expect(mismatches, shown.join("\n")).toEqual([]);
        },
      ),
      { numRuns: 1, endOnFailure: true },
    );
  });

  it(`${BATCH} random nested calls apply each function to exactly its own arguments`, () => {
    // Each function returns its name and its arguments, so a lost or misplaced parenthesis (`f g x`
    // for `f (g x)`) changes the result. Called bare and selected (`lib.f`), in every layout: long
    // strings make the simple and the expanded forms break.
    type Call = { readonly fn: string; readonly args: readonly (Call | Value)[] };
    const ARITY: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3 };
    const isCall = (v: Call | Value): v is Call => typeof v === "object" && v !== null && "fn" in v;
    // As JSON text: 64-bit integers would not survive a JavaScript number.
    const expectedOf = (v: Call | Value): string =>
      isCall(v) ? `{${JSON.stringify(v.fn.replace("lib.", ""))}:[${v.args.map(expectedOf).join(",")}]}` : toJson(v);
    const exprOf = (v: Call | Value): NixExpr =>
      isCall(v) ? apply(v.fn.startsWith("lib.") ? select("lib", v.fn.slice(4)) : id(v.fn), ...v.args.map(exprOf)) : toNix(v);
    const argument = fc.oneof(leaf, fc.constantFrom("x".repeat(90), "short"), fc.bigInt({ min: -5n, max: 5n }));
    const call: fc.Arbitrary<Call> = fc.letrec<{ call: Call }>((tie) => ({
      call: fc
        .tuple(
          fc.constantFrom("one", "two", "three", "lib.one", "lib.two"),
          fc.array(fc.oneof({ depthSize: "small" }, { weight: 2, arbitrary: argument }, { weight: 1, arbitrary: tie("call") }), { minLength: 3, maxLength: 3 }),
        )
        .map(([fn, args]) => ({ fn, args: args.slice(0, ARITY[fn.replace("lib.", "")]) })),
    })).call;
    const functions = [
      assign("one", lambda("a", attrs([assign("one", list([id("a")]))]))),
      assign("two", lambda("a", lambda("b", attrs([assign("two", list([id("a"), id("b")]))])))),
      assign("three", lambda("a", lambda("b", lambda("c", attrs([assign("three", list([id("a"), id("b"), id("c")]))]))))),
    ];
    fc.assert(
      fc.property(fc.array(call, { minLength: BATCH, maxLength: BATCH }), (calls) => {
        const program = letIn(
          [...functions, assign("lib", attrs(["one", "two"].map((name) => assign(name, id(name)))))],
          list(calls.map(exprOf)),
        );
        const { printed, mismatches } = compareInNix(program, `[${calls.map(expectedOf).join(",")}]`);
        expect(mismatches, printed.slice(0, 2000)).toEqual([]);
      }),
      { numRuns: 1, endOnFailure: true },
    );
  });

  it("indented strings with interpolations evaluate to the exact text", () => {
    const prev = attrs([assign("curl", str("/nix/store/x-curl")), assign("name", str("nas"))]);
    const cases: [NixExpr, string][] = [
      [
        str(
          'echo "=== $(hostname) ==="\n',
          select("prev", "curl"),
          "/bin/curl -s http://localhost:9100/metrics | head -5\n",
        ),
        'echo "=== $(hostname) ==="\n/nix/store/x-curl/bin/curl -s http://localhost:9100/metrics | head -5\n',
      ],
      [str("  ", select("prev", "name"), "\n    nested\n"), "  nas\n    nested\n"],
      [
        str(select("prev", "name"), " costs $", select("prev", "name"), "\n''quoted''\n"),
        "nas costs $nas\n''quoted''\n",
      ],
      [
        str("a '", select("prev", "name"), "' b\nc ''", select("prev", "name"), "\n"),
        "a 'nas' b\nc ''nas\n",
      ],
      [
        str("${literal}\n\t", select("prev", "curl"), "\nend"),
        "${literal}\n\t/nix/store/x-curl\nend",
      ],
    ];
    const program = letIn([assign("prev", prev)], list(cases.map(([e]) => e)));
    const { printed, mismatches } = compareInNix(program, JSON.stringify(cases.map(([, t]) => t)));
    expect(mismatches, printed).toEqual([]);
    expect(printed).toContain("    ${prev.curl}/bin/curl -s");
  });
});

describe("values Nix cannot represent are refused with a NixPrintError", () => {
  const refuses = (e: NixExpr, ...fragments: string[]) => {
    expect(() => printNixExpr(e)).toThrow(NixPrintError);
    try {
      printNixExpr(e);
    } catch (error) {
      for (const fragment of fragments) expect((error as Error).message).toContain(fragment);
    }
  };

  it("refuses NaN and infinities", () => {
    refuses(float(Number.NaN), "NaN", "no literal");
    refuses(float(Number.POSITIVE_INFINITY), "Infinity");
    refuses(float(Number.NEGATIVE_INFINITY), "-Infinity");
  });

  it("refuses subnormal floats, which Nix 2.8 cannot read", () => {
    refuses(float(5e-324), "5e-324", "subnormal");
    refuses(float(-1e-310), "subnormal");
  });

  it("refuses integers outside signed 64-bit", () => {
    refuses(int(INT64_MAX + 1n), "9223372036854775808", "64-bit");
    refuses(int(INT64_MIN - 1n), "-9223372036854775809", "64-bit");
  });

  it("refuses NUL and lone surrogates in strings, names, comments and raw Nix", () => {
    refuses(str("a\0b"), "NUL");
    refuses(str("x", id("y"), "\0"), "NUL");
    refuses(attrs([assign("a\0", int(1))]), "attribute name", "NUL");
    refuses(str("\uD800"), "surrogate");
    refuses(raw("a\0"), "raw Nix", "NUL");
    expect(() => printNixFile({ comments: ["bad\0"], expr: int(1) })).toThrow(NixPrintError);
  });

  it("refuses invalid paths", () => {
    for (const bad of [
      "foo",
      "./",
      "./a/",
      "./a b",
      "~/x",
      "<nixpkgs>",
      "/",
      "./a//b",
      "",
      "./a$b",
      "../x/",
    ]) {
      refuses(path(bad), JSON.stringify(bad), "path");
    }
  });

  it("refuses invalid variable names and empty paths", () => {
    for (const bad of ["if", "a b", "1a", "", "or"]) refuses(id(bad), "variable name");
    refuses(attrs([assign([], int(1))]), "empty attribute path");
    refuses(select(id("x")), "empty attribute path");
    refuses(raw("  \n "), "empty raw");
    refuses(raw("a\rb"), "carriage return");
  });

  it("accepts the edges of the valid ranges", () => {
    expect(printNixExpr(int(INT64_MAX))).toBe("9223372036854775807");
    expect(printNixExpr(int(INT64_MIN))).toBe("-9223372036854775807 - 1");
    expect(printNixExpr(float(MIN_NORMAL))).toBe("2.2250738585072014e-308");
    expect(printNixExpr(apply(id("f"), path("./a.nix")))).toBe("f ./a.nix");
  });
});
