/**
 * typeflake's own Nix syntax check (used for raw fragments when nix is not on PATH) agrees with
 * the real `nix-instantiate --parse` on hand-picked fragments and on random token soups; and the
 * validation walk refuses exactly the text Nix cannot hold (NUL, lone surrogates), wherever it is.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { nixSyntaxError } from "../../generators/nix/parse-check.ts";
import { textProblem, unrepresentableValues } from "../../generators/validate/nix-representable.ts";

const dir = mkdtempSync(join(tmpdir(), "typeflake-parse-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Whether the real nix parses `source` as one expression with every variable in scope. */
const nixAccepts = (source: string): boolean => {
  const file = join(dir, "fragment.nix");
  writeFileSync(file, `args: with args;\n${source}`);
  try {
    execFileSync("nix-instantiate", ["--parse", file], { stdio: "pipe" });
    return true;
  } catch (failure) {
    if ((failure as NodeJS.ErrnoException).code === "ENOENT") throw new Error("nix-instantiate is not on PATH: the tests need the real nix");
    return false;
  }
};

const FRAGMENTS = [
  "pkgs.htop {", "pkgs.htop", "1 + ", "let a = 1; in a", "let a = 1; a", "if a then b", "if a then b else c",
  "{ a = 1; }", "{ a = 1 }", "[ 1 2 (f x) ]", "[ 1 2 f x ]", "x: x", "{ a, b ? 1, ... }: a", "{ ... }@args: args",
  "args@{ a }: a", '"a ${b} c"', '"a ${b c"', "''\n  a ${b}\n  ''$ '''\n''", "''abc", "a.b.c or d", "a ? b.c",
  "!a && b || c -> d", "1 + !true", "a == b == c", "a < b", "-1", "f -1", "./foo.nix", "<nixpkgs>",
  "https://example.com/x", "rec { a = 1; b = a; }", "with pkgs; [ htop ]", "assert a; b", "inherit a;",
  '{ inherit a; inherit (b) c d; "x y" = 1; ${z} = 2; }', "a.${b}.c", "(a", "a)", "{", "}", "f (x: x) { }",
  "lib.mkIf config.x { y = 1; }", "a // b // c", "1.5e3", "# c\n1", "/* c */ 1", "/* x", "1 2", "let in 1",
  "{ }: 1", "{ }", "a ++ b", "x:x", '"\\${x}"', "let x = { }; in x.y or 1", "''${a}''", "a.or", "let { body = 1; }",
  "99999999999999999999", "9223372036854775807", "a/", "{ a, }: a", "x = 1;", '"a") ("b"', "", "  ", "if", "a.", "a..b",
  // `x or`: x applied to a variable named `or`, which Nix's grammar keeps for an old nixpkgs function.
  "1 or", "f or x", "f x or", "(f) or", "[ 1 or ]", "a.b or", "or", "x or or", "x or.y",
];

describe("typeflake's Nix syntax check", () => {
  it.each(FRAGMENTS.map((fragment) => [JSON.stringify(fragment), fragment] as const))(
    "agrees with nix-instantiate --parse on %s",
    (_, fragment) => {
      expect(nixSyntaxError(fragment) === undefined).toBe(nixAccepts(fragment));
    },
  );

  it("agrees with nix-instantiate --parse on random token soups", () => {
    const token = fc.constantFrom(
      "{", "}", "(", ")", "[", "]", "let", "in", "=", ";", "x", "y.z", "1", '"s"', "''i''", "+", "-", "*", "//", "++",
      "if", "then", "else", ":", ".", ",", "?", "@", "...", "or", "with", "rec", "inherit", "!", "==", "<", "->", "./p",
    );
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 8 }), (tokens) => {
        const source = tokens.join(" ");
        expect(nixSyntaxError(source) === undefined, source).toBe(nixAccepts(source));
      }),
      { numRuns: 150 },
    );
  });

  it("points at the line and column of the problem", () => {
    expect(nixSyntaxError("{\n  a = 1\n}")).toEqual({ line: 3, column: 1, message: "expected ';' after an attribute's value, found '}'" });
    expect(nixSyntaxError("pkgs.hello # note", { embedded: true })?.message).toContain("ends with a # comment");
    expect(nixSyntaxError('"a # b"', { embedded: true })).toBeUndefined();
  });

  it("refuses nesting deeper than it checks instead of overflowing the stack", () => {
    expect(nixSyntaxError(`${"[ ".repeat(5000)}${" ]".repeat(5000)}`)?.message).toContain("nested more than");
  });
});

describe("text Nix cannot hold, anywhere in a definition", () => {
  const text = fc.string({ unit: "binary", maxLength: 12 });
  const tree = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, text, fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(text, tie("value"), { maxKeys: 3 })),
  })).value;

  it("is reported for every string and name with a NUL or a lone surrogate, and only for those", () => {
    fc.assert(
      fc.property(tree, (value) => {
        const bad: string[] = [];
        const collect = (inner: unknown): void => {
          if (typeof inner === "string") {
            if (textProblem(inner)) bad.push(inner);
          } else if (Array.isArray(inner)) inner.forEach(collect);
          else if (typeof inner === "object" && inner !== null)
            for (const [key, item] of Object.entries(inner)) {
              if (textProblem(key)) bad.push(key);
              collect(item);
            }
        };
        collect(value);
        const found = unrepresentableValues("hosts/x/host.ts", value);
        expect(found).toHaveLength(bad.length);
        expect(new Set(found.map((d) => d.code))).toEqual(new Set(bad.map((s) => textProblem(s)!.code)));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps non-BMP characters: only broken halves are refused", () => {
    expect(textProblem("😀 ok")).toBeUndefined();
    expect(textProblem("\ud83d")?.code).toBe("lone-surrogate");
    expect(textProblem("\ude00x")?.code).toBe("lone-surrogate");
    expect(textProblem("a\0")?.code).toBe("nul-character");
  });
});
