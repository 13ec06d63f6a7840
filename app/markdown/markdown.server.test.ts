import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders the usual markdown: emphasis, lists, code, tables, links", () => {
    const html = renderMarkdown("**太字** と `code`\n\n- 一\n- 二\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[Kizuna](https://kizuna.example/learn)");
    expect(html).toContain("<strong>太字</strong>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<li>一</li>");
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://kizuna.example/learn" rel="nofollow ugc noopener">Kizuna</a>');
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>hello"],
    ["an event handler", '<img src="x" onerror="alert(1)">'],
    ["a javascript: link", "[click](javascript:alert(1))"],
    ["a data: link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a style attribute", '<p style="position:fixed">x</p>'],
    ["an svg with script", "<svg><script>alert(1)</script></svg>"],
  ])("neutralises %s", (_name, source) => {
    const html = renderMarkdown(source);
    expect(html).not.toMatch(/<script|onerror|javascript:|data:text|<iframe|style=|<svg/i);
  });

  it("keeps images from https URLs only", () => {
    expect(renderMarkdown("![図](https://cdn.example/a.png)")).toContain('<img src="https://cdn.example/a.png" alt="図">');
    expect(renderMarkdown("![図](http://cdn.example/a.png)")).not.toContain("http://cdn.example");
  });
});
