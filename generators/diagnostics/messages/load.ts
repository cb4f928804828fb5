/** Words of the loading diagnostics (`codes/load.ts`). */
import type { DefinitionKind } from "../../../dsl/definition.ts";
import type { LoadFailure, LoadFields, PathProblem, ThrownAt } from "../codes/load.ts";
import { CONFIG_FILE, HOME_FILE, HOMES_DIR, HOST_FILE, HOSTS_DIR, MODULES_DIR, OVERLAYS_DIR } from "../../load/layout.ts";
import { SUGGESTED_NIXPKGS_URL } from "../../validate/suggested-inputs.ts";
import type { Renderers } from "./renderer.ts";
import { causedBy, didYouMean } from "./words.ts";

const DEFINE: Readonly<Record<DefinitionKind, string>> = {
  fleet: "defineFleet",
  host: "defineHost",
  module: "defineModule",
  overlay: "defineOverlay",
  home: "defineHome",
};

/** Where each kind of definition is loaded from. */
const LOADED_FROM: Readonly<Record<LoadFields["misplaced-definition"]["defines"], string>> = {
  host: `${HOSTS_DIR}/<name>/${HOST_FILE}`,
  module: `${MODULES_DIR}/<name>.ts`,
  overlay: `${OVERLAYS_DIR}/<name>.ts`,
  home: `${HOMES_DIR}/<user>.ts or ${HOMES_DIR}/<user>/${HOME_FILE}`,
};

const expected = (kind: DefinitionKind): string => `${DEFINE[kind]}({ … })`;

