/**
 * Plan paths are untrusted in one sense: they are built from user-chosen names (host folders,
 * module names). Every path typeflake writes or deletes, whether from the plan or from a manifest a
 * person could have edited, passes `pathProblem` first, so nothing lands outside the fleet root.
 */

/** Where typeflake keeps its own bookkeeping; no generated file may be planned inside it. */
export const STATE_DIRECTORY = ".typeflake";

/**
 * Why `path` is not a safe relative path inside the root, or `undefined` when it is. Safe means:
 * `/`-separated, relative, no empty, `.` or `..` segments, no NUL, not inside `.typeflake/`.
 */
export function pathProblem(path: string): string | undefined {
  if (path === "") return "it is empty";
  if (path.includes("\0")) return "it contains a NUL character";
  if (path.includes("\\")) return "it contains `\\`; plan paths use `/` separators";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "it is absolute; plan paths are relative to the fleet root";
  const segments = path.split("/");
  if (segments.some((segment) => segment === "")) return "it has an empty segment (`//` or a trailing `/`)";
  if (segments.some((segment) => segment === "." || segment === "..")) return "it contains a `.` or `..` segment";
  if (segments[0] === STATE_DIRECTORY) return `it is inside \`${STATE_DIRECTORY}/\`, which typeflake reserves for itself`;
  return undefined;
}

/**
 * Order paths by UTF-16 code units: the same on every machine, unlike `localeCompare`, whose
 * result depends on the locale and would make output differ between machines.
 */
export const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The directories above `path`, outermost first: `a/b/c.nix` → `["a", "a/b"]`. */
export function ancestorDirectories(path: string): string[] {
  const segments = path.split("/").slice(0, -1);
  return segments.map((_, index) => segments.slice(0, index + 1).join("/"));
}
