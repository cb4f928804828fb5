/**
 * The `inputs` set of flake.nix: `nixpkgs.url = "…";`, or a set with `url`, `flake = false`
 * and `inputs.<x>.follows`, each input's comment above it.
 */
import type { FleetConfig } from "../../dsl/fleet.ts";
import type { NixBinding } from "../nix/ast.ts";
import { assign, attrs, bool, commented, str } from "../nix/build.ts";

export const inputBindings = (config: FleetConfig): NixBinding[] =>
  Object.entries(config.inputs).map(([name, input]) => {
    const fields: NixBinding[] = [
      assign("url", str(input.url)),
      ...(input.flake ? [] : [assign("flake", bool(false))]),
      ...Object.entries(input.follows).map(([inner, target]) => assign(["inputs", inner, "follows"], str(target))),
    ];
    const binding = fields.length === 1 ? assign([name, "url"], str(input.url)) : assign(name, attrs(fields));
    return input.comment ? commented(input.comment.split("\n"), binding) : binding;
  });