/** esbuild's wording made typeflake's: `No matching export in "x.ts" for import "y"` → `"x.ts" does not export "y"`. */
const importProblem = (text: string): string =>
  text
    .replace(/^No matching export in "([^"]+)" for import "([^"]+)"$/, (_, from: string, name: string) => `${JSON.stringify(from.replace(/^typeflake:/, ""))} does not export ${JSON.stringify(name)}`)
    .replace(/^Could not resolve /, "cannot find ");

const at = (thrownAt: ThrownAt | undefined): string =>
  thrownAt ? ` (thrown at ${thrownAt.file}:${thrownAt.line}:${thrownAt.column})` : "";

/**
 * The words for built-ins fleet code changed for good. Counted loop and `+` only: it is worded
 * while the built-ins it names (`Array.prototype.join` among them, perhaps) are still broken.
 */
export const lostBuiltInsMessage = (names: readonly string[]): string => {
  let listed = "";
  for (let index = 0; index < names.length; index += 1) listed += (index === 0 ? "" : ", ") + names[index];
  return (
    "the fleet's code changed built-ins of JavaScript and made the changes permanent (" + listed + "): typeflake cannot put them back, " +
    "and cannot check or write the fleet with them changed; leave the built-ins as they are, or change them without " +
    "Object.defineProperty's configurable: false and without freezing what was changed"
  );
};

const loadFailure = (failure: LoadFailure): string => {
  switch (failure.kind) {
    case "unresolved":
      return `cannot load this file: ${importProblem(failure.text)}${didYouMean(failure.suggestion)}`;
    case "link":
      return `cannot load this file: ${failure.message}${didYouMean(failure.suggestion)}`;
    case "computed-import":
      return (
        `cannot load this file: an import whose name is computed as the file runs (import(name), require(name)) looked for ${failure.looked} ` +
        "in typeflake's compiled copy of the fleet, not beside the file that wrote it: typeflake compiles fleet files before they run and " +
        "follows only the imports it can read then. Import the file by its name (import … from \"./file.ts\"), or write the name as a template " +
        "literal with its folder written out (import(`./zones/${name}.ts`)), which typeflake expands to every file that matches"
      );
    case "thrown-value":
      return `threw ${failure.value} while loading; what is not an Error carries no line, so typeflake cannot say where: throw new Error("…") instead`;
    case "threw":
      return `threw while loading: ${failure.message === "" ? failure.name : `${failure.name}: ${failure.message}`}${at(failure.thrownAt)}${causedBy(failure.causes)}`;
    case "uncaught":
      return (
        `the fleet's code threw where no file can be named: ${failure.message}; a promise it did not await, or a timer or callback it ` +
        "left running, failed: await the promise, or catch the error"
      );
    case "unsettled":
      return (
        "never finished loading: a top-level await in this file, or in a file it imports, waits for a promise that nothing is left to settle " +
        "(no timer, no I/O, no other code will resolve or reject it); await only promises that settle"
      );
    case "overflow":
      return (
        `cannot be loaded: JavaScript ran out of stack (${failure.message})${at(failure.thrownAt)}; a value nested thousands of levels deep, ` +
        "or a function that calls itself without end, does that. Nix values typeflake writes may be nested at most 100 levels deep"
      );
    case "built-ins":
      return lostBuiltInsMessage(failure.names);
    default:
      return failure satisfies never;
  }
};

/**
 * What stands where typeflake reads a file or lists a folder (`expected`), as a sentence goes on
 * after the path: "is a named pipe (FIFO)", "cannot be listed (EACCES)".
 */
export const whatStands = (expected: "file" | "folder", problem: PathProblem): string => {
  switch (problem.kind) {
    case "folder":
      return "is a folder";
    case "file":
      return "is a file";
    case "special":
      return `is ${problem.what}`;
    case "dangling-link":
      return `is a symbolic link to ${JSON.stringify(problem.target)}, which does not exist`;
    case "link-loop":
      return "is a symbolic link that leads back to itself";
    case "unreadable":
      return `cannot be ${expected === "file" ? "read" : "listed"} (${problem.code})`;
    default:
      return problem satisfies never;
  }
};

/** What was found instead of the file or folder typeflake reads, and how to make it one it can read. */
const pathProblemWords = (expected: "file" | "folder", problem: PathProblem): string => {
  const found = whatStands(expected, problem);
  const replace = `replace it with the ${expected}`;
  switch (problem.kind) {
    case "folder":
      return `${found}, where typeflake reads a file; move the folder away and write the file in its place`;
    case "file":
      return `${found}, where typeflake looks for a folder of definitions; move the file away and make this a folder`;
    case "special":
      return `${found}, not a regular ${expected}; ${replace}`;
    case "dangling-link":
      return `${found}; point the link at an existing ${expected}, or ${replace}`;
    case "link-loop":
      return `${found} (a loop); ${replace}`;
    case "unreadable":
      return (
        `${found}; ` +
        (problem.code === "EACCES" || problem.code === "EPERM"
          ? `give the user running typeflake permission to ${expected === "file" ? "read it (chmod u+r)" : "list it (chmod u+rx)"}`
          : "check the disk, then run again")
      );
    default:
      return problem satisfies never;
  }
};

/** One renderer per loading code. */
export const loadMessages: Renderers<LoadFields> = {
  "missing-config": ({ root }) =>
    `no ${CONFIG_FILE} in ${root}: every fleet starts with one; create it with export default defineFleet({ description: "…", inputs: { nixpkgs: { url: "${SUGGESTED_NIXPKGS_URL}" } } })`,
  "unreadable-path": ({ expected, problem }) => pathProblemWords(expected, problem),
  "case-twin": ({ twin }) =>
    `differs from ${twin} only in letter case: a case-insensitive file system (macOS, Windows) holds only one of the two, and so would ` +
    `the Nix generated from them, and typeflake's loader takes them for one file (this one would be read as ${twin}); rename one of them`,
  "missing-host-file": ({ host }) =>
    `host folder has no ${HOST_FILE}; create ${HOSTS_DIR}/${host}/${HOST_FILE} with export default defineHost({ address: "…" }), or remove the folder`,
  "misplaced-definition": ({ defines, suggested }) =>
    `calls ${DEFINE[defines]}, but typeflake loads ${defines}s from ${LOADED_FROM[defines]} only and no fleet file imports this one, ` +
    `so it is left out of the flake: move it to ${suggested}, import it from a fleet file, or, if it is no ${defines} (a template, an old copy), ` +
    `move it out of ${HOSTS_DIR}/, ${MODULES_DIR}/, ${OVERLAYS_DIR}/ and ${HOMES_DIR}/`,
  "per-host-home-folder": ({ name }) =>
    `a home for one host is a single file: move this file to ${HOMES_DIR}/${name}.ts; Nix path literals cannot contain '@', so hand-kept files it imports belong in ${HOMES_DIR}/${name.split("@")[0]}/`,
  "duplicate-home": ({ name, firstFile }) => `the home ${JSON.stringify(name)} is also defined in ${firstFile}; keep one of the two files`,
  "missing-default-export": ({ kind }) => `has no default export; end it with export default ${expected(kind)}`,
  "wrong-definition": ({ kind, made }) =>
    `the default export is ${made === undefined ? "not made by a define* function" : `made by ${DEFINE[made]}`}; ` +
    `a ${kind === "fleet" ? "fleet configuration" : `${kind} file`} must export default ${expected(kind)}`,
  "load-error": loadFailure,
  "syntax-error": ({ text, file }) => `syntax error: ${text}${file === undefined ? "" : ` (in ${file})`}`,
};
