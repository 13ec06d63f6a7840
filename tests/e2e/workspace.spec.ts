import fs from "node:fs";
import { expect, test, type Browser, type Download, type Page } from "@playwright/test";
import { parseCsv } from "../../app/workspace/csv";
import { hydrated, queryDb, signedInAs, storageStatePath, type SIGNED_IN_AS } from "./helpers";

const SAKURA = "株式会社さくらコマース";
const FIRST_30_DAYS = "Hibiki導入後の最初の30日：優先順位、後回しでよいこと、最初の小さな成功";

async function pageAs(browser: Browser, who: keyof typeof SIGNED_IN_AS): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(who) });
  return context.newPage();
}

async function csvOf(download: Download): Promise<string[][]> {
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text.charCodeAt(0), "starts with a byte-order mark").toBe(0xfeff);
  return parseCsv(text);
}

function sakuraId(): string {
  return queryDb<{ accountId: string }>("SELECT accountId FROM AccountDomain WHERE domain = 'sakura-commerce.example'")[0]!.accountId;
}

test.describe("CS workspace", () => {
  signedInAs("cs");

  test("recommends the onboarding article to two people; one of them sees and opens it", async ({ page, browser }) => {
    // Two people in two browser contexts, three page loads each: give it the slow-test timeout.
    test.slow();
    await page.goto(`/workspace/accounts/${sakuraId()}`);
    await hydrated(page);
    const recommend = page.getByRole("region", { name: "コンテンツをおすすめする" });
    await recommend.getByLabel("記事").selectOption("ja/first-30-days");
    await recommend.getByRole("checkbox", { name: /伊藤 彩/ }).check();
    await recommend.getByRole("checkbox", { name: /鈴木 健司/ }).check();
    await recommend.getByLabel(/ひとことメッセージ/).fill("まずはここから読んでみてください");
    await recommend.getByRole("button", { name: "おすすめを送る" }).click();
    await expect(page.getByRole("status")).toContainText("2人におすすめを送りました。");
    const sent = page.getByTestId("content-recommendations");
    await expect(sent.getByRole("listitem").filter({ hasText: "伊藤 彩" })).toContainText("未開封");
    await expect(sent.getByRole("listitem").filter({ hasText: "鈴木 健司" })).toContainText("未開封");
    expect(
      queryDb("SELECT e.id FROM EngagementEvent e WHERE e.type = 'cs.recommended' AND e.accountId = ? AND e.subjectId = 'ja/first-30-days'", sakuraId()),
    ).toHaveLength(2);

    // Aya (one of the two) finds it on her home page and opens it.
    const aya = await pageAs(browser, "learner");
    await aya.goto("/");
    const fromCs = aya.getByRole("region", { name: "CS担当からのおすすめ" });
    await expect(fromCs).toContainText(FIRST_30_DAYS);
    await expect(fromCs).toContainText("まずはここから読んでみてください");
    await expect(fromCs).toContainText("佐藤 美咲より");
    await hydrated(aya);
    await fromCs.getByRole("button", { name: `読む: ${FIRST_30_DAYS}` }).click();
    await expect(aya).toHaveURL(/\/learn\/ja\/first-30-days$/);
    await expect(aya.getByRole("heading", { level: 1, name: FIRST_30_DAYS })).toBeVisible();
    expect(
      queryDb<{ openedAt: string | null }>(
        "SELECT r.openedAt FROM ContentRecommendation r JOIN User u ON u.id = r.toUserId WHERE u.email = 'aya.ito@sakura-commerce.example' AND r.articleId = 'ja/first-30-days'",
      )[0]!.openedAt,
    ).not.toBeNull();
    await aya.goto("/");
    await expect(aya.getByRole("region", { name: "CS担当からのおすすめ" })).toHaveCount(0);
    await aya.context().close();

    // Back in the workspace, the recommendation shows as opened.
    await page.reload();
    await expect(page.getByTestId("content-recommendations").getByRole("listitem").filter({ hasText: "伊藤 彩" })).toContainText("開封");
  });

  test("keeps a private note and exports the people table as CSV", async ({ page, browser }) => {
    await page.goto(`/workspace/accounts/${sakuraId()}`);
    await hydrated(page);
    await page.getByLabel("新しいメモ").fill("更新前に**予算確認**をする");
    await page.getByRole("button", { name: "メモを追加" }).click();
    await expect(page.getByTestId("notes").locator("strong", { hasText: "予算確認" })).toBeVisible();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "メンバーをCSVでダウンロード" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${SAKURA}-members-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const rows = await csvOf(download);
    expect(rows[0]).toEqual(["氏名", "役職", "社内での立場", "製品の習熟度", "最終活動日", "イベント数（90日）", "チャンピオン", "メールアドレス"]);
    const expected = queryDb<{ name: string; email: string }>("SELECT name, email FROM User WHERE accountId = ? ORDER BY name, id", sakuraId());
    expect(rows.slice(1).map((row) => [row[0], row[7]])).toEqual(expected.map((u) => [u.name, u.email]));
    expect(rows.find((row) => row[0] === "田中 遥")?.[6]).toBe("はい");
    await expect(page.getByTestId("members").locator("tbody tr")).toHaveCount(expected.length);

    // The note never reaches a member of the account.
    const aya = await pageAs(browser, "learner");
    await aya.goto("/");
    await expect(aya.getByText("予算確認")).toHaveCount(0);
    await aya.context().close();
  });

  test("the member page shows a person's activity chart, learning and champion status", async ({ page }) => {
    const [haruka] = queryDb<{ id: string }>("SELECT id FROM User WHERE email = 'haruka.tanaka@sakura-commerce.example'");
    await page.goto(`/workspace/members/${haruka!.id}`);
    await expect(page.getByRole("heading", { level: 1, name: /田中 遥/ })).toBeVisible();
    await expect(page.locator('svg[data-chart="line"] circle[data-series="events"]')).toHaveCount(90);
    await expect(page.locator('svg[data-chart="line"] circle[data-series="people"]')).toHaveCount(0);
    await expect(page.getByRole("region", { name: "チャンピオン" })).toContainText(/チャンピオン（\d{4}年度）/);
    await expect(page.getByRole("list", { name: "レベル別の読了記事" }).getByRole("listitem")).toHaveCount(3);
    await page.getByLabel("イベントの種類").selectOption("content.viewed");
    await page.getByRole("button", { name: "表示", exact: true }).click();
    await expect(page).toHaveURL(/type=content\.viewed/);
    const types = await page.getByTestId("timeline").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event-type")));
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(["content.viewed"]));
  });
});

