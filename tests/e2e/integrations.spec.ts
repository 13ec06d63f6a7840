import { expect, test } from "@playwright/test";
import { hydrated, queryDb, signedInAs } from "./helpers";

test.describe("as an admin", () => {
  signedInAs("admin");

  test("a token is shown once, works for the API, and is refused once revoked", async ({ page, request }) => {
    const name = `E2E連携 ${Date.now()}`;
    await page.goto("/admin");
    await page.getByRole("link", { name: "APIトークン" }).click();
    await hydrated(page);
    await page.getByLabel("名前").fill(name);
    await page.getByLabel("events:write — エンゲージメントイベントの送信").check();
    await page.getByRole("button", { name: "トークンを作成" }).click();
    await expect(page.getByRole("status")).toContainText(`トークン「${name}」を作成しました`);
    const token = await page.getByLabel("新しいトークン").inputValue();
    expect(token).toMatch(/^kzn_/);

    // Shown once: after a reload only its prefix is on the page, and the database has no copy.
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(token.slice(0, 12));
    expect(await page.content()).not.toContain(token);
    expect(queryDb("SELECT id FROM ApiToken WHERE tokenHash = ? OR prefix = ?", token, token)).toHaveLength(0);

    const key = `e2e-${Date.now()}`;
    const events = {
      events: [
        { idempotencyKey: key, type: "product.login", occurredAt: new Date().toISOString(), person: { email: "haruka.tanaka@sakura-commerce.example" } },
        { idempotencyKey: `${key}-bad`, type: "product.login", occurredAt: new Date().toISOString(), person: { email: "nobody@sakura-commerce.example" } },
      ],
    };
    const headers = { Authorization: `Bearer ${token}` };
    const sent = await request.post("/api/v1/events", { headers, data: events });
    expect(sent.status()).toBe(200);
    expect(await sent.json()).toMatchObject({ accepted: 1, duplicates: 0, rejected: 1, results: [{ status: "accepted" }, { status: "rejected", reason: "unknown_person" }] });
    const again = await request.post("/api/v1/events", { headers, data: events });
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(queryDb("SELECT id FROM EngagementEvent WHERE idempotencyKey = ?", `api:${key}`)).toHaveLength(1);
    expect((await request.get("/api/v1/accounts", { headers })).status()).toBe(403);

    await page.getByRole("button", { name: `トークン「${name}」を無効化` }).click();
    await expect(page.getByRole("status")).toContainText("トークンを無効化しました");
    const refused = await request.post("/api/v1/events", { headers, data: { events: [{ ...events.events[0], idempotencyKey: `${key}-late` }] } });
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("unauthorized");
    expect(queryDb("SELECT id FROM EngagementEvent WHERE idempotencyKey = ?", `api:${key}-late`)).toHaveLength(0);
  });

  test("a CSV with one bad row shows the row-level report and changes nothing", async ({ page }) => {
    const stamp = Date.now();
    const csv = ["会社名,ドメイン,プラン,契約席数", `E2E良品株式会社${stamp},e2e-good-${stamp}.example,グロース,20`, `E2E不良株式会社${stamp},e2e-bad-${stamp}.example,プラチナ,多数`, ""].join("\r\n");
    await page.goto("/admin/imports");
    await hydrated(page);
    await page.getByLabel("ファイルの内容").selectOption("accounts");
    await page.getByLabel("CSVファイル").setInputFiles({ name: `accounts-${stamp}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "ファイルをチェック" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toContainText(`accounts-${stamp}.csv`);
    await expect(page.getByRole("alert")).toContainText("2件の問題が見つかりました。何も変更されていません。");
    const report = page.getByRole("table").first();
    await expect(report.getByRole("row")).toHaveCount(3);
    await expect(report.getByRole("row").nth(1)).toContainText("3");
    await expect(report).toContainText("「プラチナ」は次のいずれでもありません");
    await expect(report).toContainText("0以上の整数ではありません");
    await expect(page.getByRole("button", { name: "インポートを適用" })).toHaveCount(0);
    expect(queryDb("SELECT id FROM Account WHERE name LIKE ?", `%${stamp}`)).toHaveLength(0);
    expect(queryDb("SELECT domain FROM AccountDomain WHERE domain LIKE ?", `%-${stamp}.example`)).toHaveLength(0);
  });

  test("a clean CSV is applied, a webhook endpoint is registered and hears a stage override, and duplicates are listed", async ({ page, request }) => {
    const stamp = Date.now();
    await page.goto("/admin/imports");
    await hydrated(page);
    await page.getByLabel("ファイルの内容").selectOption("accounts");
    const csv = `\uFEFF会社名,ドメイン,ステージ\r\nE2E反映株式会社${stamp},e2e-ok-${stamp}.example,L03\r\n`;
    await page.getByLabel("CSVファイル").setInputFiles({ name: "ok.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "ファイルをチェック" }).click();
    await expect(page.getByText("文字コード: UTF-8 (BOM)", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "インポートを適用" }).click();
    // The preview's "ready" line is a status with the same summary: wait for the applied one.
    await expect(page.getByRole("status").filter({ hasText: "インポートを適用しました" }).first()).toContainText("アカウントを1件作成、0件更新");
    expect(queryDb<{ lifecycleStage: string }>("SELECT lifecycleStage FROM Account WHERE name = ?", `E2E反映株式会社${stamp}`)).toEqual([{ lifecycleStage: "L03" }]);

    await page.getByRole("link", { name: "Webhook" }).click();
    await hydrated(page);
    await page.getByLabel("URL").fill(`https://hooks.example/kizuna-${stamp}`);
    await page.getByLabel("stage.changed — アカウントのライフサイクルステージが変わった").check();
    await page.getByRole("button", { name: "エンドポイントを追加" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`https://hooks.example/kizuna-${stamp}`);
    await expect(page.getByLabel("署名用シークレット")).toHaveValue(/^whsec_/);
    await expect(page.getByText("このエンドポイントへの送信はまだありません。")).toBeVisible();

    // Staff move the imported account by hand: the endpoint gets one stage.changed delivery.
    const [imported] = queryDb<{ id: string }>("SELECT id FROM Account WHERE name = ?", `E2E反映株式会社${stamp}`);
    const moved = await request.post(`/workspace/accounts/${imported!.id}`, {
      headers: { Origin: new URL(page.url()).origin },
      form: { intent: "stage-override", stage: "L04", reason: "E2E: キックオフ完了" },
      maxRedirects: 0,
    });
    expect(moved.status()).toBe(302);
    const deliveries = queryDb<{ payload: string }>(
      "SELECT e.payload FROM WebhookDelivery d JOIN WebhookEvent e ON e.id = d.eventId JOIN WebhookEndpoint p ON p.id = d.endpointId WHERE p.url = ? AND e.type = 'stage.changed'",
      `https://hooks.example/kizuna-${stamp}`,
    );
    expect(deliveries.map((d) => JSON.parse(d.payload))).toEqual([
      expect.objectContaining({ accountId: imported!.id, accountName: `E2E反映株式会社${stamp}`, from: "L03", to: "L04", kind: "override", reason: "E2E: キックオフ完了" }),
    ]);

    await page.getByRole("link", { name: "重複の統合" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "重複の統合" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "同一人物の可能性があるメンバー" })).toBeVisible();
  });
});

test.describe("as an admin reading health", () => {
  signedInAs("admin");

  test("an accounts:read token lists accounts with their health, filters by band and explains one score", async ({ page, request }) => {
    const name = `E2E健康 ${Date.now()}`;
    await page.goto("/admin/api-tokens");
    await hydrated(page);
    await page.getByLabel("名前").fill(name);
    await page.getByLabel("accounts:read — アカウントの読み出し").check();
    await page.getByRole("button", { name: "トークンを作成" }).click();
    const token = await page.getByLabel("新しいトークン").inputValue();
    const headers = { Authorization: `Bearer ${token}` };

    const red = await request.get("/api/v1/accounts?band=red&limit=200", { headers });
    expect(red.status()).toBe(200);
    const { data } = (await red.json()) as { data: Array<{ id: string; health: { band: string; score: number } }> };
    const seededRed = queryDb<{ accountId: string }>(
      "SELECT s.accountId FROM HealthSnapshot s WHERE s.day = (SELECT MAX(day) FROM HealthSnapshot WHERE accountId = s.accountId) AND s.band = 'red'",
    );
    expect(data.map((a) => a.id).sort()).toEqual(seededRed.map((r) => r.accountId).sort());
    expect(data.length).toBeGreaterThan(0);
    for (const account of data) expect(account.health).toMatchObject({ band: "red", score: expect.any(Number) });

    const detail = await request.get(`/api/v1/accounts/${data[0]!.id}`, { headers });
    const body = (await detail.json()) as { health: { components: Array<{ key: string; facts: Array<{ text: string }> }> } };
    expect(body.health.components.map((c) => c.key)).toEqual(["adoption", "enablement", "community", "relationship", "momentum"]);
    expect(body.health.components.flatMap((c) => c.facts).length).toBeGreaterThan(0);

    const bad = await request.get("/api/v1/accounts?band=purple", { headers });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.code).toBe("validation_failed");
  });
});

test.describe("as a member", () => {
  signedInAs("member");

  test("the import and token pages are forbidden", async ({ page, request }) => {
    for (const path of ["/admin/imports", "/admin/api-tokens"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "このページへのアクセス権がありません" })).toBeVisible();
    }
    const upload = await request.post("/admin/imports", { headers: { Origin: new URL(page.url()).origin }, multipart: { kind: "accounts", file: { name: "a.csv", mimeType: "text/csv", buffer: Buffer.from("name\nx\n") } } });
    expect(upload.status()).toBe(403);
  });
});
