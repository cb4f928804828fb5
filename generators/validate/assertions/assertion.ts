/**
 * A mirrored NixOS (or module) assertion: a check of one host's merged options that fails where
 * NixOS would fail the build, reported at the TypeScript that caused it with NixOS's own words
 * and what to write instead. `docs/assertions.md` lists each with the assertion it mirrors.
 */
import { error, type Diagnostic, type SourceOrigin } from "../../diagnostics/diagnostic.ts";
import type { AssertionFields } from "../../diagnostics/codes/assertions.ts";
import type { FleetIndex } from "../../model/fleet-index.ts";
import type { HostOptions } from "./host-options.ts";

/** Every problem NixOS would refuse in one host's options. */
export type HostAssertion = (options: HostOptions, index: FleetIndex) => readonly Diagnostic[];

/**
 * The diagnostic of a failed assertion: `problem` says what is wrong in the user's terms,
 * `nixos` quotes the message NixOS (or the module) would fail with, `fix` what would be valid.
 */
export const refused = (
  code: keyof AssertionFields | "invalid-host-id",
  origin: SourceOrigin,
  problem: string,
  nixos: string,
  fix: string,
  related?: readonly SourceOrigin[],
): Diagnostic => error(code, origin, { problem, nixos, fix }, related);

/** `host "nas"`, for messages. */
export const hostLabel = (options: HostOptions): string => `host ${JSON.stringify(options.host.name)}`;
