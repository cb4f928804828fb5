/**
 * Whole-line `#` comments: above a binding or list item, and the header of a file.
 */
import { commentLines } from "../escape.ts";
import { hardline, join, type Doc } from "./doc.ts";

/** Comment text as `#` lines. */
export function commentDocs(comments: readonly string[]): string[] {
  return comments.flatMap(commentLines);
}

/** Whole-line `#` comments above a binding or list item. */
export function withComments(comments: readonly string[] | undefined, item: Doc): Doc {
  if (comments === undefined || comments.length === 0) return item;
  return [join(hardline, commentDocs(comments)), hardline, item];
}
