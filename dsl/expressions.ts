/**
 * Typed values that stand for Nix expressions inside TypeScript configuration: raw Nix, the
 * `lib.mk*` priority and condition wrappers, package references, secret paths and references to
 * other hosts. They are plain data tagged with a registered symbol, so they survive zod parsing,
 * cannot be confused with a user's attribute set, and are turned into Nix by the lowering stage.
 */

import { ORDER_PRIORITIES, OVERRIDE_PRIORITIES } from "./priorities.ts";

/** The brand every typeflake expression value carries (registered, so copies of the module agree). */
export const NIX_EXPRESSION: unique symbol = Symbol.for("typeflake.nix-expression") as never;

interface Branded {
  readonly [NIX_EXPRESSION]: true;
}

/**
 * Keys of the editor-only members below. They exist only for the type checker (declared, never
 * created), so no value at run time carries them and no code can read them.
 */
export declare const DEFINES: unique symbol;
/** See `DEFINES`. */
export declare const WRAPPER: unique symbol;
/** See `DEFINES`. */
export declare const NIX_PACKAGE: unique symbol;
/** See `DEFINES`. */
export declare const NIX_PATH: unique symbol;

/**
 * What the editor knows of a typeflake expression in an option (raw Nix, an `mk*` wrapper,
 * `pkg(…)`, `nixString`…``, `secret(…).path`, `host(…)`): the type of the value it defines.
 * Opaque on purpose: its only members are keyed by symbols, so completions inside a `nixos` set
 * list option names, never an expression's internals (`kind`, `priority`, `value`, `parts`).
 * Covariant in `T`: `mkForce(true)` fits a boolean option, `mkForce("yes")` does not, and raw Nix
 * (`TypedNix<never>`) fits every option, since typeflake cannot know what it evaluates to.
 */
export interface TypedNix<out T> {
  readonly [DEFINES]: () => T;
}

/**
 * An mk* wrapper as the editor sees it: which one it is (`WRAPPER`), so that a wrapper NixOS
 * would leave on inside another is refused where it is written (see `Overridable`).
 */
export interface TypedWrapper<out T, K extends "override" | "order" | "if" | "merge"> extends TypedNix<T> {
  readonly [WRAPPER]: K;
}

/** What `pkg(…)` evaluates to, for the editor: a package option takes it. */
export interface NixPackage {
  readonly [NIX_PACKAGE]: true;
}

/** What `nixPath(…)` evaluates to, for the editor: a path option takes it, a string option does not. */
export interface NixPathLiteral {
  readonly [NIX_PATH]: true;
}

/** Nix source written by hand: `nix\`lib.mkDefault pkgs.hello\``. */
export interface RawNix extends Branded {
  readonly kind: "raw";
  /** Literal source text and interpolated values, in order. */
  readonly parts: readonly (string | NixValue)[];
}

/** A Nix string with interpolations: `nixString\`${pkg("curl")}/bin/curl -s …\``. */
export interface InterpolatedString extends Branded {
  readonly kind: "string";
  /** Literal text (escaped by the printer) and interpolated values, in order. */
  readonly parts: readonly (string | NixValue)[];
}

/** `lib.mkOverride priority value` (mkForce = 50, mkDefault = 1000, mkOptionDefault = 1500). */
export interface Override extends Branded {
  readonly kind: "override";
  readonly priority: number;
  readonly value: NixValue;
}

/** `lib.mkOrder priority value` (mkBefore = 500, mkAfter = 1500). */
export interface Order extends Branded {
  readonly kind: "order";
  readonly priority: number;
  readonly value: NixValue;
}

/** `lib.mkIf condition value` */
export interface Conditional extends Branded {
  readonly kind: "if";
  readonly condition: NixValue;
  readonly value: NixValue;
}

/** `lib.mkMerge [ … ]` */
export interface Merge extends Branded {
  readonly kind: "merge";
  readonly values: readonly NixValue[];
}

/** A package: `pkgs.htop`, or from the fleet's second nixpkgs, `unstable.htop`. */
export interface PackageRef extends Branded {
  readonly kind: "package";
  /** Attribute path inside the package set, e.g. `["python3Packages", "requests"]`. */
  readonly attrPath: readonly string[];
  /** `pkgs` (the host's nixpkgs) or `unstable` (the fleet's second nixpkgs). */
  readonly set: "pkgs" | "unstable";
}

/** A Nix path literal relative to the generated file, e.g. `./nginx.conf`. */
export interface PathRef extends Branded {
  readonly kind: "path";
  readonly path: string;
}

/** A secret declared in the fleet's secrets; lowers to the decrypted file's runtime path. */
export interface SecretRef extends Branded {
  readonly kind: "secret";
  /** Secret name, as in `sops.secrets."<name>"` or `age.secrets.<name>`. */
  readonly name: string;
}

/** The runtime path of a decrypted secret: `config.sops.secrets."wireguard-key".path`. */
export interface SecretPath extends Branded {
  readonly kind: "secretPath";
  readonly name: string;
}

