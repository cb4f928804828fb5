/**
 * The fleet's state folder, `.typeflake` (the manifest of generated files, the option index, the
 * lock, a cut-off write's journal), must be a folder. Something else of that name made every
 * command fail on whichever of those it touched first, in its words (a damaged option index to
 * sync again, a lock that could not be taken); it is said once, before any command runs.
 */
import { join } from "node:path";
import { pathProblem } from "../load/path-problem.ts";
import { whatStands } from "../diagnostics/messages/load.ts";
import { STATE_DIRECTORY } from "./paths.ts";

/**
 * Why the fleet at `root` cannot keep its state in `.typeflake`, as a message; undefined when it
 * can, or when there is none yet (the first `generate` makes it).
 */
export const stateFolderProblem = (root: string): string | undefined => {
  const problem = pathProblem(join(root, STATE_DIRECTORY), "folder");
  return (
    problem &&
    `${STATE_DIRECTORY} in ${root} ${whatStands("folder", problem)}, where typeflake keeps the fleet's state (the manifest of generated files, ` +
      `the option index, the lock); ${problem.kind === "unreadable" ? "give the user running typeflake permission to use it (chmod u+rwx)" : "move it away, and typeflake makes the folder again"}`
  );
};
