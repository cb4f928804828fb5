/**
 * Custom type descriptions that NixOS modules give their own types (`types.str // { description
 * = "…"; }`), each with the type the module builds behind it. Free text cannot be parsed by the
 * grammar, so each wording that occurs in the shipped data is listed here with its meaning, read
 * from the module's source in nixpkgs (named in each entry). A wording a newer nixpkgs adds falls
 * back to "any Nix value" and fails the parser's test over the shipped data.
 */
import type { OptionType } from "./option-type.ts";
import { customPhrase, type TypePhrase } from "./phrase.ts";

const string: OptionType = { kind: "string" };
const int: OptionType = { kind: "int" };
const bool: OptionType = { kind: "bool" };
const float: OptionType = { kind: "float" };
const either = (...of: OptionType[]): OptionType => ({ kind: "either", of });
const listOf = (of: OptionType): OptionType => ({ kind: "list", of });
const attrsOf = (of: OptionType): OptionType => ({ kind: "attrs", of });

/** mosquitto.nix: `strMatching "[^\r\n]*"`, since mosquitto.conf has no escaping. */
const mosquittoLine: OptionType = { kind: "string", pattern: "[^\r\n]*" };

/** unbound.nix: the value of one top-level section of `services.unbound.settings`. */
const unboundPrimitive = either(int, string, bool, float);
const unboundSetting = either(string, attrsOf(either(unboundPrimitive, listOf(unboundPrimitive))));

/** The custom wordings, matched before the generic phrases of `lib.types`. */
export const MODULE_PHRASES: readonly TypePhrase[] = [
  // mosquitto.nix means `strMatching "[^\r\n]*"`, but other module sets use the same words for a
  // string without `\n` only: the check every meaning shares never refuses what NixOS accepts.
  customPhrase("single-line string", { kind: "string", checks: ["single-line"] }, "noun"),
  // mosquitto.nix: `oneOf [ str path bool int ]` (its single-line `str`).
  customPhrase("string, path, bool, or integer", either(mosquittoLine, { kind: "path" }, bool, int), "conjunction"),
  // sanoid.nix: `attrsOf (nullOr (oneOf [ str int bool (listOf str) ]))`.
  customPhrase(
    "dataset/template options",
    attrsOf(either({ kind: "null" }, string, int, bool, listOf(string))),
    "composite",
  ),
  // sanoid.nix: a `str` whose check is "names a template of services.sanoid.templates", which
  // depends on the rest of the configuration; only NixOS can check it.
  customPhrase("configured template name", string, "noun"),
  // home-assistant.nix: `addCheck package (p: p.isHomeAssistantComponent or false)`.
  customPhrase("package that is a Home Assistant component", { kind: "package" }, "noun"),
  // syncthing.nix: `str` checked with `hasPrefix "/"` or `hasPrefix "~/"`.
  customPhrase("string starting with / or ~/", { kind: "string", checks: ["starting with / or ~/"] }, "noun"),
  // unbound.nix: `attrsOf (oneOf [ settingsType (listOf settingsType) ])`.
  customPhrase(
    [
      "unbound.conf configuration type. The format consist of an attribute",
      "set of settings. Each settings can be either one value, a list of",
      "values or an attribute set. The allowed values are integers,",
      "strings, booleans or floats.",
      "",
    ].join("\n"),
    attrsOf(either(unboundSetting, listOf(unboundSetting))),
    "composite",
  ),
];
