import { expect, test } from "@playwright/test";
import { hydrated, queryDb, signedInAs, signUpNewMember } from "./helpers";

const FIRST_30_DAYS = "Hibiki導入後の最初の30日：優先順位、後回しでよいこと、最初の小さな成功";

test("a member filters to beginner content, completes an article, and sees path progress and my learning update", async ({ page }) => {
  const email = await signUpNewMember(page);
  await page.getByRole("link", { name: "学ぶ", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "学ぶ" })).toBeVisible();
  await hydrated(page);

  await page.getByLabel("レベル").selectOption("beginner");
  await page.getByRole("button", { name: "記事を表示" }).click();
  await expect(page).toHaveURL(/tier=beginner/);
  const library = page.locator(".library");
  const cards = library.locator(".article-card");
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  expect(count).toBeGreaterThan(3);
  await expect(library.locator(".article-card .badge--tier-beginner")).toHaveCount(count);
  await expect(library.locator(".badge--tier-intermediate, .badge--tier-advanced")).toHaveCount(0);

  // The onboarding path starts at 0 of 5.
  await page.getByRole("link", { name: "はじめの30日：Hibikiを使い始める" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "はじめの30日：Hibikiを使い始める" })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
  await page.getByRole("link", { name: "パスを始める" }).click();

  await expect(page.getByRole("heading", { level: 1, name: FIRST_30_DAYS })).toBeVisible();
  await expect(page.getByText("はじめの30日：Hibikiを使い始める · 5件中1件目")).toBeVisible();
  await page.getByRole("button", { name: "完了にする" }).click();
  await expect(page.getByRole("status").filter({ hasText: "完了にしました" })).toBeVisible();
  await expect(page.getByText(/に完了しました。$/)).toBeVisible();
  await expect(page.locator(".path-nav").getByText("5件中1件完了")).toBeVisible();
  expect(
    queryDb("SELECT e.type FROM EngagementEvent e JOIN User u ON u.id = e.actorId WHERE u.email = ? AND e.type = 'content.completed'", email),
  ).toHaveLength(1);

  // The next item in the path is one click away, and the path page shows the rise.
  await expect(page.getByRole("link", { name: /^次へ: リードスコアリング入門/ })).toBeVisible();
  await page.goto("/learn/paths/ja/onboarding");
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "20");
  await expect(page.getByRole("link", { name: /^続きから：リードスコアリング入門/ })).toBeVisible();

  await page.goto("/learn/me");
  const completed = page.getByRole("region", { name: /完了した記事/ });
  await expect(completed.getByRole("link", { name: FIRST_30_DAYS })).toBeVisible();
  await expect(completed.getByText("(1件完了)")).toBeVisible();
  await expect(page.getByRole("region", { name: "パスごとの進み具合" }).getByText("5件中1件完了")).toBeVisible();
});

test.describe("as a visitor", () => {
  test("a members-only article is refused, without its compiled body", async ({ page, request }) => {
    const response = await request.get("/learn/ja/scoring-model-design");
    expect(response.status()).toBe(403);
    const html = await response.text();
    expect(html).toContain("2軸スコアリングモデルの設計");
    expect(html).toContain("この記事はメンバー限定です");
    // Neither the compiled MDX nor any of the body text is in the page or its data request.
    for (const body of [html, await (await request.get("/learn/ja/scoring-model-design.data")).text()]) {
      expect(body).not.toContain("_jsx_runtime");
      expect(body).not.toContain("受注データで検証する");
    }

    await page.goto("/learn/ja/scoring-model-design");
    await expect(page.getByRole("heading", { name: "この記事はメンバー限定です" })).toBeVisible();
    await expect(page.getByRole("link", { name: "ログイン", exact: true }).last()).toHaveAttribute("href", /redirectTo=%2Flearn%2Fja%2Fscoring-model-design/);
  });

  test("the library lists only public articles and says how many more are for members", async ({ page }) => {
    await page.goto("/learn");
    await expect(page.locator(".library .article-card")).not.toHaveCount(0);
    await expect(page.locator(".library").getByText("メンバー限定")).toHaveCount(1); // the teaser only, no locked cards
    await expect(page.getByText(/ほかに\d+件のメンバー限定記事があります/)).toBeVisible();
  });

  test("bad addresses are 404s, not errors", async ({ request, baseURL }) => {
    for (const path of ["/learn/xx/lead-scoring-basics", "/learn/ja/no-such-article", "/learn/paths/ja/nowhere", "/learn/ja/no-such-article/watch"]) {
      expect((await request.get(path)).status(), path).toBeGreaterThanOrEqual(400);
      expect((await request.get(path)).status(), path).toBeLessThan(500);
    }
    const watch = await request.post("/learn/ja/lead-scoring-basics/watch", { data: { ranges: [[0, 24]] }, headers: { Origin: baseURL! } });
    expect(watch.status()).toBe(401);
  });
});

