// Staff Q&A pages and notifications in the browser: a member's report reaches the reports page and
// staff hide the answer; staff assign a queued question; members are kept out; the header bell
// and the notifications list; and turning off in-app notifications on the profile.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { hydrated, queryDb, signUpNewMember, storageStatePath, type SIGNED_IN_AS } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function pageAs(browser: Browser, who: keyof typeof SIGNED_IN_AS): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(who) });
  return context.newPage();
}

async function freshMember(browser: Browser): Promise<{ page: Page; email: string; id: string }> {
  const page = await (await browser.newContext()).newPage();
  const email = await signUpNewMember(page, "sakura-commerce.example", "質問 する子");
  const id = queryDb<{ id: string }>("SELECT id FROM User WHERE email = ?", email)[0]!.id;
  return { page, email, id };
}

async function ask(page: Page, title: string): Promise<string> {
  await page.goto("/questions/new");
  await hydrated(page);
  await page.getByLabel("タイトル", { exact: true }).fill(title);
  await page.getByLabel("詳しい内容", { exact: true }).fill("管理画面のどこから設定できるか教えてください。");
  await page.getByRole("button", { name: "質問を投稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return queryDb<{ id: string }>("SELECT id FROM Question WHERE title = ?", title)[0]!.id;
}

async function answer(page: Page, questionId: string, body: string): Promise<string> {
  await page.goto(`/questions/${questionId}`);
  await hydrated(page);
  await page.getByLabel("回答内容", { exact: true }).fill(body);
  await page.getByRole("button", { name: "回答を投稿" }).click();
  await expect(page.getByRole("status")).toContainText("回答を投稿しました");
  return queryDb<{ id: string }>("SELECT id FROM Answer WHERE questionId = ? AND body = ?", questionId, body)[0]!.id;
}

const bell = (page: Page) => page.getByRole("link", { name: /^通知/ });

test("a member reports an answer; staff hide it from the reports page; members no longer see it", async ({ browser }) => {
  const title = `レポートの共有方法について ${unique()}`;
  const asker = await freshMember(browser);
  const questionId = await ask(asker.page, title);
  const answerer = await pageAs(browser, "member");
  const answerText = `今すぐこちらのサイトで無料登録を ${unique()}`;
  const answerId = await answer(answerer, questionId, answerText);

  // The asker reports the answer.
  await asker.page.goto(`/questions/${questionId}`);
  await hydrated(asker.page);
  const reported = asker.page.locator(`#answer-${answerId}`);
  await reported.getByText("報告", { exact: true }).click();
  await reported.getByLabel("スタッフに確認してほしい理由").fill("質問と関係のない宣伝です");
  await reported.getByRole("button", { name: "報告を送る" }).click();
  await expect(asker.page.getByRole("status")).toContainText("ご報告ありがとうございます");

  // Staff see it on the reports page, with the reason, the reporter and a link to the answer.
  const staff = await pageAs(browser, "cs");
  await staff.goto("/questions/reports");
  await hydrated(staff);
  const card = staff.getByRole("article", { name: `「${title}」への回答` });
  await expect(card).toContainText("質問と関係のない宣伝です");
  await expect(card).toContainText("報告者: 質問 する子");
  await expect(card).toContainText(answerText);
  await expect(card.getByRole("link", { name: "投稿を開く" })).toHaveAttribute("href", `/questions/${questionId}#answer-${answerId}`);
  await card.getByRole("button", { name: "非表示にする" }).click();
  await expect(staff.getByRole("status")).toContainText("投稿を非表示にし、報告を対応済みにしました。");
  await expect(card).toHaveCount(0);

  expect(queryDb<{ hiddenAt: number | null }>("SELECT hiddenAt FROM Answer WHERE id = ?", answerId)[0]!.hiddenAt).not.toBeNull();
  expect(queryDb<{ resolution: string }>("SELECT resolution FROM Report WHERE targetId = ?", answerId)).toEqual([{ resolution: "hidden" }]);

  // Members no longer see the answer; staff still do, marked.
  await asker.page.goto(`/questions/${questionId}`);
  await expect(asker.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(asker.page.locator(`#answer-${answerId}`)).toHaveCount(0);
  await expect(asker.page.getByText(answerText)).toHaveCount(0);
  await staff.goto(`/questions/${questionId}`);
  await expect(staff.locator(`#answer-${answerId}`)).toContainText("メンバーには非表示");
});

test("staff find a waiting question in the queue and assign it to a colleague", async ({ browser }) => {
  const title = `ダッシュボードの権限設定について ${unique()}`;
  const member = await pageAs(browser, "member");
  const questionId = await ask(member, title);

  // Oldest first, 30 a page: this question's page is how many wait before it, inclusive.
  const position = queryDb<{ n: number }>(
    "SELECT COUNT(*) AS n FROM Question WHERE state = 'open' AND answerCount = 0 AND createdAt <= (SELECT createdAt FROM Question WHERE id = ?)",
    questionId,
  )[0]!.n;

  const staff = await pageAs(browser, "cs");
  await staff.goto("/workspace");
  await staff.getByRole("link", { name: "Q&Aキュー" }).click();
  await expect(staff.getByRole("heading", { level: 1, name: "Q&Aキュー" })).toBeVisible();
  await staff.goto(`/questions/queue?page=${Math.ceil(position / 30)}`);
  await hydrated(staff);
  const row = staff.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("田中 遥");
  await expect(row).toContainText(/\d+分前/);
  const accountId = queryDb<{ accountId: string }>("SELECT accountId FROM User WHERE email = 'haruka.tanaka@sakura-commerce.example'")[0]!.accountId;
  await expect(row.getByRole("link", { name: "株式会社さくらコマース" })).toHaveAttribute("href", `/workspace/accounts/${accountId}`);

  const assignee = row.getByLabel(`「${title}」の担当者`);
  await expect(assignee).toHaveValue("unassigned");
  await assignee.selectOption({ label: "森 由紀" });
  await row.getByRole("button", { name: "割り当て" }).click();
  await expect(staff.getByRole("status")).toContainText("担当者を更新しました。");

  const colleague = queryDb<{ id: string }>("SELECT id FROM User WHERE email = 'yuki.mori@kizuna.example'")[0]!.id;
  expect(queryDb<{ assigneeId: string }>("SELECT assigneeId FROM Question WHERE id = ?", questionId)[0]!.assigneeId).toBe(colleague);
  await expect(staff.getByRole("row").filter({ hasText: title }).getByLabel(`「${title}」の担当者`)).toHaveValue(colleague);
});

test.describe("members", () => {
  test.use({ storageState: storageStatePath("member") });
  test("get 403 on the staff Q&A pages and see no links to them", async ({ page }) => {
    for (const path of ["/questions/queue", "/questions/reports"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "このページへのアクセス権がありません" })).toBeVisible();
    }
    const post = await page.request.post("/questions/reports", { form: { intent: "dismiss", targetType: "answer", targetId: "x" }, headers: { Origin: new URL(page.url()).origin } });
    expect(post.status()).toBe(403);
    await page.goto("/questions");
    await expect(page.getByRole("link", { name: "Q&Aキュー" })).toHaveCount(0);
  });
});

test("the bell counts unread notifications; opening one marks it read; mark all as read", async ({ browser }) => {
  const title = `メール配信の停止方法について ${unique()}`;
  const asker = await freshMember(browser);
  await expect(bell(asker.page)).toHaveAccessibleName("通知");
  const questionId = await ask(asker.page, title);

  const answerId = await answer(await pageAs(browser, "member"), questionId, `配信設定から停止できます ${unique()}`);
  await answer(await pageAs(browser, "cs"), questionId, `スタッフからの補足です ${unique()}`);

  await asker.page.goto("/");
  await expect(bell(asker.page)).toHaveAccessibleName("通知（未読 2 件）");
  await expect(bell(asker.page)).toContainText("2");
  await bell(asker.page).click();
  await expect(asker.page.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
  const items = asker.page.locator(".notification");
  await expect(items).toHaveCount(2);
  await expect(asker.page.locator(".notification--unread")).toHaveCount(2);
  // Newest first, in the reader's language.
  await expect(items.nth(0)).toContainText(`佐藤 美咲さんがあなたの質問「${title}」に回答しました`);
  await expect(items.nth(1)).toContainText(`田中 遥さんがあなたの質問「${title}」に回答しました`);

  await hydrated(asker.page);
  await items.nth(1).getByRole("button").click();
  await expect(asker.page).toHaveURL(new RegExp(`/questions/${questionId}#answer-${answerId}$`));
  await expect(bell(asker.page)).toHaveAccessibleName("通知（未読 1 件）");

  await bell(asker.page).click();
  await expect(asker.page.locator(".notification--unread")).toHaveCount(1);
  await expect(asker.page.locator(".notification--unread")).toContainText("佐藤 美咲さん");
  await asker.page.getByRole("button", { name: "すべて既読にする" }).click();
  await expect(asker.page.getByRole("status")).toContainText("すべての通知を既読にしました。");
  await expect(asker.page.locator(".notification--unread")).toHaveCount(0);
  await expect(bell(asker.page)).toHaveAccessibleName("通知");
  expect(queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM Notification WHERE userId = ? AND readAt IS NULL", asker.id)[0]!.n).toBe(0);
});

test("turning off in-app notifications for answers on the profile stops new rows", async ({ browser }) => {
  const asker = await freshMember(browser);
  await asker.page.goto("/profile");
  await hydrated(asker.page);
  const answered = asker.page.getByRole("group", { name: "自分の質問に回答がついたとき" });
  await expect(answered.getByLabel("アプリ内")).toBeChecked();
  await answered.getByLabel("アプリ内").uncheck();
  await asker.page.getByRole("button", { name: "通知設定を更新" }).click();
  await expect(asker.page.getByRole("status")).toContainText("通知設定を更新しました。");
  await expect(asker.page.getByRole("group", { name: "自分の質問に回答がついたとき" }).getByLabel("アプリ内")).not.toBeChecked();
  await expect(asker.page.getByRole("group", { name: "自分の回答がベストアンサーに選ばれたとき" }).getByLabel("アプリ内")).toBeChecked();
  expect(queryDb("SELECT type, inApp, email FROM NotificationPreference WHERE userId = ? AND type LIKE 'qa.%' ORDER BY type", asker.id)).toEqual([
    { type: "qa.accepted", inApp: 1, email: 1 },
    { type: "qa.answered", inApp: 0, email: 1 },
  ]);

  const title = `フォームの項目を増やしたい ${unique()}`;
  const questionId = await ask(asker.page, title);
  await answer(await pageAs(browser, "member"), questionId, `フォーム設定から追加できます ${unique()}`);

  expect(queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM Notification WHERE userId = ?", asker.id)[0]!.n).toBe(0);
  // Email stayed on, so it still went out.
  const emails = queryDb<{ subject: string }>("SELECT subject FROM OutboxEmail WHERE \"to\" = ? AND subject LIKE ?", asker.email, `%${title}%`);
  expect(emails).toHaveLength(1);
  await asker.page.goto("/");
  await expect(bell(asker.page)).toHaveAccessibleName("通知");
});
