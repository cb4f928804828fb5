/**
 * The doc comments of the generated option types: what an editor shows on hover. Each option's
 * comment carries its description (when the option data has one, made readable from the manual's
 * Markdown), the type description nixpkgs prints, the facts TypeScript cannot express (integer
 * ranges, patterns, checks), read-only status, the option's NixOS path and declaring files, then
 * `@default` and `@example` tags (shown apart by editors). Old option names get `@deprecated`.
 */
import { readableMarkdown } from "./markdown-doc.ts";
import { ELEMENT, ITEM, showOptionPath } from "./option-path.ts";
import type { OptionAlias, OptionDeclaration } from "./options-file.ts";
import { type OptionType, typeParts } from "./option-type.ts";
import type { OptionNode } from "./declaration-tree.ts";
import { checkRule, showPattern } from "./value-checks.ts";

/** Doc text of an option field. */
export function optionDoc(option: OptionDeclaration): string {
  const description = option.description === undefined ? undefined : readableMarkdown(option.description);
  const sections = [
    description,
    [`Type: \`${showTypeText(option)}\``, ...typeFacts(option.type)].join("\n"),
    option.readOnly
      ? "Read-only: NixOS computes this option, so a definition would conflict with it. Setting it is a " +
        "compile error here and an error when typeflake generates."
      : undefined,
    [`NixOS option \`${showOptionPath(option.path)}\`.`, declaredIn(option.declaredIn)].filter(Boolean).join(" "),
    tag("default", option.default),
    tag("example", option.example),
  ];
  return escapeComment(sections.filter((section) => section !== undefined && section !== "").join("\n\n"));
}

/**
 * The type description on one line: a module's own prose may run over several lines, which the
 * hover joins; a pattern's line breaks are part of its meaning, so they are escaped instead.
 */
function showTypeText(option: OptionDeclaration): string {
  const hasPattern = [...typeParts(option.type)].some((part) => part.kind === "string" && part.pattern !== undefined);
  return hasPattern ? showPattern(option.typeText) : option.typeText.trim().replace(/\s*\n\s*/g, " ");
}

/** Doc text of a namespace field or interface. */
export function namespaceDoc(node: OptionNode): string {
  if (node.path.length === 0) {
    return "NixOS options, as the `nixos` block of a host or module. Every option also takes raw Nix (`nix`…``) or an `mk*` wrapper (`mkForce`, `mkDefault`, `mkIf`, `mkMerge`, `mkBefore`, `mkAfter`).";
  }
  const path = node.path;
  const last = path[path.length - 1];
  const owner = showOptionPath(path.slice(0, -1));
  if (last === ELEMENT)
    return escapeComment(`Options of each attribute of \`${owner}\` (\`${showOptionPath(path)}\`).`);
  if (last === ITEM) return escapeComment(`Options of each item of \`${owner}\` (\`${showOptionPath(path)}\`).`);
  if (node.option) return escapeComment(`Options of the submodule \`${showOptionPath(path)}\`.`);
  return escapeComment(`Options under \`${showOptionPath(path)}\`.`);
}

/** Doc text of a freeform index signature. */
export const freeformDoc = (freeformText: string): string =>
  escapeComment(`Freeform: any other attribute is accepted, with a value of type \`${freeformText}\`.`);

/** Facts about a type that its TypeScript form cannot carry. */
function typeFacts(type: OptionType): string[] {
  const facts = new Set<string>();
  for (const part of typeParts(type)) {
    const fact = partFact(part);
    if (fact) facts.add(fact);
    for (const check of part.checks ?? []) facts.add(`${SUBJECTS[part.kind] ?? "Values"} ${checkRule(check)}.`);
  }
  return [...facts];
}

const SUBJECTS: Partial<Record<OptionType["kind"], string>> = {
  string: "Strings",
  path: "Paths",
  int: "Integers",
  float: "Numbers",
};

function partFact(type: OptionType): string | undefined {
  switch (type.kind) {
    case "int":
    case "float": {
      const what = type.kind === "int" ? "Integers" : "Numbers";
      if (type.min !== undefined && type.max !== undefined) return `${what} from ${type.min} to ${type.max}.`;
      if (type.min !== undefined) return `${what} from ${type.min} up.`;
      return type.max !== undefined ? `${what} up to ${type.max}.` : undefined;
    }
    case "list":
      return type.nonEmpty ? "Lists must have at least one item." : undefined;
    case "enum":
      return type.values.length
        ? `Allowed values: ${type.values.map((value) => JSON.stringify(value)).join(", ")}.`
        : undefined;
    case "string":
      if (type.pattern !== undefined)
        return `Strings must match the POSIX regular expression \`${showPattern(type.pattern)}\` as a whole.`;
      return type.separator !== undefined
        ? `Several definitions are joined with ${JSON.stringify(type.separator)}.`
        : undefined;
    case "path":
      return 'Paths: an absolute path string, `nixPath("./file")` for a file beside the generated Nix, or `secret("name").path`.';
    case "package":
      return 'Packages: `pkg("htop")`, `unstablePkg("…")`.';
    case "function":
    case "opaque":
      return "Only Nix can write this value: use raw Nix, `nix`…``.";
    case "any":
      return type.unknown !== undefined
        ? `typeflake does not understand the type \`${type.unknown}\`, so any Nix value is accepted here.`
        : undefined;
    default:
      return undefined;
  }
}

/** A JSDoc tag (last in the comment: a tag runs to the next one) with Nix text, fenced when it spans lines. */
function tag(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return trimmed.includes("\n") ? `@${name}\n\`\`\`nix\n${trimmed}\n\`\`\`` : `@${name} \`${trimmed}\``;
}

/**
 * Doc text of an old option name (nixpkgs' `mkRenamedOptionModule` and friends). `aliases` are
 * the old options at or below the name: one when the name itself was renamed or removed, several
 * when a whole set of options went.
 */
export function aliasDoc(aliases: readonly OptionAlias[]): string {
  const lines = aliases.map((alias) => {
    const from = showOptionPath(alias.from);
    const to = alias.to && `\`${showOptionPath(alias.to)}\``;
    const message = alias.message?.trim().replace(/\s*\n\s*/g, " ");
    switch (alias.kind) {
      case "removed":
        return `Removed: \`${from}\`${message ? `: ${message}` : " no longer exists in NixOS."}`;
      case "changed":
        return `Changed: \`${from}\` is now ${to ?? "gone"}, with a different value.`;
      case "merged":
        return `Merged: \`${from}\` is now part of ${to ?? "another option"}.`;
      default:
        return to ? `Renamed to ${to} (was \`${from}\`).` : `Removed: \`${from}\` no longer exists in NixOS.`;
    }
  });
  const shown = lines.length > 5 ? [...lines.slice(0, 5), `… and ${lines.length - 5} more.`] : lines;
  return escapeComment(
    `@deprecated ${shown.join("\n")}\nWhen typeflake generates, it reports the old name with what to write instead.`,
  );
}

const declaredIn = (files: readonly string[] | undefined): string | undefined =>
  files?.length ? `Declared in ${files.map((file) => `\`${file}\``).join(", ")}.` : undefined;

/** A comment must not close itself early. */
const escapeComment = (text: string): string => text.replace(/\*\//g, "*\\/");