test("the translation switch goes to the English article and back", async ({ page }) => {
  await page.goto("/learn/ja/lead-scoring-basics");
  await hydrated(page);
  await page.getByRole("link", { name: "Englishで読む" }).click();
  await expect(page).toHaveURL(/\/learn\/en\/lead-scoring-basics$/);
  await expect(page.getByRole("heading", { level: 1, name: /^Lead scoring basics/ })).toBeVisible();
  await expect(page.locator("article.article")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "日本語で読む" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^リードスコアリング入門/ })).toBeVisible();
});

test("a Japanese article renders its headings, table of contents, table and components", async ({ page }) => {
  await page.goto("/learn/ja/customer-lifecycle-stages");
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: /^カスタマーライフサイクルを明確なステージに分ける/ })).toBeVisible();
  const toc = page.getByRole("navigation", { name: "目次" });
  await toc.getByRole("link", { name: "L01〜L10のステージ例" }).click();
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toBe("#l01l10のステージ例");
  await expect(page.getByRole("heading", { level: 2, name: "L01〜L10のステージ例" })).toBeInViewport();
  await expect(page.getByRole("cell", { name: "匿名の訪問者" })).toBeVisible();
  await expect(page.getByRole("img", { name: /10個のステージを2段に並べた図/ })).toBeVisible();
  expect(await page.getByRole("img", { name: /10個のステージ/ }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByLabel("この記事のポイント")).toBeVisible();
  // The Japanese glyphs come from a real CJK font, not fallback boxes.
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans CJK JP"', "日本語"))).toBe(true);
});

test("watching 80 % of the video completes the article", async ({ page }) => {
  test.slow();
  const email = await signUpNewMember(page, "hikari-soft.example", "動画 視聴者");
  await page.goto("/learn/ja/lead-scoring-basics");
  await hydrated(page);
  await expect(page.getByText("0% 視聴済み")).toBeVisible();
  const video = page.locator("video");
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    element.playbackRate = 2;
    await element.play();
  });
  await expect(page.getByText("動画を視聴しました。記事は完了です。")).toBeVisible({ timeout: 40_000 });
  await expect(page.getByText(/に完了しました。$/)).toBeVisible();
  const rows = queryDb<{ type: string }>(
    "SELECT e.type FROM EngagementEvent e JOIN User u ON u.id = e.actorId WHERE u.email = ? AND e.type IN ('video.watched', 'content.completed') ORDER BY e.type",
    email,
  );
  expect(rows.map((r) => r.type)).toEqual(["content.completed", "video.watched"]);
});

test.describe("champions-only content", () => {
  test.describe("as a member who is not a champion", () => {
    signedInAs("learner");
    test("is refused", async ({ page }) => {
      const response = await page.goto("/learn/ja/score-decay-and-recalibration");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "この記事はチャンピオン限定です" })).toBeVisible();
    });
  });
  test.describe("as a champion", () => {
    signedInAs("member");
    test("is readable", async ({ page }) => {
      const response = await page.goto("/learn/ja/score-decay-and-recalibration");
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("button", { name: "完了にする" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "目次" })).toBeVisible();
    });
  });
});

test.describe("video watch reports", () => {
  signedInAs("learner");
  test("malformed or implausible reports are refused and change nothing", async ({ page, baseURL }) => {
    await page.goto("/learn");
    // Sent as the page's own script would: same origin (other origins are refused with 403).
    const headers = { Origin: baseURL! };
    const post = (data: unknown) => page.request.post("/learn/ja/lead-scoring-basics/watch", { data, headers });
    expect((await post({ ranges: "all of it" })).status()).toBe(400);
    expect((await post({ ranges: [[0, 9999]] })).status()).toBe(400);
    expect((await page.request.post("/learn/ja/lead-scoring-basics/watch", { data: "not json", headers: { ...headers, "Content-Type": "application/json" } })).status()).toBe(400);
    expect((await post({ ranges: [[0, 24]] })).status()).toBe(422);
    expect((await page.request.post("/learn/ja/first-30-days/watch", { data: { ranges: [] }, headers })).status()).toBe(404);
    expect(
      queryDb("SELECT v.watchedSeconds FROM VideoProgress v JOIN User u ON u.id = v.userId WHERE u.email = 'aya.ito@sakura-commerce.example' AND v.watchedSeconds > 0"),
    ).toHaveLength(0);
  });
});
