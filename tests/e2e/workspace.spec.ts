import fs from "node:fs";
import { expect, test, type Browser, type Download, type Page } from "@playwright/test";
import { parseCsv } from "../../app/utils/csv";
import { hydrated, queryDb, signedInAs, signIn, storageStatePath, type SIGNED_IN_AS } from "./helpers";

const SAKURA = "株式会社さくらコマース";
/** Seeded red, renewing in 20 days, owned by misaki, with an open "band dropped" alert (scripts/lib/seed-scoring.ts). */
const SHINONOME = "東雲フーズ株式会社";
const FIRST_30_DAYS = "Hibiki導入後の最初の30日：優先順位、後回しでよいこと、最初の小さな成功";

async function pageAs(browser: Browser, who: keyof typeof SIGNED_IN_AS): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(who) });
  return context.newPage();
}

async function csvOf(download: Download): Promise<string[][]> {
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text.charCodeAt(0), "starts with a byte-order mark").toBe(0xfeff);
  return parseCsv(text).map((record) => record.fields);
}

/** Days with a health snapshot in the 90 days the charts cover (after today minus 90, up to today). */
function snapshotDays(accountId: string): number {
  const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
  const stored = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
  return queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM HealthSnapshot WHERE accountId = ? AND day > ? AND day <= ?", accountId, stored(today - 90 * 86_400_000), stored(today))[0]!.n;
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

// One journey in three steps that run in order (each needs the one before).
test.describe("CS journey: a red account renewing soon", () => {
  test.describe.configure({ mode: "serial" });
  signedInAs("cs");
  const shinonomeId = () => queryDb<{ id: string }>("SELECT accountId AS id FROM AccountDomain WHERE domain = 'shinonome-foods.example'")[0]!.id;

  test("filters to red renewals, sees why the score is low and recommends the onboarding article to two people", async ({ page }) => {
    test.slow();
    const shinonome = shinonomeId();

    // 1. The portfolio, filtered to my red accounts renewing within 90 days.
    await page.goto("/workspace");
    await hydrated(page);
    await page.getByLabel("ヘルス帯").selectOption({ label: "要対応" });
    await page.getByLabel("契約更新").selectOption({ label: "90日以内" });
    await page.getByRole("button", { name: "絞り込む" }).click();
    await expect(page).toHaveURL(/band=red/);
    await expect(page).toHaveURL(/renewal=90/);
    const table = page.getByTestId("portfolio");
    await expect(table.locator("tbody th")).toHaveText([SHINONOME]);
    // The row's sparkline has one point per day of the last 90 days with a score.
    const trendDays = snapshotDays(shinonome);
    expect(trendDays).toBeGreaterThan(30);
    await expect(table.locator('svg[data-chart="sparkline"]')).toHaveAttribute("data-points", String(trendDays));

    // The export holds exactly what is on screen.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSVをダウンロード" }).click()]);
    const rows = await csvOf(download);
    expect(rows[0]!.slice(0, 3)).toEqual(["アカウント", "ヘルススコア", "ヘルス帯"]);
    expect(rows.slice(1).map((row) => [row[0], row[2], row[13]])).toEqual([[SHINONOME, "要対応", "佐藤 美咲"]]);

    // 2. The account: why the score is low.
    await table.getByRole("link", { name: SHINONOME }).click();
    await expect(page.getByRole("heading", { level: 1, name: SHINONOME })).toBeVisible();
    await hydrated(page);
    const health = page.getByRole("region", { name: "ヘルス", exact: true });
    await expect(health).toContainText("要対応");
    await health.getByText("このスコアの理由").click();
    await expect(health.getByText("直近30日のアクティブユーザー数と契約席数の比（70%）と、主要機能の利用（30%）。")).toBeVisible();
    await expect(health.getByText(/1日平均 [\d.]+ 人が利用（契約 8 席の \d+%）。/)).toBeVisible();
    // The health trend draws one overall point per snapshot day.
    await expect(page.getByTestId("health-trend").locator('svg[data-chart="line"] circle[data-series="overall"]')).toHaveCount(trendDays);

    // 3. Recommend the onboarding article to both people at the account.
    const recommend = page.getByRole("region", { name: "コンテンツをおすすめする" });
    await recommend.getByLabel("記事").selectOption("ja/first-30-days");
    await recommend.getByRole("checkbox", { name: /山田 咲/ }).check();
    await recommend.getByRole("checkbox", { name: /小川 航太/ }).check();
    await recommend.getByRole("button", { name: "おすすめを送る" }).click();
    await expect(page.getByRole("status")).toContainText("2人におすすめを送りました。");
    expect(
      queryDb("SELECT id FROM EngagementEvent WHERE type = 'cs.recommended' AND accountId = ? AND subjectId = 'ja/first-30-days'", shinonome),
    ).toHaveLength(2);
  });

  test("one of the two signs in and finds the recommendation in their portal", async ({ browser }) => {
    // A context of its own, without the describe's staff session.
    const kota = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    await signIn(kota, "kota.ogawa@shinonome-foods.example");
    await kota.goto("/");
    const fromCs = kota.getByRole("region", { name: "CS担当からのおすすめ" });
    await expect(fromCs).toContainText(FIRST_30_DAYS);
    await expect(fromCs).toContainText("佐藤 美咲より");
    await kota.context().close();
  });

  test("staff resolve the account's alert with a note in the inbox, and it leaves the open list", async ({ page }) => {
    const shinonome = shinonomeId();
    await page.goto("/workspace/alerts");
    await hydrated(page);
    const card = page.getByTestId("alerts-inbox").getByRole("listitem").filter({ has: page.getByRole("heading", { name: `${SHINONOME}: 区分の悪化` }) });
    await expect(card).toHaveCount(1);
    await card.getByLabel("メモ").fill("更新前の利用状況レビューを予約し、オンボーディング記事を2人に送付");
    await card.getByRole("button", { name: "解決する" }).click();
    await expect(page.getByRole("status")).toContainText("アラートを解決しました。");
    await expect(card).toHaveCount(0);
    expect(
      queryDb<{ status: string; resolutionNote: string }>("SELECT status, resolutionNote FROM HealthAlert WHERE accountId = ? AND rule = 'band_dropped'", shinonome),
    ).toEqual([{ status: "resolved", resolutionNote: "更新前の利用状況レビューを予約し、オンボーディング記事を2人に送付" }]);
  });
});

test.describe("outcome report and champion pipeline", () => {
  signedInAs("cs");

  test("the outcome report draws both funnels and switches cohort and period through links", async ({ page }) => {
    await page.goto("/workspace");
    await page.getByRole("link", { name: "成果レポート" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "成果レポート" })).toBeVisible();
    const funnels = page.locator('svg[data-chart="funnel"]');
    await expect(funnels).toHaveCount(2);
    for (const funnel of await funnels.all()) {
      const stages = funnel.locator("g[data-stage]");
      await expect(stages).toHaveCount(4);
      const values = (await stages.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute("data-value")))));
      // Each step counts only accounts that reached the step before.
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
    await expect(page.getByTestId("outcome-inCohort").getByRole("heading")).toContainText("チャンピオンのいるアカウント");
    // Both sides together are every account.
    const accounts = queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM Account")[0]!.n;
    const sideCount = async (side: string) => Number((await page.getByTestId(side).getByRole("heading").textContent())!.match(/（(\d+)社）/)![1]);
    expect((await sideCount("outcome-inCohort")) + (await sideCount("outcome-others"))).toBe(accounts);
    await expect(page.getByText("各段階で数えているもの")).toBeVisible();

    await page.getByRole("link", { name: "分科会に参加しているアカウント" }).click();
    await expect(page).toHaveURL(/cohort=studyGroup/);
    await page.getByRole("link", { name: "直近30日" }).click();
    await expect(page).toHaveURL(/cohort=studyGroup&period=30/);
    await expect(page.getByRole("link", { name: "直近30日" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByTestId("outcome-inCohort").getByRole("heading")).toContainText("分科会に参加しているアカウント");

    const bad = await page.request.get("/workspace/outcomes?cohort=vip");
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toContain("「vip」というグループはありません。");
    expect((await page.request.get("/workspace/outcomes?period=45")).status()).toBe(400);
  });

  test("the pipeline widget counts nominations by state and links into the champion program", async ({ page }) => {
    const pipeline = page.getByRole("region", { name: "チャンピオンの状況" });
    const [{ cohortYear }] = queryDb<{ cohortYear: number }>("SELECT cohortYear FROM ChampionProgram") as [{ cohortYear: number }];
    const count = (where: string) => queryDb<{ n: number }>(`SELECT COUNT(*) AS n FROM ChampionNomination WHERE ${where}`)[0]!.n;
    const shown = (state: string) => pipeline.locator(`[data-state="${state}"] .pipeline__number`).innerText();
    // The champion spec may change nominations in the other worker between the page's load and
    // the database read: load and read again until one page and one read agree.
    await expect(async () => {
      await page.goto("/workspace");
      expect(await shown("submitted")).toBe(String(count("state = 'submitted'")));
      expect(await shown("in_review")).toBe(String(count("state = 'in_review'")));
      expect(await shown("approved")).toBe(String(count(`state = 'approved' AND cohort = ${cohortYear}`)));
      expect(await shown("declined")).toBe(String(count(`state = 'declined' AND cohort = ${cohortYear}`)));
      const watches = queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM AccountChampionWatch WHERE resolvedAt IS NULL")[0]!.n;
      if (watches === 0) await expect(pipeline).toContainText("いまフォローが必要なチャンピオンはいません。", { timeout: 1_000 });
      else expect(await pipeline.getByTestId("champion-watches").getByRole("listitem").count()).toBe(Math.min(watches, 5) + (watches > 5 ? 1 : 0));
    }).toPass({ timeout: 30_000 });

    await pipeline.locator('[data-state="in_review"]').click();
    await expect(page).toHaveURL(/\/champions\/nominations\?state=in_review$/);
    await expect(page.getByLabel("状態")).toHaveValue("in_review");
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
      "/workspace/alerts",
      "/workspace/outcomes",
      "/workspace/outcomes?cohort=studyGroup&period=30",
      // Even a malformed report URL: who is asking comes first.
      "/workspace/outcomes?cohort=vip",
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
    const [alert] = queryDb<{ id: string }>("SELECT id FROM HealthAlert WHERE status != 'resolved' LIMIT 1");
    const resolve = await page.request.post("/workspace/alerts", {
      form: { intent: "alert-resolve", alertId: alert!.id, note: "member" },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(resolve.status()).toBe(403);
    expect(queryDb("SELECT id FROM HealthAlert WHERE id = ? AND status != 'resolved'", alert!.id)).toHaveLength(1);
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
