/**
 * Words of the NixOS option checks' diagnostics (`codes/options.ts`), worded like nixpkgs'
 * `lib/modules.nix` ("The option `services.opensshh' does not exist. Did you mean
 * `services.openssh'?") but without a file name: the diagnostic's origin carries the TypeScript
 * location.
 */
import type { ConflictReason, DefinitionHosts, MisplacedWrapper, OptionFields, OptionPath, TypeHint } from "../codes/options.ts";
import { showValuePath } from "../../options/option-path.ts";
import { showPattern } from "../../options/value-checks.ts";
import type { Renderers } from "./renderer.ts";
import { joinAlternatives, joinSome } from "./words.ts";

const quote = (path: OptionPath): string => `\`${showValuePath(path)}'`;

const hintText = (hint: TypeHint): string => {
  switch (hint.kind) {
    case "secret-path":
      return `Use secret(${JSON.stringify(hint.secret)}).path for the decrypted file's path.`;
    case "raw-nix":
      return "Only Nix can write this value: use raw Nix, nix`…`.";
    case "package":
      return `Write pkg(${JSON.stringify(hint.name)}) for a package.`;
    case "relative-path":
      return `Paths are absolute; a file beside the generated Nix is written nixPath(${JSON.stringify(hint.path)}).`;
    case "whole-float":
      return `A whole number is written as a Nix integer, and this option takes a float: write nix\`${hint.text}\`.`;
    case "unquote":
      return `Write ${hint.text} without quotes.`;
    default:
      return hint satisfies never;
  }
};

const renamed = (from: string, to: OptionPath | null, removedAs: OptionPath | undefined, verb: string): string => {
  if (to) return `The option ${from} ${verb} ${quote(to)}. Write ${quote(to)} instead.`;
  if (removedAs) return `The option ${from} ${verb} ${quote(removedAs)}, which has since been removed.`;
  return `The option ${from} no longer exists.`;
};

const VERBS = { renamed: "has been renamed to", merged: "has been merged into", changed: "has been replaced by" } as const;

/** The first sentence of a conflict, by its reason; the other definitions are shown as related places. */
const CONFLICTS: Readonly<Record<ConflictReason, (option: string, type: string, values: readonly string[], where: string) => string>> = {
  "different-values": (option, type, values, where) =>
    `The option ${option} (\`${type}') has conflicting definition values ${where}: ${values.join(", ")}.`,
  unique: (option, type, _values, where) =>
    `The option ${option} is defined ${where === IN_FILES ? "in several files" : where} while it is expected to be unique: a \`${type}' takes one definition, even two equal ones.`,
  "null-and-not-null": (option, _type, values, where) => `The option ${option} is defined both null and not null ${where}: ${values.join(", ")}.`,
  "different-types": (option, type, values, where) =>
    `The option ${option} (\`${type}') has definitions of different Nix types ${where}: ${values.join(", ")}.`,
};

const IN_FILES = "in different files";

const definition = (path: OptionPath): string => `A definition for option ${quote(path)}`;

const hostList = (hosts: readonly string[]): string => `host${hosts.length > 1 ? "s" : ""} ${joinSome(hosts)}`;

/** Why a module's definition is checked although it loses on some hosts: it applies on others. */
const onHosts = (hosts: DefinitionHosts | undefined): string =>
  hosts
    ? ` A definition of higher priority replaces it on ${hostList(hosts.losesOn)}, but it applies on ${hostList(hosts.appliesOn)}, where NixOS checks it.`
    : "";

/** The message of a misplaced wrapper, by the reason NixOS refuses it. */
const MISPLACED: Readonly<Record<MisplacedWrapper, (path: OptionPath, got: string, inside: string | undefined) => string>> = {
  "order-on-options": (path, got) =>
    `${quote(path)} is a set of options, and NixOS pushes mkIf, mkMerge and mkOverride down to the options inside it, ` +
    `but not ${got}: put the mkBefore(…)/mkAfter(…) around the value of one option inside, such as a list.`,
  "order-on-submodule": (path, got) =>
    `${definition(path)} is a submodule value inside ${got}: NixOS takes the order off but leaves its priority on the ` +
    "definition, which a submodule's merge refuses. Put the order around the whole list instead (mkBefore([ … ])), or leave it out.",
  "systemd-item": (path, got) =>
    `${definition(path)} is ${got}, an item of a systemd unit setting: NixOS joins these lists without taking their items' ` +
    "wrappers off, so the unit file would get an attribute set and the build fails. Wrap the whole list instead: mkIf(cond, [ … ]).",
  "left-on": (path, got, inside) =>
    `${definition(path)} has ${got} inside ${inside}: NixOS takes a definition's mkMerge and mkIf off first, then one mkOverride ` +
    "(mkForce, mkDefault), then one mkOrder (mkBefore, mkAfter), so it leaves this one on and the option's type sees an attribute set. " +
    "Write the wrappers in that order, outermost first: mkIf(cond, mkForce(mkBefore(value))).",
};

