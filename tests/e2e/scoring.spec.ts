import { expect, test } from "@playwright/test";
import { hydrated, queryDb, signedInAs } from "./helpers";

test.describe("as an admin", () => {
  signedInAs("admin");

  test("an admin changes the health model: a bad sum is refused, a good one saved as a new version", async ({ page }) => {
    await page.goto("/admin/health-model");
    await hydrated(page);
    await expect(page.getByRole("heading", { level: 1, name: "ヘルスモデル" })).toBeVisible();
    await expect(page.getByText("適用中：標準設定（まだ保存されていません）")).toBeVisible();
    const weights = page.getByRole("group", { name: "項目の重み" });

    // 35 + 20 + 15 + 20 + 15 = 105: the form says so while typing, and the server refuses it.
    await weights.getByLabel("製品の活用").fill("35");
    await expect(weights.getByText("合計：105／100")).toBeVisible();
    await page.getByRole("button", { name: "新しいバージョンとして保存" }).click();
    await expect(weights.getByRole("alert")).toHaveText("重みの合計は100にしてください。現在の合計は 105 です。");
    expect(queryDb("SELECT version FROM HealthModelVersion")).toHaveLength(0);

    await page.getByRole("group", { name: "項目の重み" }).getByLabel("勢い").fill("10");
    await page.getByLabel("変更内容と理由").fill("活用度を重視");
    await page.getByRole("button", { name: "新しいバージョンとして保存" }).click();
    await expect(page.getByRole("status")).toContainText("バージョン 1 として保存しました。");
    await expect(page.getByText("適用中：バージョン 1")).toBeVisible();
    const history = page.getByRole("region", { name: "バージョン履歴" });
    await expect(history.getByRole("row", { name: /35 \/ 20 \/ 15 \/ 20 \/ 10/ })).toContainText("活用度を重視");
    const [saved] = queryDb<{ version: number; config: string }>("SELECT version, config FROM HealthModelVersion");
    expect(saved!.version).toBe(1);
    expect(JSON.parse(saved!.config).weights).toEqual({ adoption: 35, enablement: 20, community: 15, relationship: 20, momentum: 10 });
  });
});

test.describe("as a member", () => {
  signedInAs("member");

  test("members get 403 on the health model and lifecycle pages", async ({ page }) => {
    for (const path of ["/admin/health-model", "/admin/lifecycle"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
    }
  });
});

test.describe("as CS staff", () => {
  signedInAs("cs");

  test("CS staff read why an account is red and acknowledge, then resolve, its alert", async ({ page }) => {
    // The demo seed makes つばめデザイン go quiet: it is red and has open alerts.
    const [account] = queryDb<{ id: string }>("SELECT accountId AS id FROM AccountDomain WHERE domain = 'tsubame-design.example'");
    const [alert] = queryDb<{ id: string }>("SELECT id FROM HealthAlert WHERE accountId = ? AND status = 'open' ORDER BY createdAt LIMIT 1", account!.id);
    expect(alert).toBeDefined();

    await page.goto(`/workspace/accounts/${account!.id}`);
    await hydrated(page);
    const health = page.getByRole("region", { name: "ヘルス" });
    await expect(health.getByText("要対応")).toBeVisible();
    await health.getByText("このスコアの理由").click();
    await expect(health.getByRole("columnheader", { name: "寄与" })).toBeVisible();
    await expect(health.getByText("契約 5 席", { exact: false })).toBeVisible();

    const card = page.locator("article", { has: page.locator(`#alert-${alert!.id}-title`) });
    await expect(card.getByText("次のアクション")).toBeVisible();
    await card.getByLabel("メモ").fill("来週、利用状況の振り返りを打診します");
    await card.getByRole("button", { name: "確認済みにする" }).click();
    await expect(page.getByRole("status")).toContainText("アラートを確認済みにしました。");
    await expect(card.getByText("確認済み", { exact: true })).toBeVisible();
    await expect(card.getByText("来週、利用状況の振り返りを打診します", { exact: false })).toBeVisible();

    // Resolving needs a note.
    await card.getByRole("button", { name: "解決する" }).click();
    await expect(card.getByRole("alert")).toHaveText("解決する前に、対応した内容を入力してください。");
    expect(queryDb<{ status: string }>("SELECT status FROM HealthAlert WHERE id = ?", alert!.id)[0]!.status).toBe("acknowledged");

    await card.getByLabel("メモ").fill("担当者と面談し、活用支援の計画に合意");
    await card.getByRole("button", { name: "解決する" }).click();
    await expect(page.getByRole("status")).toContainText("アラートを解決しました。");
    await expect(page.locator(`#alert-${alert!.id}-title`)).toHaveCount(0);
    await expect(page.getByText("担当者と面談し、活用支援の計画に合意", { exact: false })).toBeVisible();
    expect(queryDb<{ status: string; openKey: string | null }>("SELECT status, openKey FROM HealthAlert WHERE id = ?", alert!.id)[0]).toEqual({ status: "resolved", openKey: null });
  });
});
