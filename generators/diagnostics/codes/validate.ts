/** Fields of the diagnostics of the checks over a whole fleet (`generators/validate/`). */
import type { ObjectPathSegment, SourceOrigin } from "../diagnostic.ts";

/** Text Nix cannot hold, at `index` (UTF-16 code units). */
export type TextProblem =
  | { readonly code: "nul-character"; readonly index: number }
  /** `unit`: the surrogate's code unit in hex, e.g. `D83D`. */
  | { readonly code: "lone-surrogate"; readonly index: number; readonly unit: string };

/** Where the text is: a value, or the attribute name `key`. */
type TextFields<Code> = Omit<Extract<TextProblem, { code: Code }>, "code"> & { readonly key?: string };

/** Code → fields. */
export interface ValidateFields {
  readonly "nul-character": TextFields<"nul-character">;
  readonly "lone-surrogate": TextFields<"lone-surrogate">;
  /** An integer outside Nix's signed 64 bits; the numbers as decimal text (they exceed JSON's). */
  readonly "integer-out-of-range": { readonly value: string; readonly min: string; readonly max: string };
  /** NaN or an infinity; `inExpression` when it is an `mkOverride`/`mkOrder` priority or inside one. */
  readonly "non-finite-number": { readonly value: string; readonly inExpression: boolean };
  /** An object inside itself: `sameAs` is the path of the object it repeats (empty: the whole definition). */
  readonly "cyclic-value": { readonly sameAs: readonly ObjectPathSegment[] };
  /** A value nested deeper than `limit` levels. */
  readonly "too-deep": { readonly limit: number };
  /** Two services of `host` claiming one port: `service` claims what `takenBy` (at `takenAt`) already does. */
  readonly "port-conflict": {
    readonly host: string;
    readonly service: string;
    readonly protocol: "tcp" | "udp";
    readonly port: number;
    readonly takenBy: string;
    readonly takenAt: SourceOrigin;
  };
  /** A file failed, so the checks that need it (cross-host, ports, options, assertions) did not run. */
  readonly "checks-skipped": {
    /** The file whose errors stopped them, relative to the fleet root. */
    readonly file: string;
  };
}
