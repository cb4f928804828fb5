/**
 * `overlays/default.nix`: every overlay of `overlays/*.ts` merged into one `final: prev: { … }`,
 * packages in file order, each overlay's description as a comment above its first package.
 */
import type { NixBinding } from "../nix/ast.ts";
import { apply, assign, attrs, commented, lambda, select, str } from "../nix/build.ts";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { valueLowerer } from "../lower/value.ts";
import type { FleetIndex } from "../model/fleet-index.ts";
import type { GeneratedNix } from "./generated-nix.ts";
import { fleetScope } from "./scope.ts";

/** The overlay file, or undefined when the fleet declares no overlay. */
export const overlayFile = (index: FleetIndex): GeneratedNix | undefined => {
  const { fleet } = index;
  if (fleet.overlays.length === 0) return undefined;
  const values = valueLowerer(fleetScope(index, "prev"));
  const firstDefinedIn = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];

  const bindings = fleet.overlays.flatMap((overlay) =>
    Object.entries(overlay.config.packages).flatMap(([name, definition], index): NixBinding[] => {
      const origin = { file: overlay.file, objectPath: ["packages", name] };
      const earlier = firstDefinedIn.get(name);
      if (earlier !== undefined) {
        diagnostics.push(
          error("duplicate-overlay-package", origin, { package: name, firstFile: earlier }, [{ file: earlier, objectPath: ["packages", name] }]),
        );
        return [];
      }
      firstDefinedIn.set(name, overlay.file);
      const value =
        "shellScript" in definition
          ? apply(select("prev", "writeShellScriptBin"), str(name), values.lower(definition.shellScript))
          : values.lower(definition);
      const binding = assign(name, value);
      const description = overlay.config.description;
      return [index === 0 && description ? commented(description.split("\n"), binding) : binding];
    }),
  );

  return {
    path: "overlays/default.nix",
    source: fleet.overlays.map((overlay) => overlay.file).join(", "),
    comments: [],
    expr: lambda("final", lambda("prev", attrs(bindings))),
    diagnostics,
  };
};
