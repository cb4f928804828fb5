/**
 * Random fleets as TypeScript source, for the fleet fuzzer (./fleet-fuzz.ts). A fleet is drawn
 * from the whole authoring surface — fleet config, hosts, modules, services, users, secrets and
 * raw `nixos` blocks — with hostile names and values mixed in at rate `hostility`. Alongside the
 * source it records the values the generated flake must evaluate back to (`expected`), for the
 * parts of a fleet whose meaning is plain data.
 */

/** A seeded PRNG (mulberry32): the same seed always draws the same fleet. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  subset<T>(items: readonly T[]): T[] {
    return items.filter(() => this.chance(0.5));
  }
}

/** One value to write into a fleet file: its TypeScript source, and what Nix must see (when known). */
export interface Drawn {
  readonly source: string;
  /** The JSON value `nix eval --json` must print, or `UNCHECKED` when the fuzzer does not model it. */
  readonly expected: unknown;
}

export const UNCHECKED = Symbol("unchecked");

/** A value whose evaluated form is checked: `path` under `nixosConfigurations.<host>.config`. */
export interface ExpectedValue {
  readonly host: string;
  readonly path: readonly string[];
  readonly value: unknown;
  /** Where `path` starts: the host's evaluated `config` (default), or its deploy-rs node. */
  readonly under?: "config" | "deploy-node";
}

/** Strings Nix, TypeScript or a terminal treat specially; all are valid string values. */
const NASTY_TEXT = [
  "", '"', "\\", "${", "${x}", "''", "'''", "$${", "''${", "\\${", "$", "a$", "#", "/*", "*/", "\n", "\r", "\t", "a\r\nb",
  "\u202e", "\u200f", "\u2028", "e\u0301", "日本", "🦀", "inherit", "or", "rec", "let", "in", "with", "null", "true",
  "a.b", "a b", " ", "-", "1", "0x10", "__proto__", "constructor", "toString", "\u001b[31m", "\u00a0", "\ufeff",
];
/** Strings that are not valid text for Nix: typeflake must refuse them with a diagnostic. */
const INVALID_TEXT = ["\u0000", "a\u0000b", "\ud800", "x\udfff"];

/** Identifier-like names typeflake accepts almost everywhere. */
const PLAIN_NAMES = ["a", "web", "web-1", "nas", "db0", "x-y-z", "node9"];
/** Names to try where a name is expected; most are invalid somewhere. */
const ODD_NAMES = ["Web", "WEB", "-a", "a-", "a.b", "a b", "in", "inherit", "rec", "or", "é", "日本", "a_b", "0", "a".repeat(64), "", ".", ".."];

const FLOATS_NIX_PRINTS_EXACTLY = [0.5, -2.25, 1.5e-7, 123.5, -0.125, 3.25e-300];
const SAFE_INTS = [0, 1, -1, 42, 65535, 65536, 2 ** 31, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53 - 1)];
/** Numeric source text typeflake must refuse or cannot hold: [source, code family]. */
const INVALID_NUMBERS = ["1e21", "NaN", "Infinity", "-Infinity", "2 ** 53 + 2", "1n", "2n ** 70n", "5e-324"];

/** Values only a cast or plain JavaScript can put into a tree: helpers with parameters of the wrong type among them. */
const ALIEN_EXPRESSIONS = [
  "undefined", "[1, , 2]", 'mkMerge("x" as never)', "mkMerge(null as never)", "mkForce(undefined as never)", "mkOverride(1.5, 1)",
  "mkOverride(NaN, 1)", "host(1 as never)", "secret(null as never).path", "nix`${undefined as never}`", "nixString`${null}`",
  "nixString`${[1]}`", "mkIf(nix`true`, () => 1)", "Symbol.iterator", "new Error('e')", 'host("a").port(65536)',
  'host("a").port(80, "h t")', 'host("a").port(1.5)', 'host("nowhere")', 'secret("nope").path', 'pkg("a..b")', 'nixPath("/etc/x")',
  'mkIf(nix`true`, undefined as never)', "mkMerge([mkForce(1), undefined as never])",
];

const ts = (value: string): string => JSON.stringify(value);

export class FleetDrawer {
  readonly expected: ExpectedValue[] = [];
  /** True once something invalid was drawn on purpose: the fleet may be refused. */
  hostile = false;
  constructor(
    private readonly rng: Random,
    private readonly hostility: number,
  ) {}

