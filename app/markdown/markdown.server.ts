// Markdown written by people (group descriptions, posts, agendas, notes, later Q&A) becomes HTML
// here and only here. Raw HTML in the source is dropped (remark-rehype without
// allowDangerousHtml), then rehype-sanitize applies GitHub's allow-list: no script, no event
// handlers, no javascript: or data: links. Links get rel="nofollow ugc noopener".
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };

function rehypeSafeLinks() {
  return (tree: Node) => {
    const visit = (node: Node) => {
      if (node.type === "element" && node.tagName === "a") {
        node.properties = { ...node.properties, rel: ["nofollow", "ugc", "noopener"] };
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

const schema = {
  ...defaultSchema,
  // GitHub's schema prefixes ids/names with "user-content-"; keep that, and drop inline styles.
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["https"] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeSafeLinks)
  .use(rehypeStringify);

export function renderMarkdown(source: string): string {
  return String(processor.processSync(source));
}
