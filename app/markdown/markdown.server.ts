// Markdown written by people (group descriptions, posts, agendas, notes, later Q&A) becomes HTML
// here and only here. Raw HTML in the source is dropped (remark-rehype without
// allowDangerousHtml), then rehype-sanitize applies GitHub's allow-list: no script, no event
// handlers, no javascript: or data: links. On top of that, links may only go to http(s), mailto or
// a place on the page or site, and images only load from https: a relative image would be a GET
// to our own app with the reader's cookies. Links get rel="nofollow ugc noopener".
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

type Node = { type: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };

const CLOBBER_PREFIX = "user-content-";

/** The URL as a browser reads it: control characters and surrounding spaces do not count. */
function asBrowserReads(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(value).replace(/[\u0000-\u0020\u007f]/g, "");
}

const SAFE_HREF = /^(?:https?:\/\/|mailto:|#|\/(?![/\\]))/i;
const SAFE_SRC = /^https:\/\//i;

function rehypeSafeUrls() {
  return (tree: Node) => {
    const visit = (node: Node) => {
      if (node.type === "element" && node.tagName === "a") {
        const { href, ...rest } = node.properties ?? {};
        let safeHref = href !== undefined && SAFE_HREF.test(asBrowserReads(href)) ? String(href) : undefined;
        // Ids on the page carry the sanitiser's prefix (so posts cannot clobber the app's own
        // ids); in-page links such as footnotes must point at the prefixed id.
        if (safeHref?.startsWith("#") && !safeHref.startsWith(`#${CLOBBER_PREFIX}`)) safeHref = `#${CLOBBER_PREFIX}${safeHref.slice(1)}`;
        node.properties = { ...(safeHref !== undefined ? { href: safeHref } : {}), ...rest, rel: ["nofollow", "ugc", "noopener"] };
      }
      if (node.type === "element" && node.tagName === "img" && node.properties?.src !== undefined && !SAFE_SRC.test(asBrowserReads(node.properties.src))) {
        const { src: _src, ...rest } = node.properties;
        node.properties = rest;
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

const schema = {
  ...defaultSchema,
  // GitHub's schema prefixes ids/names with "user-content-"; keep that, and drop inline styles.
  clobberPrefix: CLOBBER_PREFIX,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"], src: ["https"] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  // The sanitiser adds the id prefix; adding it here too would leave footnote links dangling.
  .use(remarkRehype, { clobberPrefix: "" })
  .use(rehypeSanitize, schema)
  .use(rehypeSafeUrls)
  .use(rehypeStringify);

export function renderMarkdown(source: string): string {
  return String(processor.processSync(source));
}
