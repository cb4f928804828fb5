/**
 * `init` in a folder that is already an npm package (`npm init -y`, or a repository with its own
 * package.json): the scaffold's package.json merged into it, the way `npm pkg set` would. What
 * the fleet needs is added — `"type": "module"` (fleet files are ES modules: TypeScript's
 * `NodeNext` checks them as CommonJS otherwise, and they cannot import typeflake), the scripts,
 * typeflake and the type-checking tools — and nothing of the user's is removed or changed, except
 * a `"type"` of `"commonjs"` (what `npm init -y` writes), which is said.
 */

/** What a merge of a scaffold's file into the user's gives: the text, what it added and what it left differing, or why it cannot be done. */
export type MergeResult =
  | {
      readonly ok: true;
      /** The merged text; the user's own, byte for byte, when nothing was added. */
      readonly text: string;
      /** What the merge added or changed, e.g. `scripts.generate`; none means the file is left as it was. */
      readonly changes: readonly string[];
      /** What the user's file keeps that differs from the scaffold's, e.g. `your scripts.check kept (…)`. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly problem: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The indentation of a JSON text's first indented line (npm writes two spaces), for writing it back alike. */
const indentOf = (text: string): string => /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";

/**
 * `scaffold` (the package.json init would write) merged into `existing` (the folder's): scripts
 * and dependencies it lacks are added, those it has kept as they are (a script of the same name
 * that does something else is reported), and a dependency already among devDependencies, or the
 * other way round, is left there.
 */
export const mergePackageJson = (existing: string, scaffold: string): MergeResult => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(existing);
  } catch (thrown) {
    return { ok: false, problem: `package.json is not valid JSON (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
  if (!isObject(parsed)) return { ok: false, problem: "package.json does not hold a JSON object" };
  const wanted = JSON.parse(scaffold) as Json;
  const merged: Json = { ...parsed };
  const changes: string[] = [];
  const notes: string[] = [];
  if (merged["type"] !== "module") {
    if (merged["type"] !== undefined && merged["type"] !== "commonjs") return { ok: false, problem: `package.json's "type" is ${JSON.stringify(merged["type"])}, neither "module" nor "commonjs"` };
    changes.push(merged["type"] === undefined ? `"type": "module"` : `"type": "module" instead of "commonjs"`);
    merged["type"] = "module";
  }
  for (const field of ["scripts", "dependencies", "devDependencies"]) {
    if (merged[field] !== undefined && !isObject(merged[field])) return { ok: false, problem: `package.json's "${field}" is not an object` };
  }
  const has = (field: string, name: string) => isObject(merged[field]) && (merged[field] as Json)[name] !== undefined;
  const add = (field: string, name: string, value: unknown) => {
    merged[field] = { ...(merged[field] as Json | undefined), [name]: value };
  };
  for (const [name, command] of Object.entries(wanted["scripts"] as Json)) {
    if (!has("scripts", name)) {
      add("scripts", name, command);
      changes.push(`scripts.${name}`);
    } else if ((merged["scripts"] as Json)[name] !== command) {
      notes.push(`your scripts.${name} kept (typeflake's would run \`${String(command)}\`)`);
    }
  }
  for (const field of ["dependencies", "devDependencies"]) {
    for (const [name, range] of Object.entries(wanted[field] as Json)) {
      if (has("dependencies", name) || has("devDependencies", name)) continue;
      add(field, name, range);
      changes.push(`${field}.${name}`);
    }
  }
  // Rewriting a file that gains nothing would only reformat it (arrays npm-style, one item a line).
  const text = changes.length === 0 ? existing : `${JSON.stringify(merged, null, indentOf(existing))}\n`;
  return { ok: true, text, changes, notes };
};
