/**
 * NixValue → Nix AST. The one place where typeflake's expression values (secrets, host
 * references, packages, mk* wrappers, raw Nix) become Nix, and where a file learns which
 * module arguments (`config`, `lib`, `pkgs`, `unstable`) it needs in its header.
 */
import { bracketed } from "../../dsl/address.ts";
import { isNixExpression, type NixExpression, type NixValue } from "../../dsl/expressions.ts";
import { orderName, overrideName } from "../../dsl/priorities.ts";
import type { NixExpr, NixStringPart } from "../nix/ast.ts";
import { apply, attrs, assign, bool, float, id, int, list, nul, path, raw, select, str } from "../nix/build.ts";
import { printNixTerm } from "../nix/print.ts";

/** Where lowered values will live, which decides how references are spelled. */
export interface ValueScope {
  /** Identifier of the package set: `pkgs` in modules, `prev` in overlays. */
  readonly packages: "pkgs" | "prev";
  /** Secrets backend: where decrypted secret paths are found. */
  readonly secretsBackend: "sops" | "agenix";
  /** Resolve a host name to its address (the fleet has been validated, so names exist). */
  readonly hostAddress: (hostName: string) => string;
}

/** Module arguments a lowered file refers to, collected while lowering. */
export type ModuleArgument = "config" | "lib" | "pkgs" | "unstable" | "prev";

/** Converts values for one file and remembers which arguments they use. */
export interface ValueLowerer {
  readonly lower: (value: NixValue) => NixExpr;
  readonly used: ReadonlySet<ModuleArgument>;
}

/** Module arguments as they appear in hand-written Nix (not as attribute names after a dot). */
const RAW_ARGUMENT = /(?<![\w'.-])(config|lib|pkgs|unstable)(?![\w'-])/g;

/** A lowerer for one generated file. */
export const valueLowerer = (scope: ValueScope): ValueLowerer => {
  const used = new Set<ModuleArgument>();
  const use = (argument: ModuleArgument) => used.add(argument);

  const libCall = (name: string, ...args: NixExpr[]): NixExpr => {
    use("lib");
    return apply(select("lib", name), ...args);
  };

  const packageSet = (set: "pkgs" | "unstable"): NixExpr => {
    if (scope.packages === "prev") {
      use("prev");
      return set === "pkgs" ? id("prev") : select("prev", "unstable");
    }
    use(set);
    return id(set);
  };

  const secretPath = (name: string): NixExpr => {
    use("config");
    return select("config", scope.secretsBackend === "sops" ? "sops" : "age", "secrets", name, "path");
  };

  /**
   * A number or boolean in `nixString` is its text, as in a JavaScript template (`"${8080}"`
   * does not evaluate: Nix coerces no number or boolean to a string).
   */
  const stringParts = (parts: readonly (string | NixValue)[]): NixStringPart[] =>
    parts.map((part) => (typeof part === "string" ? part : typeof part === "number" || typeof part === "boolean" ? String(part) : lower(part)));

  const rawText = (parts: readonly (string | NixValue)[]): NixExpr => {
    const text = parts.map((part) => (typeof part === "string" ? part : printNixTerm(lower(part)))).join("");
    // Hand-written Nix may use any module argument; naming an unused one costs nothing.
    for (const [name] of text.matchAll(RAW_ARGUMENT)) use(name as ModuleArgument);
    return raw(text);
  };

  const expression = (value: NixExpression): NixExpr => {
    switch (value.kind) {
      case "raw":
        return rawText(value.parts);
      case "string":
        return str(...stringParts(value.parts));
      case "override": {
        const name = overrideName(value.priority);
        return name
          ? libCall(name, lower(value.value))
          : libCall("mkOverride", lower(value.priority), lower(value.value));
      }
      case "order": {
        const name = orderName(value.priority);
        return name
          ? libCall(name, lower(value.value))
          : libCall("mkOrder", lower(value.priority), lower(value.value));
      }
      case "if":
        return libCall("mkIf", lower(value.condition), lower(value.value));
      case "merge":
        return libCall("mkMerge", list(value.values.map(lower)));
      case "package":
        return select(packageSet(value.set), ...value.attrPath);
      case "path":
        return path(value.path);
      case "secret":
      case "secretPath":
        return secretPath(value.name);
      case "host": {
        const address = scope.hostAddress(value.host);
        if (!value.url) return str(address);
        return str(`${value.url.scheme}://${bracketed(address)}:${value.url.port}`);
      }
      default: {
        const unreachable: never = value;
        throw new Error(`unknown typeflake expression ${JSON.stringify(unreachable)}`);
      }
    }
  };

  const lower = (value: NixValue): NixExpr => {
    if (value === null) return nul;
    switch (typeof value) {
      case "string":
        return str(value);
      case "number":
        return Number.isInteger(value) ? int(value) : float(value);
      case "boolean":
        return bool(value);
      default:
        if (isNixExpression(value)) return expression(value);
        if (Array.isArray(value)) return list((value as readonly NixValue[]).map(lower));
        return attrs(
          Object.entries(value as { readonly [name: string]: NixValue }).map(([name, item]) =>
            assign(name, lower(item)),
          ),
        );
    }
  };

  return { lower, used };
};
