/** Fields of the diagnostics of the checks over a whole fleet (`generators/validate/`). */
import type { ObjectPathSegment, SourceOrigin } from "../origin.ts";

/** Text Nix cannot hold, at `index` (UTF-16 code units). */
export type TextProblem =
  | { readonly code: "nul-character"; readonly index: number }
  /** `unit`: the surrogate's code unit in hex, e.g. `D83D`. */
  | { readonly code: "lone-surrogate"; readonly index: number; readonly unit: string };

/** Where the text is: a value, or the attribute name `key`. */
type TextFields<Code> = Omit<Extract<TextProblem, { code: Code }>, "code"> & { readonly key?: string };

/** Which check found a raw Nix fragment's problem: nix itself, typeflake's own parser, or the printed result. */
export type RawNixChecker = "nix" | "typeflake" | "printed";

/** Code → fields. */
export interface ValidateFields {
  readonly "nul-character": TextFields<"nul-character">;
  readonly "lone-surrogate": TextFields<"lone-surrogate">;
  /** An integer outside Nix's signed 64 bits; the numbers as decimal text (they exceed JSON's). */
  readonly "integer-out-of-range": { readonly value: string; readonly min: string; readonly max: string };
  /**
   * An integer beyond 2^53 − 1 (a warning): JavaScript numbers do not hold every integer there, so
   * the one written may have been rounded to `value` (decimal text) before typeflake saw it.
   */
  readonly "unsafe-integer": { readonly value: string };
  /** NaN or an infinity; `inExpression` when it is an `mkOverride`/`mkOrder` priority or inside one. */
  readonly "non-finite-number": { readonly value: string; readonly inExpression: boolean };
  /** A float Nix cannot read back, nonzero and below `min` (the smallest normal double); both as JavaScript prints them. */
  readonly "subnormal-float": { readonly value: string; readonly min: string };
  /** An array with an empty slot (`[a, , b]`): the first at `index`. */
  readonly "sparse-array": { readonly index: number };
  /** Binary data: a typed array, a Buffer or an ArrayBuffer (`kind`: `a Uint8Array object`). */
  readonly "binary-data": { readonly kind: string };
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
  /** A per-host home that would be generated as the file of the user's shared home. */
  readonly "home-name-clash": { readonly user: string; readonly host: string; readonly generated: string };
  /** `deploy.sshUser` names an account `hosts` do not declare (a warning), with the closest account they have. */
  readonly "deploy-user-missing": { readonly user: string; readonly hosts: readonly string[]; readonly suggestion?: string };
  /** A `time.timeZone` the time zone database does not have (a warning), with the closest zone it has. */
  readonly "unknown-time-zone": { readonly timeZone: string; readonly suggestion?: string };
  /** A per-host home without the shared home it extends. */
  readonly "missing-shared-home": { readonly user: string };
  /** A per-host home for a user the host has no account for (`hostFile`: the host's file). */
  readonly "user-not-on-host": { readonly user: string; readonly host: string; readonly hostFile: string };
  /** A shared home whose user has an account on no host (a warning). */
  readonly "unused-home": { readonly user: string };
  /** `secret(…)` in a home, which a home-manager module cannot refer to. */
  readonly "secret-in-home": { readonly secret: string };
  /** `unstablePkg(…)` in a home, which home-manager modules do not receive. */
  readonly "unstable-in-home": { readonly package: string };
  /** A path that leaves the fleet, written relative to `base` (`""`: the fleet root), by its text or through a link. */
  readonly "path-outside-fleet": { readonly written: string; readonly base: string; readonly via: "path" | "link" };
  /**
   * A path naming `resolved`, a file typeflake generates from `source`, where hand-kept Nix is
   * expected; `itself` when `source` is the file that names it (the generated file would import itself).
   */
  readonly "names-generated-file": { readonly written: string; readonly resolved: string; readonly source: string; readonly itself: boolean };
  /**
   * A file a path names that does not exist (`resolved`: where it was looked for); `folder` when
   * a folder stands at the path Nix imports, and `resolved` is the default.nix Nix reads in its
   * place, which the folder lacks. Default: false.
   */
  readonly "missing-file": { readonly written: string; readonly resolved: string; readonly base: string; readonly suggestion?: string; readonly folder?: boolean };
  /** An encrypted secrets file not created yet (a warning), with the command that creates it and where to run it. */
  readonly "missing-secret-file": { readonly file: string; readonly command: string; readonly folder: string };
  /** An address (or deploy target) already `host`'s (defined in `file`). */
  readonly "duplicate-address": { readonly address: string; readonly of: "address" | "deploy-target"; readonly host: string; readonly file: string };
  /** A secret written in clear text into the option at `option`. */
  readonly "clear-text-secret": { readonly option: readonly string[] };
  /** A package path with a part that is no Nix identifier (`""`: an empty part), e.g. `pkg("a..b")`. */
  readonly "invalid-package": { readonly call: string; readonly package: string; readonly part: string; readonly keyword: boolean };
  /** A `nix\`…\`` fragment that is not one Nix expression: the checker's message and where in the fragment. */
  readonly "raw-nix-syntax": {
    readonly checker: RawNixChecker;
    readonly problem: string;
    readonly line: number;
    readonly column: number;
    /** The fragment's line `line`. */
    readonly sourceLine: string;
  };
  /** A definition whose value threw while it was read (a getter); `reason` is what it threw. */
  readonly "unreadable-value": { readonly reason: string };
  /** Files failed, so the checks that need them (cross-host, ports, options, assertions) did not run: one note for all. */
  readonly "checks-skipped": {
    /** The files that did not load or validate, relative to the fleet root, sorted. */
    readonly files: readonly string[];
  };
}