/** One renderer per option code. */
export const optionMessages: Renderers<OptionFields> = {
  "unknown-option": ({ path, suggestions, optionCount, sources, dotted }) =>
    suggestions.length > 0
      ? `The option ${quote(path)} does not exist. Did you mean ${joinAlternatives(suggestions.map(quote))}?` +
        (dotted ? " A quoted key with dots is one attribute name in Nix, not a path: write each part as a nested key." : "")
      : `The option ${quote(path)} does not exist. typeflake knows ${optionCount} options (from ${sources.join(", ")}); ` +
        "if your nixpkgs or one of your modules declares this option, write the fleet's own schema with `typeflake options sync` " +
        "(it asks nix for the options of the flake's hosts; again after `nix flake update` or a new module), " +
        "or import an options.json with `typeflake options import <options.json>` (docs/options.md).",
  "aliased-option": ({ from, to }) =>
    to ? `The option ${quote(from)} is an alias of ${quote(to)}; write ${quote(to)} instead.` : `The option ${quote(from)} is an alias.`,
  "renamed-option": ({ from, how, to, removedAs }) =>
    `${renamed(quote(from), to, removedAs, VERBS[how])}${how === "changed" && to ? " Its value has a different form there." : ""}`,
  "removed-option": ({ from, advice, settings }) => {
    if (advice) return `The option ${quote(from)} has been removed: ${advice}`;
    if (settings) {
      return (
        `The option ${quote(from)} has been removed; use ${quote(settings)} instead ` +
        "(NixOS replaced free-form configuration text with structured settings)."
      );
    }
    return `The option ${quote(from)} has been removed, and no option replaces it.`;
  },
  "option-type-mismatch": ({ path, type, got, hint, hosts }) => {
    if (type === null) {
      const subject = path.length ? `${quote(path)} is a set of options, so its definition` : "A nixos block";
      return `${subject} must be an attribute set: got ${got}.`;
    }
    const message = `${definition(path)} is not of type \`${type}': got ${got}.${onHosts(hosts)}`;
    return hint ? `${message} ${hintText(hint)}` : message;
  },
  "read-only-option": ({ path }) =>
    `The option ${quote(path)} is read-only: NixOS computes its value, so a definition here would conflict. Remove it.`,
  "option-not-in-enum": ({ path, values, got, suggestions, hosts }) =>
    `${definition(path)} is not one of ${values.join(", ")}: got ${got}.${onHosts(hosts)}` +
    (suggestions.length ? ` Did you mean ${joinAlternatives(suggestions.map((item) => JSON.stringify(item)))}?` : ""),
  "option-out-of-range": ({ path, value, min, max, hosts }) => {
    const range =
      min !== undefined && max !== undefined
        ? `between ${min} and ${max} (both inclusive)`
        : min !== undefined
          ? `at least ${min}`
          : `at most ${max}`;
    return `${definition(path)} is out of range: ${value} is not ${range}.${onHosts(hosts)}`;
  },
  "option-check-failed": (data) =>
    ("pattern" in data
      ? `${definition(data.path)} does not match the pattern \`${showPattern(data.pattern)}': got ${data.got}.`
      : `${definition(data.path)} ${data.rule}: got ${data.got}.`) + onHosts(data.hosts),
  "conflicting-option-definitions": ({ path, type, reason, values, item }) =>
    item
      ? `${CONFLICTS[reason](quote(path), type, values, "in one list item's mkMerge(…)")} NixOS merges each list item as a ` +
        "definition of its own and refuses this at evaluation: keep one definition in the item, or wrap the one that should win in mkForce(…)."
      : `${CONFLICTS[reason](quote(path), type, values, IN_FILES)} NixOS refuses this at evaluation: define it in one file only, ` +
        "or wrap the definition that should win in mkForce(…) (or the others in mkDefault(…)).",
  "option-wrapper-misplaced": ({ path, reason, got, inside }) => MISPLACED[reason](path, got, inside),
  "damaged-option-index": ({ problem }) =>
    `the fleet's option index ${problem}; run \`typeflake options sync\` (or \`typeflake options import <options.json>\`) to write it again`,
};
