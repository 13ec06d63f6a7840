import { plainText } from "./plain-text";

describe("plainText", () => {
  it("keeps the words of markdown and drops its syntax", () => {
    const md = "## 見出し\n\n- **太字**と*斜体*\n- [リンク](https://example.com) と `code`\n\n> 引用\n\n| a | b |\n|---|---|\n| 1 | 2 |";
    expect(plainText(md)).toBe("見出し\n太字と斜体\nリンク と code\n引用\na b\n1 2");
  });

  it("keeps the visible strings of MDX components and the text inside them", () => {
    const mdx = '<Callout type="tip" title="関係は確かめる">\n\n本文です。\n\n</Callout>\n\n<Video />';
    expect(plainText(mdx)).toBe("関係は確かめる\n本文です。");
  });

  it("keeps code and image descriptions searchable", () => {
    expect(plainText("```yaml\ndecay: 20%\n```\n\n![ライフサイクルの図](/content-media/x.svg)")).toBe("decay: 20%\nライフサイクルの図");
  });

  it("does not let markup through", () => {
    expect(plainText("<script>alert(1)</script> safe")).toBe("alert(1) safe");
  });
});
