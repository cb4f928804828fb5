/**
 * `typeflake schema`: the JSON Schema of the definition files, from the DSL's zod schemas, with
 * the DSL's doc comments as descriptions and a documented placeholder for expression values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { registerSchemaCommand } from "../../generators/cli/commands/schema.ts";
import { configBodyShape } from "../../dsl/config-body.ts";
import { hostSchema } from "../../dsl/host.ts";
import { EXPRESSION_PLACEHOLDER, fleetJsonSchema, SCHEMA_KINDS } from "../../generators/schema/fleet-schema.ts";
import type { JsonSchema } from "../../generators/schema/schema-document.ts";
import { runCommand } from "../support/run-command.ts";

/** Run `typeflake schema <args>` in this process: what it printed on stdout. */
const runSchema = async (...args: string[]): Promise<string> => (await runCommand([registerSchemaCommand], ["schema", ...args])).stdout;

/** Every `$ref` anywhere in `value`. */
const refsIn = (value: unknown): string[] =>
  typeof value !== "object" || value === null
    ? []
    : Object.entries(value).flatMap(([key, inner]) => (key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner)));

const at = (document: JsonSchema, ...path: string[]): JsonSchema =>
  path.reduce<JsonSchema>((schema, key) => schema[key] as JsonSchema, document);

let output: string;
let document: JsonSchema;
beforeAll(async () => {
  output = await runSchema();
  document = JSON.parse(output) as JsonSchema;
});

describe("typeflake schema", () => {
  it("prints one pretty-printed JSON Schema (draft 2020-12) whose root accepts any definition file", () => {
    expect(output).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(document["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(document["anyOf"]).toEqual(Object.keys(SCHEMA_KINDS).map((kind) => ({ $ref: `#/$defs/${kind}` })));
    expect(Object.keys(at(document, "$defs"))).toEqual(["fleet", "host", "module", "overlay", "home", "nixValue"]);
  });

  it("has every key of the host schema, as a closed object requiring only the address", () => {
    const host = at(document, "$defs", "host");
    expect(Object.keys(at(host, "properties")).sort()).toEqual(Object.keys(hostSchema.shape).sort());
    expect(Object.keys(at(host, "properties"))).toEqual(expect.arrayContaining(Object.keys(configBodyShape)));
    expect(host["required"]).toEqual(["address"]);
    expect(host["additionalProperties"]).toBe(false);
  });

  it("describes fields with the DSL's doc comments", () => {
    expect(at(document, "$defs", "host", "properties", "address")["description"]).toBe('The address other hosts and the deploy tool reach it at, e.g. `"10.0.20.10"`.');
    expect(at(document, "$defs", "home", "properties", "git", "properties", "userEmail")["description"]).toBe(
      'The e-mail address commits carry (`programs.git.settings.user.email`; `userEmail` before home-manager 25.11), e.g. `"alice@example.com"`.',
    );
    const share = at(document, "$defs", "host", "properties", "services", "properties", "samba");
    expect(share["description"]).toBe("Samba file shares; opens TCP 445 and 139.");
  });

  it("accepts anything where an expression value goes, and says why", () => {
    expect(at(document, "$defs", "host", "properties", "packages", "items")).toEqual({ description: EXPRESSION_PLACEHOLDER });
    expect(at(document, "$defs", "host", "properties", "nixos", "additionalProperties")).toEqual({ $ref: "#/$defs/nixValue" });
    const key = at(document, "$defs", "host", "properties", "services", "properties", "wireguard", "additionalProperties", "properties", "privateKey");
    expect(key["description"]).toMatch(/^The private key file, from the fleet's secrets[\s\S]*\n\nA typeflake expression value/);
  });

  it("resolves every reference inside the document", () => {
    const defs = Object.keys(at(document, "$defs"));
    expect(refsIn(document).filter((ref) => !defs.includes(ref.replace("#/$defs/", "")))).toEqual([]);
  });

  it("narrows the root to one kind on request, and refuses unknown kinds", async () => {
    const host = JSON.parse(await runSchema("host")) as JsonSchema;
    expect(host["$ref"]).toBe("#/$defs/host");
    expect(host["title"]).toBe("typeflake host file");
    const misspelt = await runCommand([registerSchemaCommand], ["schema", "hots"]);
    expect(misspelt.exitCode).toBe(1);
    expect(misspelt.stderr).toMatch(/expected one of fleet, host, module, overlay, home/);
  });

  it("is the same document on every run", () => {
    expect(JSON.stringify(fleetJsonSchema())).toBe(JSON.stringify(fleetJsonSchema()));
  });
});
