/**
 * An option description from the NixOS manual's Markdown (or the DocBook of older nixpkgs), made
 * readable in an editor's hover: roles such as `{option}` and `{command}` become code spans,
 * links become their text (with the address when it leads outside the manual), admonitions a
 * "Note:" line. Code spans and fenced blocks are kept as written.
 */

/** Admonition names as a reader would say them. */
const ADMONITIONS: Readonly<Record<string, string>> = {
  note: "Note:",
  warning: "Warning:",
  caution: "Caution:",
  important: "Important:",
  tip: "Tip:",
  example: "Example:",
};

/** The description as hover text. */
export function readableMarkdown(markdown: string): string {
  const text = docbook(markdown)
    // {option}`services.foo.enable`, {command}`nixos-rebuild`, {manpage}`systemd.unit(5)`, …
    .replace(/\{[a-z]+\}(`+)([\s\S]*?)\1/g, (_, ticks: string, code: string) => `${ticks}${code}${ticks}`)
    // [](#opt-services.foo) is a link to an option named by its anchor.
    .replace(/\[\]\(#opt-([^)\s]+)\)/g, (_, option: string) => `\`${option}\``)
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label: string, target: string) =>
      target.startsWith("#") || label.trim() === target ? label || target : `${label} (${target})`,
    )
    .replace(/^:::+\s*\{\.([a-z]+)\}\s*$/gm, (_, kind: string) => ADMONITIONS[kind] ?? `${kind}:`)
    .replace(/^:::+\s*$/gm, "")
    // Heading and paragraph anchors, `## Title {#anchor}`.
    .replace(/\s*\{#[^}\s]+\}/g, "");
  return text.replace(/\n{3,}/g, "\n\n").trim();
}

/** The DocBook tags of older option descriptions, as Markdown. */
function docbook(text: string): string {
  return text
    .replace(/<(literal|option|filename|command|varname|code|envar|replaceable)>([\s\S]*?)<\/\1>/g, "`$2`")
    .replace(/<link\s+xlink:href="([^"]*)"\s*\/>/g, "$1")
    .replace(/<link\s+xlink:href="([^"]*)"\s*>([\s\S]*?)<\/link>/g, "$2 ($1)")
    .replace(/<\/?(para|emphasis|citerefentry|refentrytitle|manvolnum|note|warning)>/g, "");
}
