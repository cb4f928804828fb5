/**
 * `defineOverlay` — package customisations in `overlays/<name>.ts`, all merged into the
 * generated `overlays/default.nix` (`final: prev: { … }`) and applied to every host.
 */
import { z } from "zod";
import { textMatching } from "./checks.ts";
import { brandDefinition } from "./definition.ts";
import { isNixExpression, type InterpolatedString } from "./expressions.ts";
import { nixExpression } from "./values.ts";

const scriptText = z.union([
  z.string(),
  z.custom<InterpolatedString>((value) => isNixExpression(value) && value.kind === "string", {
    error: "must be nixString`…`",
  }),
]);

/** A shell script packaged with `writeShellScriptBin`. */
export const shellScriptSchema = z.strictObject({
  /**
   * The script, e.g. nixString`${pkg("curl")}/bin/curl -s http://localhost:9100/metrics`;
   * packages interpolated into it become `${prev.curl}`.
   */
  shellScript: scriptText,
});

/** One overlay entry: a package from a set (`unstablePkg("x")`), raw Nix, or a shell script. */
export const overlayPackageSchema = z.union([nixExpression, shellScriptSchema]);

/** `overlays/<name>.ts`: what `defineOverlay` takes. */
export const overlaySchema = z.strictObject({
  /** What this overlay changes; written as a comment above its packages. */
  description: z.string().optional(),
  /** Packages added or replaced, by attribute name, e.g. `{ "homelab-status": { shellScript: … } }`. */
  packages: z.record(textMatching(/^[A-Za-z_][A-Za-z0-9_'-]*$/, "a package attribute name: a letter or '_' then letters, digits, _ ' -"), overlayPackageSchema),
});

/** What an overlay file writes. */
export type OverlayInput = z.input<typeof overlaySchema>;
/** A validated overlay. */
export type OverlayConfig = z.output<typeof overlaySchema>;

/** Declare an overlay. Default-export the result from `overlays/<name>.ts`. */
export const defineOverlay = (overlay: OverlayInput): OverlayInput => brandDefinition("overlay", overlay);
