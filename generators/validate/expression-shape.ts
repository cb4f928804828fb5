/**
 * The fields of a typeflake expression that its helper's parameters fill: `mkMerge`'s list,
 * `secret`'s and `host`'s name, `nixPath`'s path, `mkOverride`'s priority, `mkIf`'s condition (a
 * Boolean, or raw Nix that evaluates to one) and the port and scheme of `host(…).port(…)` (a URL
 * to port 65536 is none, and the firewall check would have asked to open that port). TypeScript
 * keeps most of them right; a cast (`mkMerge(x as never)`) or plain JavaScript gets them wrong,
 * and then every later stage that reads them would throw instead of reporting.
 */
import { isNixExpression, type NixExpression } from "../../dsl/expressions.ts";
import type { Mismatch } from "../diagnostics/codes/schema.ts";
import { describeValue } from "../diagnostics/describe-value.ts";

/** What each kind's parameter field must be, and the helper call that makes it right. */
const PARAMETER_FIELDS: Readonly<Record<NixExpression["kind"], { field: string; type: "array" | "string" | "number"; call: string } | undefined>> = {
  raw: { field: "parts", type: "array", call: "nix`…`" },
  string: { field: "parts", type: "array", call: "nixString`…`" },
  merge: { field: "values", type: "array", call: 'mkMerge([…]) of a list, such as mkMerge([{ a: 1 }, { b: 2 }])' },
  // NixOS compares priorities with `<` and `min`, so a float such as 1.5 is a priority too.
  override: { field: "priority", type: "number", call: "mkOverride(priority, …) of a number such as 50 (mkForce) or 1000 (mkDefault), the lower winning" },
  order: { field: "priority", type: "number", call: "an order of a number such as 500 (mkBefore) or 1500 (mkAfter)" },
  if: undefined,
  package: { field: "attrPath", type: "array", call: 'pkg("…") of a string' },
  path: { field: "path", type: "string", call: 'nixPath("…") of a string, such as nixPath("./nginx.conf")' },
  secret: { field: "name", type: "string", call: 'secret("…") of a string, such as secret("wireguard-key")' },
  secretPath: { field: "name", type: "string", call: 'secret("…") of a string, such as secret("wireguard-key")' },
  host: { field: "host", type: "string", call: 'host("…") of a string, such as host("nas")' },
};

const FROM_A_HELPER = "a value made by one of typeflake's helpers (nix`…`, pkg, secret, host, mkForce, …), whose kind names it";

const CONDITION_CALL = "mkIf(condition, …) of true, false or raw Nix that evaluates to one, such as mkIf(nix`config.services.nginx.enable`, …)";
const PORT_CALL = 'host("…").port(port) of a port number (an integer from 1 to 65535), such as host("nas").port(3000)';
const SCHEME_CALL = 'host("…").port(port, scheme) of a URL scheme: a letter then letters, digits, + . or -, such as "https"';

/** Why a `host(…).port(…)` URL's port or scheme is not one a URL can hold, or undefined. */
const malformedUrl = (url: { readonly port: unknown; readonly scheme: unknown } | null): Mismatch | undefined => {
  if (url === null || typeof url !== "object") return { expected: [{ kind: "form", expected: PORT_CALL }], got: describeValue(url) };
  if (!Number.isInteger(url.port) || (url.port as number) < 1 || (url.port as number) > 65535)
    return { expected: [{ kind: "form", expected: PORT_CALL }], got: describeValue(url.port) };
  if (typeof url.scheme !== "string" || !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(url.scheme))
    return { expected: [{ kind: "form", expected: SCHEME_CALL }], got: describeValue(url.scheme) };
  return undefined;
};

/** Why `expression`'s parameter field is not what its helper takes, or undefined when it is. */
export const malformedExpression = (expression: NixExpression): Mismatch | undefined => {
  // The brand is a registered symbol: an object can carry it with a kind no helper makes.
  if (!Object.hasOwn(PARAMETER_FIELDS, expression.kind)) return { expected: [{ kind: "form", expected: FROM_A_HELPER }], got: describeValue(expression.kind) };
  // `lib.mkIf "yes" x` fails to evaluate: NixOS takes only a Boolean condition.
  if (expression.kind === "if" && typeof expression.condition !== "boolean" && !(isNixExpression(expression.condition) && expression.condition.kind === "raw"))
    return { expected: [{ kind: "form", expected: CONDITION_CALL }], got: describeValue(expression.condition) };
  if (expression.kind === "host" && expression.url !== undefined) {
    const url = malformedUrl(expression.url);
    if (url) return url;
  }
  const shape = PARAMETER_FIELDS[expression.kind];
  if (shape === undefined) return undefined;
  const value: unknown = (expression as unknown as Record<string, unknown>)[shape.field];
  const fits = shape.type === "array" ? Array.isArray(value) : typeof value === shape.type;
  return fits ? undefined : { expected: [{ kind: "form", expected: shape.call }], got: describeValue(value) };
};