/** Another host's address, or a URL to one of its ports, resolved from the fleet. */
export interface HostRef extends Branded {
  readonly kind: "host";
  /** Name of the referenced host (its folder under `hosts/`). */
  readonly host: string;
  /** When set, the reference is the URL `scheme://address:port` of a service on that host. */
  readonly url?: { readonly port: number; readonly scheme: string };
}

/** Every typed expression value. */
export type NixExpression =
  | RawNix
  | InterpolatedString
  | Override
  | Order
  | Conditional
  | Merge
  | PackageRef
  | PathRef
  | SecretRef
  | SecretPath
  | HostRef;

/** Anything that can stand where NixOS expects a value. */
export type NixValue =
  | string
  | number
  | boolean
  | null
  | NixExpression
  | readonly NixValue[]
  | { readonly [name: string]: NixValue };

const brand = <T extends Omit<NixExpression, typeof NIX_EXPRESSION>>(value: T) =>
  Object.freeze({ ...value, [NIX_EXPRESSION]: true as const });

/**
 * A built expression as the editor sees it, defining a `T`: `TypedNix` has no member at run time,
 * so only a cast can add it.
 */
const typed = <T, E extends NixExpression>(value: E): E & TypedNix<T> => value as E & TypedNix<T>;
/** `typed` for an mk* wrapper of kind `K`. */
const wrapper = <T, K extends "override" | "order" | "if" | "merge", E extends NixExpression>(value: E): E & TypedWrapper<T, K> =>
  value as E & TypedWrapper<T, K>;

/** True for values built by this module's helpers. */
export const isNixExpression = (value: unknown): value is NixExpression =>
  typeof value === "object" && value !== null && NIX_EXPRESSION in value;

/** True for a plain attribute set of values: an object that is neither a list nor built by this module's helpers. */
export const isNixAttrSet = (value: unknown): value is { readonly [name: string]: NixValue } =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isNixExpression(value);

/**
 * Raw Nix source, the last-resort escape hatch: exactly one Nix expression, such as
 * `nix\`lib.mkDefault pkgs.hello\``. Interpolated values are printed as Nix, in parentheses
 * where they would otherwise bind to their neighbours: `nix\`[ ${pkg("curl")} ${-1} "a" ]\``
 * embeds `pkgs.curl` and `(-1)`, and `${"a b"}` is the string `"a b"`, not source text. Every fragment is parsed before anything is
 * written (by `nix-instantiate --parse` when nix is installed), and a syntax error, or a `#`
 * comment at its end, is reported at the line that wrote it. The text is written as you wrote
 * it, re-indented to where it lands (strings keep their exact value), not reformatted; a
 * fragment that is a name, a selection or a number (`nix\`config.x.enable\``) is laid out as nixfmt
 * lays out that Nix.
 */
export const nix = (strings: TemplateStringsArray, ...values: NixValue[]): RawNix & TypedNix<never> =>
  typed<never, RawNix>(brand({ kind: "raw", parts: templateParts(strings, values.map(stringAsValue)) }));

/**
 * An interpolated string as a Nix string value (`${"a b"}` is `"a b"`), so that in `parts` only
 * the template's own text is Nix source; Nix source to splice in is written as `nix\`…\``.
 */
const stringAsValue = (value: NixValue): NixValue =>
  typeof value === "string" ? brand({ kind: "string", parts: [value] }) : value;

/**
 * Interleave a template's literal pieces (cooked: `\\n` is a line break) with its values. Called
 * as a plain function (`nix("x")`, past the types) there are no pieces: what was given is kept as
 * the parts, for validation to report at the user's value (`expression-shape.ts`), where a throw
 * here would name typeflake's own line.
 */
const templateParts = (strings: TemplateStringsArray, values: NixValue[]): (string | NixValue)[] =>
  !Array.isArray(strings)
    ? (strings as never)
    : strings.flatMap((text, index) => [
        ...(text === "" ? [] : [text]),
        ...(index < values.length ? [values[index] as NixValue] : []),
      ]);

/**
 * A Nix string whose interpolations are packages or other values, escaped safely:
 * `nixString\`${pkg("curl")}/bin/curl -s http://localhost:9100/metrics\``.
 */
export const nixString = (strings: TemplateStringsArray, ...values: NixValue[]): InterpolatedString & TypedNix<string> =>
  typed<string, InterpolatedString>(brand({ kind: "string", parts: templateParts(strings, values) }));

/**
 * What a wrapper may wrap: a value of the option's type, raw Nix, or another wrapper around such a
 * value (`mkIf(cond, mkForce(x))`); `T` is the option's value type either way.
 */
type Wrappable<T> = T | TypedNix<T>;

/**
 * What NixOS reads inside an mkOverride: it discharges mkIf and mkMerge first and takes off one
 * mkOverride, so inside it an mkOrder or a value may stand (`mkIf(c, mkForce(x))`, never
 * `mkForce(mkIf(c, x))`, which the option's type would see as an attribute set). An mkMerge of
 * sets of options is split into separate definitions first, so it may stand here too (around
 * one option's value it is refused when typeflake checks the definition).
 */
