/**
 * What the editor shows in a `nixos` block, asked of TypeScript's language service (ts-morph's
 * bundled TypeScript, the version VS Code ships) at chosen positions of host files: hover docs of
 * a fleet's imported schema (description, type, default, example), completions that list option
 * names only (never the mk* wrappers' internals), mk* values checked against the option's type,
 * renamed and removed options struck through with their replacement, and a fleet's registered
 * schema replacing the shipped one.
 *
 * The fleets live in `test/.tmp/` inside the repository, so `"typeflake"` resolves to the sources
 * (package self-reference with the `typeflake-source` condition), as it resolves to the installed
 * package in a user's fleet (see test/package/installed-package.test.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Project, ts } from "ts-morph";
import { afterAll, describe, expect, it } from "vitest";
import { importOptionSchema } from "../../generators/options/import-schema.ts";

const REPOSITORY = join(import.meta.dirname, "../..");
const TMP = join(REPOSITORY, "test", ".tmp");
mkdirSync(TMP, { recursive: true });
const work = mkdtempSync(join(TMP, "editor-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A small options.json in the manual's shape, with every documentation field. */
const OPTIONS = {
  "services.homelab.backup.enable": {
    type: "boolean",
    description: "Whether to back up the {file}`/srv` tree, see [the guide](https://example.org/backup) and {option}`services.homelab.backup.paths`.",
    default: { _type: "literalExpression", text: "false" },
    example: { _type: "literalExpression", text: "true" },
    declarations: ["modules/backup.nix"],
  },
  "services.homelab.backup.paths": {
    type: "list of string",
    description: "Folders to back up.\n\n::: {.note}\nSymbolic links are not followed.\n:::",
    default: [],
    example: { _type: "literalExpression", text: '[\n  "/srv/media"\n  "/srv/photos"\n]' },
    declarations: ["modules/backup.nix"],
  },
  "services.homelab.backup.retention": {
    type: "positive integer, meaning >0",
    description: "Days to keep. A `*/` in a description does not end the comment.",
    default: 30,
    declarations: ["modules/backup.nix"],
  },
  "services.openssh.enable": { type: "boolean", description: "Whether to enable the OpenSSH secure shell daemon." },
  "services.openssh.settings": { type: "open submodule of attribute set of (atom (null, bool, int, float or string))" },
  "services.openssh.settings.PermitRootLogin": {
    type: 'null or one of "yes", "without-password", "prohibit-password", "forced-commands-only", "no"',
    description: "Whether the root user can login using ssh.",
    default: { _type: "literalExpression", text: '"prohibit-password"' },
  },
  "services.openssh.settings.MaxAuthTries": { type: "null or signed integer" },
};

const ALIASES = [
  { from: ["services", "homelab", "backup", "keepDays"], to: ["services", "homelab", "backup", "retention"], kind: "renamed" },
  { from: ["services", "homelab", "backup", "legacyCron"], to: null, kind: "removed", message: "Backups run from a systemd timer now." },
];

const schema = importOptionSchema({
  options: { name: "options.json", json: OPTIONS },
  aliases: { name: "aliases.json", json: ALIASES },
  expressionsImport: "typeflake",
  target: "fleet",
  provenance: { origin: { kind: "import", file: "options.json", aliases: "aliases.json" }, typeflakeVersion: "0.0.0" },
});
if (!schema.ok) throw new Error(JSON.stringify(schema.problems));

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
    customConditions: ["typeflake-source"],
  },
  include: ["hosts/**/*.ts", ".typeflake/**/*.d.ts"],
});

