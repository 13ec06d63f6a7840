// Script injection through the real Q&A forms: a question and an answer full of filter-evasion
// payloads are posted, shown and every link in them clicked. Nothing may run (no dialog, the
// window.__xss marker stays unset), and what the person typed is stored exactly as typed.
import { expect, test, type Page } from "@playwright/test";
import { hydrated, queryDb, signedInAs } from "./helpers";

signedInAs("member");

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Each payload tries to set window.__xss or open a dialog; the marker text shows it was kept as text. */
function questionBody(id: string) {
  return [
    `XSS確認-${id} の本文です。`,
    `<script>window.__xss = "script"</script>`,
    `<img src=x onerror="window.__xss='img'">`,
    `<svg/onload=alert('svg')>`,
    `[js-link-${id}](javascript:window.__xss='link')`,
    `[entity-link-${id}](&#106;avascript:alert('entity'))`,
    `[tab-link-${id}](<Jav\tAscript:alert('tab')>)`,
    `[ref-link-${id}][evil]\n\n[evil]: javascript:alert('reference')`,
    `<javascript:alert('autolink')>`,
    `[safe-link-${id}](https://safe.example/docs)`,
  ].join("\n\n"); // one block each: an HTML block would otherwise swallow the lines after it
}

function answerBody(id: string) {
  return [
    `回答-${id} です。`,
    `<a href="javascript:window.__xss='raw-a'">raw-a-${id}</a>`,
    `<details open ontoggle="window.__xss='details'"><summary>x</summary></details>`,
    `<iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe>`,
    `インライン <span style="background:url(javascript:alert('style'))">styled-${id}</span>`,
    `<form action="javascript:alert('form')"><button>form-${id}</button></form>`,
    `[data-link-${id}](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
    `![img-${id}](javascript:alert('image'))`,
    `[vb-link-${id}](vbscript:msgbox('vb'))`,
    `<!-- <script>alert('comment')</script> -->`,
    `[safe-answer-link-${id}](https://safe.example/answer)`,
  ].join("\n\n");
}

/** Any dialog at all means script ran. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

const marker = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);

test("payloads in a question and an answer never run and are stored as typed", async ({ page }) => {
  const id = stamp();
  const dialogs = watchDialogs(page);
  // Links that leave the site get a harmless stand-in page instead of the network.
  const origin = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1").origin;
  await page.route(
    (url) => url.origin !== origin,
    (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<p>outside</p>" }),
  );

  const title = `<script>window.__xss="title"</script> XSS確認の質問 ${id}`;
  const qBody = questionBody(id);
  await page.goto("/questions/new");
  await hydrated(page);
  await page.getByLabel("タイトル").fill(title);
  await page.getByLabel("詳しい内容").fill(qBody);
  await page.getByRole("button", { name: "質問を投稿" }).click();
  await expect(page).toHaveURL(/\/questions\/[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await hydrated(page);

  const aBody = answerBody(id);
  await page.getByLabel("回答内容").fill(aBody);
  await page.getByRole("button", { name: "回答を投稿" }).click();
  await expect(page.locator(".qa-post__body", { hasText: `回答-${id}` })).toBeVisible();

  // Stored exactly as typed; only the HTML shown is cleaned.
  const questionId = new URL(page.url()).pathname.split("/").pop()!;
  const [question] = queryDb<{ title: string; body: string; bodyHtml: string }>("SELECT title, body, bodyHtml FROM Question WHERE id = ?", questionId);
  expect(question).toMatchObject({ title, body: qBody });
  const [answer] = queryDb<{ body: string; bodyHtml: string }>("SELECT body, bodyHtml FROM Answer WHERE questionId = ?", questionId);
  expect(answer?.body).toBe(aBody);
  for (const html of [question!.bodyHtml, answer!.bodyHtml]) {
    expect(html).not.toMatch(/<(script|iframe|svg|details|form|style)|\son\w+=|\sstyle=|\s(href|src)="(javascript|vbscript|data):/i);
  }

  // Shown, the posts contain only harmless markup.
  const path = `/questions/${questionId}`;
  await page.goto(path);
  await hydrated(page);
  const bodies = page.locator(".qa-post__body");
  await expect(bodies).toHaveCount(2);
  await expect(bodies.locator("script, iframe, svg, details, form, object, embed, style, [style], [onerror], [onload], [ontoggle]")).toHaveCount(0);
  await expect(page.getByText(`styled-${id}`)).toBeVisible(); // the text stays, the style goes
  expect(dialogs).toEqual([]);
  expect(await marker(page)).toBeUndefined();

  // Every link in the posts: only the safe ones lead anywhere, and none runs script.
  const links = bodies.locator("a");
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(9);
  const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")));
  for (const href of hrefs) if (href !== null) expect(href).toMatch(/^https:\/\/safe\.example\//);
  for (let i = 0; i < count; i++) {
    if (page.url() !== new URL(path, origin).href) {
      await page.goto(path);
      await hydrated(page);
    }
    await bodies.locator("a").nth(i).click();
    // A javascript: URL would run right here, in this page.
    await page.waitForTimeout(150);
    if (page.url().startsWith(origin)) expect(await marker(page)).toBeUndefined();
    else await expect(page.locator("body")).toHaveText("outside");
  }
  expect(dialogs).toEqual([]);
  await page.goto(path);
  expect(await marker(page)).toBeUndefined();
});
