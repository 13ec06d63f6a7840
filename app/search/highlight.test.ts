import { escapeHtml, highlight, markersToHtml, MARK_CLOSE, MARK_OPEN, snippet, withoutMarkers } from "./highlight";

describe("highlight", () => {
  it("marks every match, ignoring case and width, and keeps the text as written", () => {
    expect(highlight("Lead Scoring and ＬＥＡＤ lists", ["lead"])).toBe("<mark>Lead</mark> Scoring and <mark>ＬＥＡＤ</mark> lists");
    expect(highlight("リードスコアリングの基本", ["スコアリング"])).toBe("リード<mark>スコアリング</mark>の基本");
  });

  it("merges overlapping matches", () => {
    expect(highlight("scoring", ["scor", "oring"])).toBe("<mark>scoring</mark>");
  });

  it("escapes everything that is not a mark", () => {
    const html = highlight(`<script>alert("x")</script> & lead`, ["lead", "script"]);
    expect(html).toBe("&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; <mark>lead</mark>");
    expect(html.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    expect(escapeHtml(`'"&<>`)).toBe("&#39;&quot;&amp;&lt;&gt;");
  });

  it("handles characters outside the basic plane", () => {
    expect(highlight("𠮷野家のスコア", ["スコア"])).toBe("𠮷野家の<mark>スコア</mark>");
  });
});

describe("snippet", () => {
  const text = `${"前置きの文章です。".repeat(30)}ここでスコアリングの話をします。${"後の文章です。".repeat(30)}`;

  it("shows the part around the first match, with ellipses where it is cut", () => {
    const html = snippet(text, ["スコアリング"], 80);
    expect(html).toContain("<mark>スコアリング</mark>");
    expect(html.startsWith("…")).toBe(true);
    expect(html.endsWith("…")).toBe(true);
    expect(html.replace(/<\/?mark>/g, "").length).toBeLessThanOrEqual(82);
  });

  it("shows the beginning when nothing matches, and short text whole", () => {
    expect(snippet(text, ["ない言葉"], 20)).toBe(`${[...text].slice(0, 20).join("")}…`);
    expect(snippet("short <b>text</b>", ["text"])).toBe("short &lt;b&gt;<mark>text</mark>&lt;/b&gt;");
  });
});

describe("markersToHtml", () => {
  it("turns backend markers into marks and escapes the rest", () => {
    expect(markersToHtml(`a ${MARK_OPEN}<b>lead</b>${MARK_CLOSE} & b`)).toBe("a <mark>&lt;b&gt;lead&lt;/b&gt;</mark> &amp; b");
    expect(markersToHtml(`${MARK_OPEN}open`)).toBe("<mark>open</mark>");
    expect(markersToHtml(`stray${MARK_CLOSE}`)).toBe("stray");
    expect(withoutMarkers(`x${MARK_OPEN}y${MARK_CLOSE}`)).toBe("xy");
  });
});