type Overridable<T> = T | (TypedNix<T> & { readonly [WRAPPER]?: "order" | "merge" });

/** What NixOS reads inside an mkOrder, taken off last: a value, no other wrapper. */
type Orderable<T> = T | (TypedNix<T> & { readonly [WRAPPER]?: never });

/** `lib.mkOverride priority value`: lower numbers win. */
export const mkOverride = <T>(priority: number, value: Overridable<T>): Override & TypedWrapper<T, "override"> =>
  wrapper<T, "override", Override>(brand({ kind: "override", priority, value: value as NixValue }));
/** `lib.mkForce value`: wins over normal definitions (priority 50). */
export const mkForce = <T>(value: Overridable<T>): Override & TypedWrapper<T, "override"> => mkOverride(OVERRIDE_PRIORITIES.mkForce, value);
/** `lib.mkDefault value`: loses to normal definitions (priority 1000). */
export const mkDefault = <T>(value: Overridable<T>): Override & TypedWrapper<T, "override"> => mkOverride(OVERRIDE_PRIORITIES.mkDefault, value);
/**
 * `lib.mkIf condition value`: the definition applies only when `condition` is true. A list item
 * is a definition of its own: `[22, mkIf(cond, 80)]` holds 80 only when `cond` is true.
 */
export const mkIf = <T>(condition: NixValue, value: Wrappable<T>): Conditional & TypedWrapper<T, "if"> =>
  wrapper<T, "if", Conditional>(brand({ kind: "if", condition, value: value as NixValue }));
/** `lib.mkMerge [ … ]`: several definitions of one option (or of one list item) at once. */
export const mkMerge = <T>(values: readonly Wrappable<T>[]): Merge & TypedWrapper<T, "merge"> =>
  wrapper<T, "merge", Merge>(brand({ kind: "merge", values: values as readonly NixValue[] }));
/** `lib.mkBefore value`: list items placed before normal definitions (order 500). */
export const mkBefore = <T>(value: Orderable<T>): Order & TypedWrapper<T, "order"> =>
  wrapper<T, "order", Order>(brand({ kind: "order", priority: ORDER_PRIORITIES.mkBefore, value: value as NixValue }));
/** `lib.mkAfter value`: list items placed after normal definitions (order 1500). */
export const mkAfter = <T>(value: Orderable<T>): Order & TypedWrapper<T, "order"> =>
  wrapper<T, "order", Order>(brand({ kind: "order", priority: ORDER_PRIORITIES.mkAfter, value: value as NixValue }));

/**
 * The parts of a package's attribute path. What is no string (`pkg(null)`, past the types) is
 * kept as given, for validation to report at the user's value, where `.split` would throw at
 * typeflake's own line.
 */
const attrPathParts = (attrPath: string): string[] => (typeof attrPath === "string" ? attrPath.split(".") : (attrPath as never));

/** A package from the host's nixpkgs: `pkg("htop")`, `pkg("python3Packages.requests")`. */
export const pkg = (attrPath: string): PackageRef & TypedNix<NixPackage> =>
  typed<NixPackage, PackageRef>(brand({ kind: "package", attrPath: attrPathParts(attrPath), set: "pkgs" }));

/** A package from the fleet's second nixpkgs (e.g. unstable): `unstablePkg("prometheus-node-exporter")`. */
export const unstablePkg = (attrPath: string): PackageRef & TypedNix<NixPackage> =>
  typed<NixPackage, PackageRef>(brand({ kind: "package", attrPath: attrPathParts(attrPath), set: "unstable" }));

/** A path literal relative to the generated Nix file: `nixPath("./nginx.conf")`. */
export const nixPath = (path: string): PathRef & TypedNix<NixPathLiteral> =>
  typed<NixPathLiteral, PathRef>(brand({ kind: "path", path }));

/** A handle on a fleet secret: use it where a key file is expected, or take `.path`. */
export interface SecretHandle extends SecretRef {
  /** The decrypted file's path on the host, e.g. `config.sops.secrets."wireguard-key".path`. */
  readonly path: SecretPath & TypedNix<string>;
}

/** Refer to a secret declared in the fleet's `secrets`: `secret("wireguard-key").path`. */
export const secret = (name: string): SecretHandle =>
  Object.freeze({ ...brand({ kind: "secret", name }), path: typed<string, SecretPath>(brand({ kind: "secretPath", name })) });

/** A handle on another host of the fleet. */
export interface HostHandle extends HostRef, TypedNix<string> {
  /** `http://<address>:<port>` of a service on that host (the port must be open there). */
  port(port: number, scheme?: string): HostRef & TypedNix<string>;
}

/** Refer to another host: `host("compute")` is its address, `host("compute").port(3000)` a URL. */
export const host = (name: string): HostHandle =>
  Object.freeze({
    ...brand({ kind: "host", host: name }),
    port: (port: number, scheme = "http") =>
      typed<string, HostRef>(brand({ kind: "host", host: name, url: { port, scheme } })),
  }) as HostHandle;