/** A fleet folder with `files` (relative path → text) and a tsconfig like the scaffold's. */
function fleet(name: string, files: Readonly<Record<string, string>>): Project {
  const root = join(work, name);
  for (const [path, text] of Object.entries({ "tsconfig.json": TSCONFIG, ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return new Project({ tsConfigFilePath: join(root, "tsconfig.json") });
}

const withSchema = (host: string): Record<string, string> => ({
  ".typeflake/options/nixos-options.d.ts": schema.value.files["nixos-options.d.ts"] ?? "",
  "hosts/nas/host.ts": host,
});

/** The host file's text with `|` marking the position; returns both. */
const marked = (text: string): { text: string; position: number } => ({
  text: text.replace("|", ""),
  position: text.indexOf("|"),
});

const hostFile = (nixos: string): string =>
  `import { defineHost, mkDefault, mkForce, mkIf, mkMerge, nix } from "typeflake";\n\n` +
  `export default defineHost({\n  address: "10.0.0.2",\n  nixos: ${nixos},\n});\n`;

const quickInfo = (project: Project, file: string, position: number) => {
  const info = project.getLanguageService().compilerObject.getQuickInfoAtPosition(file, position);
  return {
    documentation: ts.displayPartsToString(info?.documentation ?? []),
    tags: Object.fromEntries((info?.tags ?? []).map((tag) => [tag.name, ts.displayPartsToString(tag.text ?? [])])),
  };
};

const completions = (project: Project, file: string, position: number): string[] =>
  (project.getLanguageService().compilerObject.getCompletionsAtPosition(file, position, {})?.entries ?? [])
    .map((entry) => entry.name)
    .sort();

const diagnostics = (project: Project): string[] =>
  project.getPreEmitDiagnostics().map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, "\n"));

describe("hover on a NixOS option of the fleet's imported schema", () => {
  const text = hostFile(
    `{ services: { homelab: { backup: { enable: true, paths: ["/srv"], retention: 7, keepDays: undefined } } } }`,
  );
  const project = fleet("hover", withSchema(text));
  const file = join(work, "hover", "hosts", "nas", "host.ts");
  const hover = (field: string) => quickInfo(project, file, text.indexOf(`${field}:`) + 1);

  it("type-checks against the fleet's schema", () => {
    expect(diagnostics(project)).toEqual([]);
  });

  it("shows the description (Markdown made readable), the type, the default and the example", () => {
    const enable = hover("enable");
    expect(enable.documentation).toContain(
      "Whether to back up the `/srv` tree, see the guide (https://example.org/backup) and `services.homelab.backup.paths`.",
    );
    expect(enable.documentation).toContain("Type: `boolean`");
    expect(enable.documentation).toContain("Declared in `modules/backup.nix`");
    expect(enable.tags).toMatchObject({ default: "`false`", example: "`true`" });
  });

  it("fences a multi-line literalExpression as Nix, and keeps admonitions readable", () => {
    const paths = hover("paths");
    expect(paths.documentation).toContain("Folders to back up.\n\nNote:\nSymbolic links are not followed.");
    expect(paths.documentation).toContain("Type: `list of string`");
    expect(paths.tags.default).toBe("`[ ]`");
    expect(paths.tags.example).toBe('```nix\n[\n  "/srv/media"\n  "/srv/photos"\n]\n```');
  });

  it("keeps a `*/` in a description from ending the comment, and shows the type's facts", () => {
    const retention = hover("retention");
    expect(retention.documentation).toContain("A `*\\/` in a description does not end the comment.");
    expect(retention.documentation).toContain("Integers from 1 up.");
    expect(retention.tags.default).toBe("`30`");
  });

  it("marks a renamed option @deprecated with its replacement", () => {
    expect(hover("keepDays").tags.deprecated).toContain("Renamed to `services.homelab.backup.retention`");
  });
});

describe("a fleet's registered schema replaces the shipped one", () => {
  it("refuses a misspelt option and an option only the shipped schema has", () => {
    const misspelt = hostFile(`{ services: { homelab: { backup: { enabel: true } } } }`);
    expect(diagnostics(fleet("misspelt", withSchema(misspelt))).join("\n")).toContain("'enabel' does not exist");
    const shippedOnly = hostFile(`{ networking: { hostName: "nas" } }`);
    expect(diagnostics(fleet("shipped-only", withSchema(shippedOnly))).join("\n")).toContain("'networking' does not exist");
  });

  it("names the replacement of a renamed or removed option in tsc's error", () => {
    const text = hostFile(`{ services: { homelab: { backup: { keepDays: 7, legacyCron: true } } } }`);
    const found = diagnostics(fleet("aliases", withSchema(text))).join("\n");
    expect(found).toContain('Type \'number\' is not assignable to type \'"renamed to services.homelab.backup.retention"\'');
    expect(found).toContain("removed from NixOS: Backups run from a systemd timer now.");
  });

  it("without a fleet schema, the shipped one types the block", () => {
    const text = hostFile(`{ networking: { hostName: "nas" }, services: { homelab: {} } }`);
    const found = diagnostics(fleet("shipped", { "hosts/nas/host.ts": text })).join("\n");
    expect(found).not.toContain("'networking' does not exist");
    expect(found).toContain("'homelab' does not exist");
  });
});

describe("completions in a nixos set list option names only", () => {
  const cases: Record<string, string> = {
    "a set of options": `{ services: { openssh: { settings: { | } } } }`,
    "a set inside mkForce": `{ services: { openssh: { settings: mkForce({ | }) } } }`,
    "a set inside mkIf": `{ services: { openssh: { settings: mkIf(true, { | }) } } }`,
    "a set inside mkMerge": `{ services: { openssh: { settings: mkMerge([{ | }]) } } }`,
    "a namespace inside mkIf": `{ services: { openssh: mkIf(true, { | }) } }`,
  };
  const expected: Record<string, string[]> = {
    "a set of options": ["MaxAuthTries", "PermitRootLogin"],
    "a set inside mkForce": ["MaxAuthTries", "PermitRootLogin"],
    "a set inside mkIf": ["MaxAuthTries", "PermitRootLogin"],
    "a set inside mkMerge": ["MaxAuthTries", "PermitRootLogin"],
    "a namespace inside mkIf": ["enable", "settings"],
  };
  for (const [where, nixos] of Object.entries(cases)) {
    it(`in ${where}`, () => {
      const { text, position } = marked(hostFile(nixos));
      const name = `completions-${Object.keys(cases).indexOf(where)}`;
      const project = fleet(name, withSchema(text));
      expect(completions(project, join(work, name, "hosts", "nas", "host.ts"), position)).toEqual(expected[where]);
    });
  }

  const INTERNALS = ["attrPath", "condition", "host", "kind", "parts", "priority", "set", "url", "value", "values"];
  for (const [where, nixos, expected] of [
    ["the shipped schema's openssh settings", `{ services: { openssh: { settings: { | } } } }`, "PermitRootLogin"],
    ["an item of a list of anything (assertions)", `{ assertions: [{ | }] }`, undefined],
    ["a list item inside mkIf (listenAddresses)", `{ services: { openssh: { listenAddresses: [mkIf(true, { | })] } } }`, "addr"],
    ["a value that is a string or a set (grafana settings)", `{ services: { grafana: { settings: { server: { x: { | } } } } } }`, undefined],
  ] as const) {
    it(`in ${where}, without any expression's internals`, () => {
      const { text, position } = marked(hostFile(nixos));
      const name = `completions-shipped-${where.replace(/\W+/g, "-")}`;
      const project = fleet(name, { "hosts/nas/host.ts": text });
      const names = completions(project, join(work, name, "hosts", "nas", "host.ts"), position);
      if (expected) expect(names).toContain(expected);
      expect(names.filter((entry) => INTERNALS.includes(entry))).toEqual([]);
    });
  }
});

describe("mk* wrappers check their value against the option's type", () => {
  const check = (name: string, nixos: string): string[] => diagnostics(fleet(name, withSchema(hostFile(nixos))));

  it("accepts values of the option's type, raw Nix, and wrappers inside wrappers", () => {
    expect(
      check(
        "wrappers-ok",
        `{ services: { openssh: mkIf(true, { enable: mkForce(true), settings: mkDefault({ PermitRootLogin: "no", MaxAuthTries: mkForce(3) }) }), ` +
          `homelab: { backup: { enable: mkIf(true, mkForce(true)), paths: mkMerge([["/srv"], nix\`[ "/home" ]\`]), retention: nix\`7\` } } } }`,
      ),
    ).toEqual([]);
  });

  for (const [label, nixos, message] of [
    ["mkForce(\"yes\") on a boolean", `{ services: { openssh: { enable: mkForce("yes") } } }`, "TypedWrapper<string"],
    ["mkDefault on an enum", `{ services: { openssh: { settings: mkDefault({ PermitRootLogin: "maybe" }) } } }`, '"maybe"'],
    ["mkIf with a list of numbers for strings", `{ services: { homelab: { backup: { paths: mkIf(true, [1]) } } } }`, "TypedWrapper<number[]"],
    ["mkMerge with a string for a boolean", `{ services: { homelab: { backup: { enable: mkMerge([true, "no"]) } } } }`, "TypedNix<"],
  ] as const) {
    it(`refuses ${label}`, () => {
      const found = check(`wrappers-${label.replace(/\W+/g, "-")}`, nixos).join("\n");
      expect(found).toContain("is not assignable");
      expect(found).toContain(message);
    });
  }
});