  /** Whether to draw something invalid now (at rate `hostility`); marks the fleet hostile. */
  evil(): boolean {
    const yes = this.rng.chance(this.hostility);
    if (yes) this.hostile = true;
    return yes;
  }

  text(): Drawn {
    const r = this.rng;
    if (this.evil()) {
      const bad = r.pick(INVALID_TEXT);
      return { source: ts(bad), expected: UNCHECKED };
    }
    const parts = Array.from({ length: 1 + r.int(4) }, () => (r.chance(0.6) ? r.pick(NASTY_TEXT) : r.pick(PLAIN_NAMES)));
    let value = parts.join("");
    if (r.chance(0.03)) value = "x".repeat(10_000) + value;
    // Near the 100-column width, where a binding or a call decides whether to break.
    else if (r.chance(0.15)) value += "w".repeat(40 + r.int(70));
    return { source: ts(value), expected: value };
  }

  /** Text without line breaks (or `:`, with `passwd`): valid for line-based files. */
  line(passwd = false): Drawn {
    const unfit = passwd ? /[\n\r\v\f\u0085\u2028\u2029:]/ : /[\n\r\v\f\u0085\u2028\u2029]/;
    for (;;) {
      const drawn = this.text();
      if (typeof drawn.expected !== "string" || !unfit.test(drawn.expected)) return drawn;
    }
  }

  key(): string {
    const r = this.rng;
    if (this.evil()) return r.pick([...INVALID_TEXT, ...ODD_NAMES]);
    return r.chance(0.5) ? r.pick(PLAIN_NAMES) : r.pick([...NASTY_TEXT, ...ODD_NAMES].filter((key) => key !== ""));
  }

  number(): Drawn {
    const r = this.rng;
    if (this.evil()) return { source: r.pick(INVALID_NUMBERS), expected: UNCHECKED };
    if (r.chance(0.1)) return { source: "-0", expected: 0 };
    const value = r.chance(0.6) ? r.pick(SAFE_INTS) : r.pick(FLOATS_NIX_PRINTS_EXACTLY);
    return { source: String(value), expected: value };
  }

  /** A JSON-like tree for an option of type "JSON value" / "attribute set". */
  tree(depth = 0): Drawn {
    const r = this.rng;
    const roll = r.int(depth > 2 ? 4 : 7);
    if (roll === 0) return this.text();
    if (roll === 1) return this.number();
    if (roll === 2) return r.chance(0.5) ? { source: "true", expected: true } : { source: "null", expected: null };
    if (roll === 3) {
      if (this.evil()) return { source: r.pick(ALIEN_EXPRESSIONS), expected: UNCHECKED };
      return { source: "false", expected: false };
    }
    if (roll === 4) {
      const items = Array.from({ length: r.int(4) }, () => this.tree(depth + 1));
      return { source: `[${items.map((item) => item.source).join(", ")}]`, expected: this.all(items.map((item) => item.expected)) };
    }
    return this.attrs(() => this.tree(depth + 1));
  }

  /**
   * A tree with typeflake's expression helpers mixed in: values interpolated into `nix\`…\`` and
   * `nixString\`…\``, and `mkForce`/`mkDefault`/`mkIf(true, …)`/`mkMerge` wrappers, all of which
   * must evaluate to the plain value they wrap.
   */
  expressionTree(depth = 0, wrappable = true): Drawn {
    const r = this.rng;
    // Lists stay plain: a wrapped list item is a definition of its own, which the expected values do not model.
    const inner = (wrap = true) => (depth > 2 ? this.tree(3) : this.expressionTree(depth + 1, wrap));
    switch (r.int(depth > 2 ? 1 : 8)) {
      case 0:
        return this.tree(depth);
      case 1: {
        const value = inner(false);
        const [open, close] = r.pick([["", ""], [" ", "\\n"], ["(", ")"], ["\\n  ", " "]]);
        return { source: `nix\`${open}\${${value.source}}${close}\``, expected: value.expected };
      }
      case 2: {
        const items = [inner(false), inner(false)];
        return { source: `nix\`[ \${${items[0]!.source}} \${${items[1]!.source}} ]\``, expected: this.all(items.map((item) => item.expected)) };
      }
      case 3: {
        // A number or boolean reads as its JavaScript text, as in a template literal.
        const literalPart = (): Drawn => {
          const value = r.pick([8080, -1.5, 0, true, false]);
          return { source: String(value), expected: String(value) };
        };
        const parts = [r.chance(0.3) ? literalPart() : this.text(), r.chance(0.3) ? literalPart() : this.text()];
        const [literal, means] = r.pick([["", ""], ["-", "-"], ["''", "''"], ["$", "$"], ["\\${", "${"], ["'", "'"], ["\\\\", "\\"]]);
        const expected = parts.some((part) => part.expected === UNCHECKED) ? UNCHECKED : `${parts[0]!.expected as string}${means}${parts[1]!.expected as string}`;
        return { source: `nixString\`\${${parts[0]!.source}}${literal}\${${parts[1]!.source}}\``, expected };
      }
      case 4: {
        if (!wrappable) return this.tree(depth);
        const value = inner(false);
        const wrapper = r.pick(["mkForce(", "mkDefault(", "mkIf(true, ", "mkIf(nix`true`, "]);
        return { source: `${wrapper}${value.source})`, expected: value.expected };
      }
      default:
        return this.attrs(() => inner(wrappable), 3);
    }
  }

