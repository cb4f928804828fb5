/**
 * The fleet's state folder, `.typeflake` (the manifest of generated files, the option index, the
 * lock, a cut-off write's journal), must be a folder. Something else of that name made every
 * command fail on whichever of those it touched first, in its words (a damaged option index to
 * sync again, a lock that could not be taken); it is said once, before any command runs.
 */
import { join } from "node:path";
import { pathProblem } from "../load/path-problem.ts";
import type { PathProblem } from "../diagnostics/codes/load.ts";
import { STATE_DIRECTORY } from "./paths.ts";

/** What stands at the state folder's place, as a sentence continues after its name. */
const standing = (problem: PathProblem): string => {
  switch (problem.kind) {
    case "file":
      return "is a file";
    case "folder":
      return "is a folder";
    case "special":
      return `is ${problem.what}`;
    case "dangling-link":
      return `is a symbolic link to ${JSON.stringify(problem.target)}, which does not exist`;
    case "link-loop":
      return "is a symbolic link that leads back to itself";
    case "unreadable":
      return `cannot be listed (${problem.code})`;
    default:
      return problem satisfies never;
  }
};

/**
 * Why the fleet at `root` cannot keep its state in `.typeflake`, as a message; undefined when it
 * can, or when there is none yet (the first `generate` makes it).
 */
export const stateFolderProblem = (root: string): string | undefined => {
  const problem = pathProblem(join(root, STATE_DIRECTORY), "folder");
  return (
    problem &&
    `${STATE_DIRECTORY} in ${root} ${standing(problem)}, where typeflake keeps the fleet's state (the manifest of generated files, ` +
      `the option index, the lock); ${problem.kind === "unreadable" ? "give the user running typeflake permission to use it (chmod u+rwx)" : "move it away, and typeflake makes the folder again"}`
  );
};
