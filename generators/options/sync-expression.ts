/**
 * The Nix function `typeflake options sync` applies to the fleet's `nixosConfigurations` (one
 * `nix eval --json --apply`): the option documentation of the chosen hosts, made as nixpkgs
 * makes its manual — `lib.optionAttrSetToDocList` over each configuration's `options`, with the
 * `lib` the configuration was evaluated with (`nixosSystem` returns it) — merged by option name
 * (the first host that declares an option gives its entry).
 *
 * Unlike the manual it keeps the invisible and internal entries: renamed and removed options
 * are invisible ones (see `synced-options.ts`, which sorts them out). A default, example or
 * description that throws when evaluated is left out of its entry instead of failing the sync.
 */
import { escapeDoubleQuoted } from "../nix/escape.ts";

const nixString = (text: string): string => `"${escapeDoubleQuoted(text, "close")}"`;

/**
 * The function's text. `hosts` chooses configurations (all when absent); a name that is not one
 * fails the evaluation with a message listing the hosts there are.
 */
export function syncApplyFunction(hosts?: readonly string[]): string {
  const chosen = hosts === undefined ? "null" : `[ ${hosts.map(nixString).join(" ")} ]`;
  return [
    "configurations: let",
    "  names = builtins.attrNames configurations;",
    `  chosen = ${chosen};`,
    "  hosts = if chosen == null then names else map (host: if configurations ? ${host} then host else",
    '    throw "typeflake: there is no host `${host}\' in nixosConfigurations (hosts: ${builtins.concatStringsSep ", " names})") chosen;',
    "  tried = value: let result = builtins.tryEval (builtins.deepSeq value value); in if result.success then { value = result.value; } else { };",
    "  field = name: entry: if entry ? ${name} then (let found = tried entry.${name}; in if found ? value then { ${name} = found.value; } else { }) else { };",
    "  documented = entry: builtins.removeAttrs entry [ \"default\" \"example\" \"description\" \"relatedPackages\" ]",
    '    // field "description" entry // field "default" entry // field "example" entry;',
    "  docsOf = host: let configuration = configurations.${host}; lib = configuration.lib or configuration.pkgs.lib;",
    "    in map documented (lib.optionAttrSetToDocList configuration.options);",
    "  entries = builtins.concatMap docsOf hosts;",
    "in {",
    "  inherit hosts;",
    "  options = builtins.listToAttrs (map (entry: { name = entry.name; value = entry; }) entries);",
    "}",
  ].join("\n");
}
