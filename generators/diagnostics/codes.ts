/**
 * Every diagnostic code typeflake emits and the fields each carries, one interface per subsystem
 * (`codes/`). A code may appear in one of them only; its words live in `messages/`, and the
 * renderer table there must cover every code listed here.
 */
import type { AssertionFields } from "./codes/assertions.ts";
import type { CrossHostFields } from "./codes/cross-host.ts";
import type { LoadFields } from "./codes/load.ts";
import type { LowerFields } from "./codes/lower.ts";
import type { OptionFields } from "./codes/options.ts";
import type { ReferenceFields } from "./codes/references.ts";
import type { SchemaFields } from "./codes/schema.ts";
import type { ValidateFields } from "./codes/validate.ts";

/** Code → the typed facts a diagnostic with that code carries in `data`. */
export interface DiagnosticFields
  extends SchemaFields, OptionFields, AssertionFields, ReferenceFields, CrossHostFields, LoadFields, LowerFields, ValidateFields {}
