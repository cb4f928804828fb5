/**
 * Clear-text passwords and tokens in a raw `nixos` block: whatever is written in a NixOS option
 * ends up in the Nix store, which every local user can read. `users.users.<name>.password`,
 * `initialPassword`, a service's `password`, `token`, `secret_key`, … given as text are errors
 * that name the hashed or file-based alternative. Values built by raw Nix (`nix\`…\``) are left
 * alone: they may read a secret at run time (sops-nix placeholders).
 */
import { isNixExpression } from "../../dsl/expressions.ts";
import { error, formatObjectPath, type Diagnostic, type ObjectPathSegment } from "../diagnostics/diagnostic.ts";
import { definedValues } from "../options/defined-values.ts";

/** Option names that hold a secret in clear when given as text. */
const CLEAR_TEXT_OPTIONS: ReadonlySet<string> = new Set([
  "password",
  "initialPassword",
  "passphrase",
  "admin_password",
  "clusterPassword",
  "masterPassword",
  "requirePass",
  "secret_key",
  "secretKey",
  "client_secret",
  "application_credential_secret",
  "token",
  "bearer_token",
  "auth_token",
  "credentials",
]);

/** Options whose hashed or file-based alternative has its own wording: `users.users.<name>.password`. */
const isText = (value: unknown): boolean =>
  typeof value === "string" || typeof value === "number" || (isNixExpression(value) && value.kind === "string");

function* clearTextIn(value: unknown, optionPath: readonly string[], objectPath: readonly ObjectPathSegment[]): Generator<Diagnostic["origin"]["objectPath"]> {
  for (const defined of definedValues(value)) {
    if (isText(defined) && CLEAR_TEXT_OPTIONS.has(optionPath.at(-1) ?? "")) yield objectPath;
    if (typeof defined !== "object" || defined === null || Array.isArray(defined) || isNixExpression(defined)) continue;
    for (const [key, inner] of Object.entries(defined)) yield* clearTextIn(inner, [...optionPath, key], [...objectPath, key]);
  }
}

/** One error per clear-text secret in the `nixos` block of a host or module definition `value`. */
export const clearTextSecretsIn = (file: string, value: unknown): Diagnostic[] => {
  const nixos = typeof value === "object" && value !== null ? (value as { nixos?: unknown }).nixos : undefined;
  if (typeof nixos !== "object" || nixos === null) return [];
  const seen = new Set<string>();
  return [...clearTextIn(nixos, [], ["nixos"])].flatMap((objectPath) => {
    const key = formatObjectPath(objectPath);
    if (seen.has(key)) return [];
    seen.add(key);
    return [error("clear-text-secret", { file, objectPath }, { option: objectPath.slice(1).map(String) })];
  });
};
