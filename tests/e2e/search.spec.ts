import { expect, test } from "@playwright/test";
import { hydrated, signedInAs } from "./helpers";

/** Seeded content (content/articles): one public article, one for members only. */
const PUBLIC_ARTICLE = /^リードスコアリング入門/;
const MEMBERS_ARTICLE = /^2軸スコアリングモデルの設計/;

test.describe("as a visitor", () => {
  test("header suggestions: type, arrow down to one and open it", async ({ page }) => {
    await page.goto("/learn");
    await hydrated(page);
    const box = page.getByRole("combobox", { name: "Kizuna を検索" });
    await box.pressSequentially("分科会", { delay: 30 });
    const list = page.getByRole("listbox", { name: "候補" });
    // Suggestions arrive after a pause in typing; a busy test machine can take a while.
    await expect(list).toBeVisible({ timeout: 20_000 });
    await expect(box).toHaveAttribute("aria-expanded", "true");
    const options = list.getByRole("option");
    await expect(options.first()).toContainText("分科会");
    await expect(options.last()).toHaveText("「分科会」の検索結果をすべて見る");

    await box.press("ArrowDown");
    const first = options.first();
    await expect(first).toHaveAttribute("aria-selected", "true");
    await expect(box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
    await box.press("ArrowDown");
    await expect(first).toHaveAttribute("aria-selected", "false");
    await box.press("ArrowUp");
    await expect(first).toHaveAttribute("aria-selected", "true");
    const title = (await first.locator(".header-search__title").innerText()).trim();

    await box.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(box).toHaveValue("");
    await expect(list).toBeHidden();
  });

  test("Escape closes the suggestions, Enter without a choice opens the results page with tabs", async ({ page }) => {
    await page.goto("/");
    await hydrated(page);
    const box = page.getByRole("combobox", { name: "Kizuna を検索" });
    await box.pressSequentially("スコアリング", { delay: 30 });
    await expect(page.getByRole("listbox", { name: "候補" })).toBeVisible({ timeout: 20_000 });
    await box.press("Escape");
    await expect(page.getByRole("listbox", { name: "候補" })).toBeHidden();
    await expect(box).toHaveValue("スコアリング");
    await box.press("Enter");

    await expect(page).toHaveURL(/\/search\?q=%E3%82%B9/);
    await expect(page.getByRole("heading", { level: 1, name: "検索" })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "結果の種類" });
    await expect(tabs.getByRole("link", { name: /^すべて/ })).toHaveAttribute("aria-current", "page");
    const results = page.locator(".search-results");
    await expect(results.getByRole("link", { name: PUBLIC_ARTICLE })).toBeVisible();
    await expect(results.getByRole("link", { name: MEMBERS_ARTICLE })).toHaveCount(0);
    await expect(results.locator("mark", { hasText: "スコアリング" }).first()).toBeVisible();

    await tabs.getByRole("link", { name: /^質問/ }).click();
    await expect(page).toHaveURL(/type=question/);
    await expect(tabs.getByRole("link", { name: /^質問/ })).toHaveAttribute("aria-current", "page");
    const kinds = results.locator(".search-hit__kind .badge:first-child");
    await expect(kinds.first()).toHaveText("質問");
    for (const kind of await kinds.allInnerTexts()) expect(kind).toBe("質問");

    await tabs.getByRole("link", { name: /^記事/ }).click();
    await expect(page).toHaveURL(/type=article/);
    await expect(results.getByRole("link", { name: PUBLIC_ARTICLE })).toBeVisible();
    await expect(results.locator(".search-hit--question")).toHaveCount(0);
  });

  test("odd and oversized input never fails", async ({ request }) => {
    // 2,000 characters of Latin, and as much Japanese as fits in a URL (Node refuses request lines over 16 KB with 431).
    for (const q of ["lead".repeat(500), "あ".repeat(1500), '"lead" NEAR(a b) * -x ^y title: (c OR d)', "%_\\'", "<script>alert(1)</script>", ""]) {
      const page = await request.get(`/search?${new URLSearchParams({ q, type: "nope", page: "-3", lang: "xx" })}`);
      expect(page.status()).toBe(200);
      const suggest = await request.get(`/search/suggest?${new URLSearchParams({ q })}`);
      expect(suggest.status()).toBe(200);
      expect(await suggest.json()).toMatchObject({ suggestions: expect.any(Array) });
    }
  });
});

test.describe("as a member", () => {
  signedInAs("member");

  test("finds members-only articles too, marked as such", async ({ page }) => {
    await page.goto(`/search?${new URLSearchParams({ q: "スコアリング", type: "article" })}`);
    const hit = page.locator(".search-hit").filter({ has: page.getByRole("link", { name: MEMBERS_ARTICLE }) });
    await expect(hit).toBeVisible();
    await expect(hit.getByText("メンバー限定")).toBeVisible();
  });
});

test.describe("as a learner", () => {
  signedInAs("learner");

  test("no results suggests asking, with the search as the title", async ({ page }) => {
    const query = "存在しないはずのキーワードzq";
    await page.goto(`/search?${new URLSearchParams({ q: query })}`);
    await hydrated(page);
    const help = page.getByRole("region", { name: `「${query}」に一致する結果はありませんでした` });
    await expect(help).toBeVisible();
    const ask = help.getByRole("link", { name: "質問する" });
    await expect(ask).toHaveAttribute("href", `/questions/new?${new URLSearchParams({ title: query })}`);
    await ask.click();
    await expect(page.getByRole("heading", { level: 1, name: "質問する" })).toBeVisible();
    await expect(page.getByLabel("タイトル", { exact: true })).toHaveValue(query);
  });
});
