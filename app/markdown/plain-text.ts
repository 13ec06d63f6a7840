// Markdown (and the MDX of the learning content) reduced to the words a reader sees, for search
// indexes and snippets. Not a renderer: it only has to keep the text and drop the syntax.

const JSX_STRING_ATTRIBUTE = /\b(?:title|label|alt|caption)="([^"]*)"/g;

export function plainText(source: string): string {
  let text = source.replace(/\r\n?/g, "\n");
  // Fenced code stays searchable (people look for setting names), without its fences.
  text = text.replace(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm, "$2");
  // MDX/HTML tags go, but the visible strings in their attributes (a callout's title) stay.
  text = text.replace(/<\/?[A-Za-z][^>]*>/g, (tag) => {
    const strings = [...tag.matchAll(JSX_STRING_ATTRIBUTE)].map((m) => m[1]);
    return strings.length ? ` ${strings.join(" ")} ` : " ";
  });
  text = text
    .replace(/^\s*(import|export)\s.*$/gm, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}#{1,6}\s+/gm, "")
    .replace(/^\s{0,3}>\s?/gm, "")
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, "")
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, "")
    .replace(/\|/g, " ")
    .replace(/(\*\*|__|~~)(.*?)\1/g, "$2")
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return text.replace(/[ \t\u3000]+/g, " ").replace(/\s*\n\s*/g, "\n").replace(/\n{2,}/g, "\n").trim();
}
