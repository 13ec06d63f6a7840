// A rehype plugin for the content build: gives every h2/h3 a stable id (so the table of contents
// can link to it) and collects those headings into the article's table of contents.
import type { TocEntry } from "./model";

type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };

function textOf(node: Node): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

/** Keeps letters and digits of every script, so Japanese headings get readable ids too. */
export function headingId(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .replace(/\s+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "") || "section";
  let id = base;
  for (let n = 1; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

export function rehypeCollectHeadings(toc: TocEntry[]) {
  return () => (tree: Node) => {
    const taken = new Set<string>();
    const visit = (node: Node) => {
      if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
        const text = textOf(node).trim();
        const id = headingId(text, taken);
        node.properties = { ...node.properties, id };
        toc.push({ id, text, depth: node.tagName === "h2" ? 2 : 3 });
        return;
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