/** Every workspace URL: pages, both exports and a form post. */
function workspaceUrls() {
  const accountId = sakuraId();
  const [member] = queryDb<{ id: string }>("SELECT id FROM User WHERE email = 'aya.ito@sakura-commerce.example'");
  return {
    gets: [
      "/workspace",
      "/workspace?owner=all&stage=L07&renewal=90",
      "/workspace/portfolio.csv?owner=all",
      `/workspace/accounts/${accountId}`,
      `/workspace/accounts/${accountId}/members.csv`,
      `/workspace/members/${member!.id}`,
    ],
    post: `/workspace/accounts/${accountId}`,
  };
}

test.describe("workspace access for members", () => {
  signedInAs("member");

  test("every workspace URL answers 403, and nothing is stored", async ({ page, baseURL }) => {
    const { gets, post } = workspaceUrls();
    const notesBefore = queryDb("SELECT id FROM AccountNote").length;
    for (const url of gets) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(403);
    }
    for (const intent of ["add-note", "recommend-content"]) {
      const response = await page.request.post(post, {
        form: { intent, body: "member note", articleId: "ja/first-30-days", memberIds: "x" },
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      });
      expect(response.status(), intent).toBe(403);
    }
    expect(queryDb("SELECT id FROM AccountNote")).toHaveLength(notesBefore);
  });
});

test.describe("workspace access for visitors", () => {
  test("every workspace URL sends them to sign in", async ({ request, baseURL }) => {
    const { gets, post } = workspaceUrls();
    for (const url of gets) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(302);
      expect(response.headers().location, url).toBe(`/login?${new URLSearchParams({ redirectTo: url })}`);
    }
    const response = await request.post(post, { form: { intent: "add-note", body: "visitor" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toMatch(/^\/login\?redirectTo=/);
  });
});
