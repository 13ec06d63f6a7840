// The sanitiser against XSS filter-evasion payloads in the style of the OWASP cheat sheet. Each
// payload is rendered and the HTML is read back tag by tag: only allow-listed elements, no event
// handlers, no style, and links and images only to safe places.
import { renderMarkdown } from "./markdown.server";

const ALLOWED_TAGS = new Set([
  "p", "a", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br", "img",
  "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "sup", "section", "input",
]);

/** Named entities rehype-stringify may write into an attribute; anything else fails the check. */
const NAMED: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'" };

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = NAMED[body.toLowerCase()];
    if (named === undefined) throw new Error(`unexpected entity ${entity} in an attribute`);
    return named;
  });
}

type Tag = { name: string; closing: boolean; attributes: Array<[string, string]> };

/**
 * Reads the serialised HTML. rehype-stringify escapes every "<" in text and quotes every attribute
 * value, so each "<" starts a tag; anything this reader cannot account for fails the test.
 */
function readTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let at = html.indexOf("<");
  while (at !== -1) {
    const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*\/?>/.exec(html.slice(at));
    if (!match) throw new Error(`unreadable markup at ${JSON.stringify(html.slice(at, at + 60))}`);
    const attributes: Array<[string, string]> = [];
    for (const attribute of match[3]!.matchAll(/([^\s"'<>/=]+)(?:="([^"]*)")?/g)) {
      attributes.push([attribute[1]!.toLowerCase(), decodeAttribute(attribute[2] ?? "")]);
    }
    tags.push({ name: match[2]!.toLowerCase(), closing: match[1] === "/", attributes });
    at = html.indexOf("<", at + match[0].length);
  }
  return tags;
}

/** What a browser would make of the URL: it ignores control characters and spaces in it. */
const squeeze = (url: string) => url.replace(/[\u0000-\u0020\u007f]/g, "");

function assertSafe(html: string) {
  for (const tag of readTags(html)) {
    expect(ALLOWED_TAGS, `element <${tag.name}> in ${html}`).toContain(tag.name);
    for (const [name, value] of tag.attributes) {
      expect(name, `event handler in ${html}`).not.toMatch(/^on/);
      expect(name, `style in ${html}`).not.toBe("style");
      expect(["formaction", "action", "srcdoc", "xlink:href", "background", "dynsrc", "lowsrc"]).not.toContain(name);
      if (name === "href") {
        // http(s), mailto, or a place on this page or this site (footnotes, "/learn/…").
        expect(squeeze(value), `href in ${html}`).toMatch(/^(?:https?:\/\/|mailto:|#|\/(?![/\\]))/i);
      }
      if (name === "src") expect(squeeze(value), `src in ${html}`).toMatch(/^https:\/\//i);
      if (tag.name === "input") expect(tag.attributes.map(([n]) => n).sort()).toEqual(["disabled", "type"]);
    }
  }
  // Belt and braces: no script-bearing scheme survives anywhere in an attribute.
  const attributeText = readTags(html).flatMap((t) => t.attributes.map(([, v]) => squeeze(v).toLowerCase()));
  for (const value of attributeText) expect(value).not.toMatch(/^(?:javascript|vbscript|data|livescript|mocha):/);
}

const PAYLOADS: Array<[string, string]> = [
  // Script tags in many casings and encodings.
  ["plain script", "<script>alert('XSS')</script>"],
  ["mixed-case script", "<ScRiPt>alert(1)</sCrIpT>"],
  ["script with src", '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>'],
  ["script without closing bracket", "<script src=//xss.example/.j>"],
  ["script split by a null", "<scr\u0000ipt>alert(1)</scr\u0000ipt>"],
  ["double open bracket", "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>"],
  ["script with extra slash", '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>'],
  ["script inside markdown emphasis", "**<script>alert(1)</script>**"],
  ["entity-encoded script in text", "&lt;script&gt;alert(1)&lt;/script&gt;"],
  ["script in a table cell", "| a |\n|---|\n| <script>alert(1)</script> |"],
  // Event handlers on many elements.
  ["img onerror", '<img src=x onerror="alert(1)">'],
  ["img onerror without quotes", "<IMG SRC=/ onerror=alert(String.fromCharCode(88,83,83))></img>"],
  ["img with backticks", "<IMG SRC=`javascript:alert(\"XSS\")`>"],
  ["svg onload", "<svg onload=alert(1)>"],
  ["svg/onload", "<svg/onload=alert('XSS')>"],
  ["body onload", "<BODY ONLOAD=alert('XSS')>"],
  ["iframe src javascript", '<iframe src="javascript:alert(1)"></iframe>'],
  ["iframe onload", "<iframe onload=alert(1)>"],
  ["details ontoggle", "<details open ontoggle=alert(1)><summary>x</summary></details>"],
  ["video source onerror", "<video><source onerror=\"alert(1)\"></video>"],
  ["audio onerror", "<audio src=x onerror=alert(1)>"],
  ["input autofocus onfocus", "<input autofocus onfocus=alert(1)>"],
  ["marquee onstart", "<marquee onstart=alert(1)>x</marquee>"],
  ["div onmouseover", '<div onmouseover="alert(1)">hover</div>'],
  // Dangerous URLs in markdown links and images.
  ["javascript: link", "[click](javascript:alert(1))"],
  ["mixed-case javascript: link", "[click](JaVaScRiPt:alert(1))"],
  ["vbscript: link", "[click](vbscript:msgbox(1))"],
  ["data: html link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
  ["decimal entity javascript", "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))"],
  ["hex entity javascript", "[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))"],
  ["padded entity javascript", "[click](&#0000106&#0000097vascript:alert(1))"],
  ["named colon entity", "[click](javascript&colon;alert(1))"],
  ["tab inside the scheme", "[click](<jav\tascript:alert(1)>)"],
  ["encoded tab inside the scheme", "[click](jav&#x09;ascript:alert(1))"],
  ["encoded newline inside the scheme", "[click](jav&#x0A;ascript:alert(1))"],
  ["leading spaces and control character", "[click](<  \u0001javascript:alert(1)>)"],
  ["javascript: image", "![x](javascript:alert(1))"],
  ["data: svg image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"],
  ["http image (https only)", "![x](http://cdn.example/a.png)"],
  ["relative image (a GET to our own app)", "![x](/logout)"],
  ["protocol-relative image", "![x](//xss.example/a.png)"],
  ["link title smuggling an attribute", '[x](https://a.example "title" onclick="alert(1)")'],
  ["image url smuggling an attribute", '![a](https://x.example/a.png"onerror="alert(1))'],
  ["reference-style javascript: link", "[click][evil]\n\n[evil]: javascript:alert(1)"],
  ["reference-style with title", '[click][evil]\n\n[evil]: javascript:alert(1) "title"'],
  ["reference-style image", "![x][evil]\n\n[evil]: javascript:alert(1)"],
  ["javascript: autolink", "<javascript:alert(1)>"],
  ["autolink with quote", '<https://x.example/"onmouseover="alert(1)>'],
  ["bare www autolink with quote", 'www.example.com/"onmouseover="alert(1)'],
  ["protocol-relative link", "[x](//xss.example)"],
  ["backslash protocol-relative link", "[x](/\\xss.example)"],
  // Raw HTML anchors and other dangerous elements.
  ["raw anchor javascript", '<a href="javascript:alert(1)">click</a>'],
  ["raw anchor with entity tab", '<a href="jav&#x09;ascript:alert(1)">click</a>'],
  ["style element", "<style>body{background:url(javascript:alert(1))}</style>"],
  ["style attribute with expression()", '<p style="width: expression(alert(1))">x</p>'],
  ["style attribute with url()", '<div style="background-image: url(javascript:alert(1))">x</div>'],
  ["object data", '<object data="javascript:alert(1)"></object>'],
  ["embed src", '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ["base href", '<base href="javascript:alert(1)//">'],
  ["meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ["form action", '<form action="javascript:alert(1)"><input type="submit"></form>'],
  ["button formaction", '<button formaction="javascript:alert(1)">x</button>'],
  ["link import", '<link rel="import" href="https://xss.example/x.html">'],
  ["math href", '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>'],
  // Comments, CDATA and broken or nested markup.
  ["script inside an HTML comment", "<!-- <script>alert(1)</script> -->"],
  ["conditional comment", "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->"],
  ["CDATA", "<![CDATA[<script>alert(1)</script>]]>"],
  ["broken comment", "<!--><img src=x onerror=alert(1)>-->"],
  ["nested script tags", "<scr<script>ipt>alert(1)</scr</script>ipt>"],
  ["unclosed tag with handler", '<img """><script>alert("XSS")</script>">'],
  ["tag inside an attribute", '<a title="<img src=x onerror=alert(1)>">x</a>'],
  ["svg with script", "<svg><script>alert(1)</script></svg>"],
  ["noscript breakout", '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ["html in inline code stays text", "`<script>alert(1)</script>`"],
  ["html in a fenced block stays text", "```html\n<img src=x onerror=alert(1)>\n```"],
  ["heading attribute syntax", "# Title {onclick=alert(1)}"],
  ["footnote with a script label", "x[^<script>]\n\n[^<script>]: <img src=x onerror=alert(1)>"],
];

describe("the HTML check itself", () => {
  it.each([
    '<p><script>alert(1)</script></p>',
    '<img src="https://x.example/a.png" onerror="alert(1)">',
    '<p style="color:red">x</p>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href=javascript:alert(1)>x</a>',
    '<img src="/logout">',
    "<iframe></iframe>",
  ])("rejects %s", (html) => {
    expect(() => assertSafe(html)).toThrow();
  });
});

describe("renderMarkdown against XSS payloads", () => {
  it("checks at least fifty payloads", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(PAYLOADS)("neutralises %s", (_name, payload) => {
    assertSafe(renderMarkdown(payload));
  });

  it("renders code that looks like HTML as visible text", () => {
    expect(renderMarkdown("`<script>`")).toContain("<code>&#x3C;script></code>");
  });
});

describe("renderMarkdown links and images", () => {
  it("keeps http(s), mailto and same-site links, and drops the rest", () => {
    expect(renderMarkdown("[a](https://x.example/p?q=1)")).toContain('href="https://x.example/p?q=1"');
    expect(renderMarkdown("[a](mailto:cs@kizuna.example)")).toContain('href="mailto:cs@kizuna.example"');
    expect(renderMarkdown("[a](/learn/ja/scoring-model-design)")).toContain('href="/learn/ja/scoring-model-design"');
    expect(renderMarkdown("[a](//xss.example)")).not.toContain("href");
    expect(renderMarkdown("[a](ftp://files.example)")).not.toContain("href");
  });

  it("loads images only from https URLs", () => {
    expect(renderMarkdown("![x](https://cdn.example/a.png)")).toContain('src="https://cdn.example/a.png"');
    expect(renderMarkdown("![x](/logout)")).not.toContain("src=");
    expect(renderMarkdown("![x](a.png)")).not.toContain("src=");
  });

  it("links footnotes to their prefixed ids", () => {
    const html = renderMarkdown("本文[^1]\n\n[^1]: 注");
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(ids, `#${href} has a target`).toContain(href);
    for (const id of ids) expect(id).toMatch(/^user-content-/);
  });
});
