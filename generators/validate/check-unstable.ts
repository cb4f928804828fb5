/**
 * The second package set (`unstable`) exists only when the fleet declares it: an overlay that
 * reads `prev.unstable.*` / `final.unstable.*` (or uses `unstablePkg`), or raw Nix in a host or
 * module that takes the `unstable` argument, fails to evaluate without it. `unstablePkg` in hosts
 * and modules is a reference, checked with the others (check-references.ts).
 */
import type { NixExpression } from "../../dsl/expressions.ts";
import type { UnstableUse } from "../diagnostics/codes/references.ts";
import { error, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { FleetCheck, FleetDraft } from "./draft.ts";
import type { Entry } from "../model/fleet.ts";
import { writtenOf } from "../model/written-expressions.ts";

/** `prev.unstable`, `final.unstable`, `pkgs.unstable` as written in an overlay. */
const OVERLAY_USE = /(?<![\w'.-])(prev|final|pkgs)\.unstable(?![\w'-])/;
/** The `unstable` module argument (not an attribute after a dot), as raw Nix in a module uses it. */
const MODULE_USE = /(?<![\w'.-])unstable(?![\w'-])|(?<![\w'.-])pkgs\.unstable(?![\w'-])/;

/** The text of a raw fragment (its interpolated values are checked on their own). */
const rawText = (expression: NixExpression): string =>
  expression.kind === "raw" ? expression.parts.filter((part): part is string => typeof part === "string").join(" ") : "";

/** Each raw fragment or `unstablePkg` in `entry` that needs `unstable`, where it was written. */
const uses = (draft: FleetDraft, entry: Entry<unknown>, pattern: RegExp, packages: boolean): { origin: SourceOrigin; use: UnstableUse }[] =>
  writtenOf(draft.written, entry).flatMap(({ expression, path }): { origin: SourceOrigin; use: UnstableUse }[] => {
    const origin = { file: entry.file, objectPath: path };
    if (packages && expression.kind === "package" && expression.set === "unstable")
      return [{ origin, use: { package: expression.attrPath.join(".") } }];
    const match = pattern.exec(rawText(expression));
    return match ? [{ origin, use: { rawNix: match[0] } }] : [];
  });

/** Overlays and raw Nix that use `unstable` in a fleet without a second nixpkgs. */
export const checkUnstable: FleetCheck = (draft) => {
  if (!draft.config || draft.config.unstable) return [];
  const overlays = draft.overlays.flatMap((overlay) =>
    uses(draft, overlay, OVERLAY_USE, true).map(({ origin, use }) => error("unstable-not-configured", origin, { in: "overlay", use })),
  );
  const modules = [...draft.hosts, ...draft.modules].flatMap((entry): Diagnostic[] =>
    uses(draft, entry, MODULE_USE, false).map(({ origin, use }) => error("unstable-not-configured", origin, { in: "module", use })),
  );
  return [...overlays, ...modules];
};
