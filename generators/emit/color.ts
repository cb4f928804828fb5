/**
 * Whether to colour output, following no-color.org (a non-empty `NO_COLOR` always wins) and the
 * `FORCE_COLOR` convention Node itself uses (`0`/`false` turn colour off, any other non-empty
 * value turns it on, even when piped); otherwise colour only a terminal that is not `dumb`.
 */
import picocolors from "picocolors";

/** The environment variables colour depends on. */
export type ColorEnvironment = Readonly<Record<string, string | undefined>>;

/** Decide colour for output going to `stream` (e.g. `process.stdout`) under `env`. */
export function colorEnabled(stream: { readonly isTTY?: boolean }, env: ColorEnvironment): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force) return force !== "0" && force !== "false";
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** Colour functions that are the identity when `enabled` is false. */
export const palette = (enabled: boolean) => picocolors.createColors(enabled);

/** The colour functions reports use. */
export type Palette = ReturnType<typeof palette>;