  attrs(value: () => Drawn, size = 4): Drawn {
    const entries = new Map<string, Drawn>();
    for (let i = this.rng.int(size); i >= 0; i--) entries.set(this.key(), value());
    const expected: Record<string, unknown> = {};
    let known = true;
    for (const [key, drawn] of entries) {
      if (drawn.expected === UNCHECKED) known = false;
      else Object.defineProperty(expected, key, { value: drawn.expected, enumerable: true }); // "__proto__" too
    }
    // A quoted "__proto__" key in a literal sets the prototype instead; computed keys never do.
    const literalProto = entries.has("__proto__") && this.evil();
    if (literalProto) known = false;
    const keySource = (key: string) => (literalProto && key === "__proto__" ? ts(key) : `[${ts(key)}]`);
    const source = `{ ${[...entries].map(([key, drawn]) => `${keySource(key)}: ${drawn.source}`).join(", ")} }`;
    return { source, expected: known ? expected : UNCHECKED };
  }

  private all(values: unknown[]): unknown {
    return values.includes(UNCHECKED) ? UNCHECKED : values;
  }

  name(plain: readonly string[] = PLAIN_NAMES): string {
    return this.evil() ? this.rng.pick(ODD_NAMES) : this.rng.pick(plain);
  }

  port(): string {
    return this.evil() ? this.rng.pick(["0", "65536", "-1", "1.5", "NaN", '"22"', "2 ** 60", "2 ** 53 + 2", "-0", "1e308"]) : String(this.rng.pick([22, 80, 443, 8080, 65535, 1, 51820]));
  }

  ipv4(): string {
    if (this.evil()) return this.rng.pick(["10.0.0.256", "10.0.0", "010.0.0.1", "1.2.3.4.5", " 10.0.0.1", "10.0.0.1/33", "", "::ffff:1.2.3.4x"]);
    return `10.${this.rng.int(256)}.${this.rng.int(256)}.${1 + this.rng.int(254)}`;
  }

  address(): string {
    if (!this.evil() && this.rng.chance(0.2)) {
      return this.rng.pick(["fd00::1", "::1", "fe80::1", "2001:db8::", "::ffff:10.0.0.1", "2001:0db8:0000:0000:0000:0000:0000:0001", "nas.lab.local"]);
    }
    return this.ipv4();
  }

  cidr(): string {
    if (this.evil()) return this.rng.pick(["10.0.0.0/33", "10.0.0.1", "fd00::/129", "10.0.0.0/-1", "10.0.0.0/ 8", "/24", "fd00::/64/1"]);
    return this.rng.pick([`${this.ipv4()}/24`, `${this.ipv4()}/32`, "fd00::/64", "10.0.0.0/8", "0.0.0.0/0", "::/0"]);
  }

  wireguardKey(): string {
    if (this.evil()) return this.rng.pick(["", "short", "A".repeat(44), `${"A".repeat(43)}=`.replace(/^A/, "!"), `${"A".repeat(42)}==`]);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let key = "";
    for (let i = 0; i < 42; i++) key += alphabet[this.rng.int(64)];
    return `${key}${this.rng.pick([..."AEIMQUYcgkosw048"])}=`;
  }

  expect(host: string, path: readonly string[], drawn: Drawn, under: ExpectedValue["under"] = "config"): void {
    if (drawn.expected !== UNCHECKED) this.expected.push({ host, path, value: drawn.expected, under });
  }
}
