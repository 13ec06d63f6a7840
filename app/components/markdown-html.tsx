// Shows HTML that app/markdown/markdown.server.ts produced (sanitised when it was saved).
export function MarkdownHtml({ html, className }: { html: string; className?: string }) {
  return <div className={className ? `markdown ${className}` : "markdown"} dangerouslySetInnerHTML={{ __html: html }} />;
}
