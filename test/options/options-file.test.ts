import { describe, expect, it } from "vitest";
import { importOptionSchema } from "../../generators/options/import-schema.ts";
import { formatInputProblem, readAliasesJson, readOptionsJson } from "../../generators/options/options-file.ts";

describe("readOptionsJson", () => {
  it("reports every problem with the option it belongs to", () => {
    const result = readOptionsJson(
      { "a.b": { type: 3, loc: ["a", "b"] }, "a.c": { loc: ["a", "c"], readOnly: "no", type: "boolean" } },
      "options.json",
    );
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map(formatInputProblem);
    expect(messages).toEqual([
      "options.json: a.b › type: every option needs its type description (a string)",
      "options.json: a.c › readOnly: Invalid input: expected boolean, received string",
    ]);
  });

  it("says what an options.json is when given something else", () => {
    const result = readOptionsJson(["not", "options"], "options.json");
    expect(!result.ok && result.problems.map(formatInputProblem)).toEqual([
      "options.json: an options.json is an object from option name to { type, loc, readOnly, … }",
    ]);
  });

  it("reports an option declared twice", () => {
    const result = readOptionsJson(
      { "a.b": { type: "boolean", loc: ["a", "b"] }, '"a".b': { type: "boolean", loc: ["a", "b"] } },
      "options.json",
    );
    expect(!result.ok && result.problems.map(formatInputProblem)).toEqual([
      'options.json: "a".b › loc: declares `a.b\' again (first declared as "a.b")',
    ]);
  });

  it("reads the manual's full shape: descriptions, defaults, examples, declarations, keys without loc", () => {
    const result = readOptionsJson(
      {
        'boot.kernel.sysctl."net.ipv4.ip_forward"': {
          type: "null or signed integer",
          description: "Forward packets. Closes no comment: */",
          default: { _type: "literalExpression", text: "null" },
          example: 1,
          declarations: ["nixos/modules/config/sysctl.nix", { name: "<nixpkgs/x.nix>", url: "https://x" }],
          readOnly: false,
        },
        "users.users.<user>.uid": { type: "null or signed integer", description: { _type: "mdDoc", text: "The uid." } },
      },
      "options.json",
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value).toEqual([
      {
        path: ["boot", "kernel", "sysctl", "net.ipv4.ip_forward"],
        typeText: "null or signed integer",
        type: { kind: "either", of: [{ kind: "null" }, { kind: "int" }] },
        readOnly: false,
        description: "Forward packets. Closes no comment: */",
        default: "null",
        example: "1",
        declaredIn: ["nixos/modules/config/sysctl.nix", "<nixpkgs/x.nix>"],
      },
      {
        path: ["users", "users", "<name>", "uid"],
        typeText: "null or signed integer",
        type: { kind: "either", of: [{ kind: "null" }, { kind: "int" }] },
        readOnly: false,
        description: "The uid.",
      },
    ]);
  });

  it("puts descriptions, defaults and examples in the doc comments, safely", () => {
    const result = importOptionSchema({
      options: {
        name: "options.json",
        json: {
          "services.demo.enable": {
            type: "boolean",
            description: "Whether to run the demo. A `*/` here must not end the comment.",
            default: { _type: "literalExpression", text: "false" },
            example: { _type: "literalExpression", text: "true" },
            declarations: ["nixos/modules/services/demo.nix"],
          },
        },
      },
      expressionsImport: "typeflake",
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.files["types.ts"]).toContain(
      [
        "  /**",
        "   * Whether to run the demo. A `*\\/` here must not end the comment.",
        "   *",
        "   * Type: `boolean`",
        "   *",
        "   * NixOS option `services.demo.enable`. Declared in `nixos/modules/services/demo.nix`.",
        "   *",
        "   * @default `false`",
        "   *",
        "   * @example `true`",
        "   */",
        "  readonly enable?: Definition<boolean>;",
      ].join("\n"),
    );
  });
});

describe("readAliasesJson", () => {
  it("reads renamed and removed options", () => {
    const result = readAliasesJson(
      [
        { from: ["services", "samba", "extraConfig"], to: null, kind: "removed" },
        {
          from: ["networking", "interfaces", "<name>", "ip4"],
          to: ["networking", "interfaces", "<name>", "ipv4", "addresses"],
          kind: "renamed",
        },
      ],
      "aliases.json",
    );
    expect(result.ok && result.value).toHaveLength(2);
  });

  it("rejects an unknown kind with its position", () => {
    const result = readAliasesJson([{ from: ["a"], to: null, kind: "vanished" }], "aliases.json");
    expect(!result.ok && result.problems.map((problem) => problem.path)).toEqual([[0, "kind"]]);
  });
});
