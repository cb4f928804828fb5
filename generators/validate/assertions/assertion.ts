/**
 * A mirrored NixOS (or module) assertion: a check of one host's merged options that fails where
 * NixOS would fail the build, reported at the TypeScript that caused it with NixOS's own words
 * and what to write instead. `docs/assertions.md` lists each with the assertion it mirrors.
 */
import { error, warning, type Diagnostic, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import type { AssertionFields } from "../../diagnostics/codes/assertions.ts";
import type { FleetIndex } from "../../model/fleet-index.ts";
import type { HostOptions } from "./host-options.ts";

/** Every problem NixOS would refuse in one host's options. */
export type HostAssertion = (options: HostOptions, index: FleetIndex) => readonly Diagnostic[];

/** The codes of refusals: the assertions', and the host id of the wrong form. */
type RefusalCode = keyof AssertionFields | "invalid-host-id";

/**
 * The diagnostic of a failed assertion: `problem` says what is wrong in the user's terms,
 * `nixos` quotes the message NixOS (or the module) would fail with, `fix` what would be valid.
 */
export const refused = (
  code: RefusalCode,
  origin: SourceOrigin,
  problem: string,
  nixos: string,
  fix: string,
  related?: readonly SourceOrigin[],
): Diagnostic => error(code, origin, { problem, nixos, fix }, related);

/**
 * How to refuse a check that fails on an option set to a value NixOS refuses (an error, as
 * {@link refused}) or on an option left unset (`unset`). A host that imports hand-written Nix may
 * set an unset option there, unseen by typeflake: then a warning naming those files, and the
 * build decides.
 */
export const refusing =
  (options: HostOptions, unset: boolean): typeof refused =>
  (code, origin, problem, nixos, fix, related) =>
    unset && options.handWritten.length > 0
      ? warning(code, origin, { problem, nixos, fix, unlessSetIn: options.handWritten }, related)
      : refused(code, origin, problem, nixos, fix, related);

/** `host "nas"`, for messages. */
export const hostLabel = (options: HostOptions): string => `host ${JSON.stringify(options.host.name)}`;
