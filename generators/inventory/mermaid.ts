/**
 * A topology as the lines of a Mermaid flowchart. Labels are user text (server names, export
 * paths, peer names), so each is quoted, and every character that could end the quote or be
 * read as markup is written as a Mermaid entity code (`#34;` for `"`).
 */
import type { Topology, TopologyEdge, TopologyNode } from "./topology-graph.ts";

/** `"`, `#` (which starts an entity), HTML's `<` `>` `&`, and the backtick of Markdown strings. */
const SPECIAL = /["#<>&`]/g;

/** Text safe inside a quoted Mermaid label; line breaks become spaces. */
export const mermaidText = (text: string): string =>
  text.replace(/\s+/g, " ").replace(SPECIAL, (character) => `#${character.charCodeAt(0)};`);

const ARROWS: Readonly<Record<TopologyEdge["kind"], string>> = {
  wireguard: "<-->",
  proxy: "-->",
  nfs: "-.->",
};

const node = ({ id, label, kind }: TopologyNode): string => {
  const text = label.map(mermaidText).join("<br/>");
  return kind === "host" ? `${id}["${text}"]` : `${id}(["${text}"])`;
};

const edge = ({ from, to, kind, label }: TopologyEdge): string => `${from} ${ARROWS[kind]}|"${mermaidText(label)}"| ${to}`;

/** `flowchart LR`, the nodes, then the edges, one per line (without the code fence). */
export const mermaidFlowchart = (topology: Topology): string[] => [
  "flowchart LR",
  ...topology.nodes.map((entry) => `  ${node(entry)}`),
  ...topology.edges.map((entry) => `  ${edge(entry)}`),
];
