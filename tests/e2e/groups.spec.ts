import { expect, test, type Page } from "@playwright/test";
import { hydrated, queryDb, signedInAs, signIn, signUpNewMember } from "./helpers";

function groupId(name: string): string {
  const row = queryDb<{ id: string }>("SELECT id FROM StudyGroup WHERE name = ? ORDER BY createdAt DESC LIMIT 1", name)[0];
  if (!row) throw new Error(`no group named ${name}`);
  return row.id;
}

async function proposeGroup(page: Page, name: string, options: { capacityPeople?: string } = {}) {
  await page.goto("/groups/new");
  await hydrated(page);
  await page.getByLabel("分科会の名前").fill(name);
  await page.getByLabel("共通の課題").fill("メールの開封率が下がり続けている");
  await page.getByLabel("説明").fill("毎月1回、各社の**メール施策**を持ち寄ります。");
  await page.getByLabel("レベル").selectOption("beginner");
  await page.getByLabel("定員（人数）").fill(options.capacityPeople ?? "6");
  await page.getByLabel("メール施策").check();
  await page.getByRole("button", { name: "提案を送信" }).click();
}

test("a member proposes a group, staff approve it, and another member joins", async ({ browser }) => {
  const proposerPage = await browser.newPage();
  await signUpNewMember(proposerPage, "sakura-commerce.example", "提案 太郎");
  const name = `メール改善分科会 ${Date.now()}`;
  await proposeGroup(proposerPage, name);
  await expect(proposerPage.getByRole("status")).toContainText("提案を送信しました");
  await expect(proposerPage.getByText("この提案はCSチームの確認待ちです。")).toBeVisible();
  const id = groupId(name);
  expect(queryDb("SELECT state FROM StudyGroup WHERE id = ?", id)).toEqual([{ state: "proposed" }]);

  // Not visible to other members while proposed.
  const other = await browser.newPage();
  await signUpNewMember(other, "hokuto-logi.example", "参加 花子");
  expect((await other.goto(`/groups/${id}`))?.status()).toBe(404);

  const staff = await browser.newPage();
  await signIn(staff, "yuki.mori@kizuna.example");
  await staff.goto("/groups");
  await staff.getByRole("region", { name: /確認待ちの提案/ }).getByRole("link", { name }).click();
  await expect(staff.getByRole("heading", { level: 1, name })).toBeVisible();
  await staff.getByRole("button", { name: "承認して活動を開始" }).click();
  await expect(staff.getByRole("status")).toContainText("分科会を承認しました");
  await expect(staff.getByText("CS担当：森 由紀")).toBeVisible();

  await other.goto(`/groups/${id}`);
  await hydrated(other);
  await other.getByRole("button", { name: "この分科会に参加する" }).click();
  await expect(other.getByRole("status")).toContainText("参加しました");
  await expect(other.getByRole("region", { name: /メンバー（2人）/ })).toContainText("提案 太郎");
  await expect(other.getByText("この分科会のメンバーです。")).toBeVisible();
  const events = queryDb<{ type: string }>("SELECT type FROM EngagementEvent WHERE subjectType = 'group' AND subjectId = ?", id);
  expect(events.map((e) => e.type)).toContain("group.joined");
  for (const page of [proposerPage, other, staff]) await page.close();
});

test("a full group puts the next member on the wait list and seats them when someone leaves", async ({ browser }) => {
  const id = groupId("データ整備もくもく会");
  const waiting = await browser.newPage();
  const email = await signUpNewMember(waiting, "sakura-commerce.example", "待機 次郎");
  await waiting.goto(`/groups/${id}`);
  await hydrated(waiting);
  await waiting.getByRole("button", { name: "この分科会に参加する" }).click();
  await expect(waiting.getByRole("status")).toContainText("キャンセル待ちに登録しました");
  await expect(waiting.getByText("キャンセル待ち1番目です。")).toBeVisible();

  const leaving = await browser.newPage();
  await signIn(leaving, "saki.yamada@shinonome-foods.example");
  await leaving.goto(`/groups/${id}`);
  await hydrated(leaving);
  await leaving.getByRole("button", { name: "分科会を退会する" }).click();
  await expect(leaving.getByRole("status")).toContainText("退会しました");

  await waiting.reload();
  await expect(waiting.getByText("この分科会のメンバーです。")).toBeVisible();
  expect(
    queryDb("SELECT m.status FROM GroupMembership m JOIN User u ON u.id = m.userId WHERE m.groupId = ? AND u.email = ?", id, email),
  ).toEqual([{ status: "active" }]);
  await waiting.close();
  await leaving.close();
});

test.describe("as a member", () => {
  signedInAs("learner");

  test("capacity must be a positive number; nothing is stored otherwise", async ({ page }) => {
    const name = `定員テスト ${Date.now()}`;
    await proposeGroup(page, name, { capacityPeople: "0" });
    await expect(page.getByText("1以上、上限以下の整数を入力してください。")).toBeVisible();
    await page.getByLabel("定員（人数）").fill("-3");
    await page.getByRole("button", { name: "提案を送信" }).click();
    await expect(page.getByText("1以上、上限以下の整数を入力してください。")).toBeVisible();
    expect(queryDb("SELECT id FROM StudyGroup WHERE name = ?", name)).toHaveLength(0);
  });

  test("a group still waiting for approval cannot be seen or joined by other members", async ({ page, baseURL }) => {
    const id = groupId("ウェビナー運営分科会");
    const response = await page.request.post(`/groups/${id}?index`, { form: { intent: "join" }, headers: { Origin: baseURL! } });
    expect(response.status()).toBe(404);
    expect(queryDb("SELECT m.id FROM GroupMembership m JOIN User u ON u.id = m.userId WHERE m.groupId = ? AND u.email = 'aya.ito@sakura-commerce.example'", id)).toHaveLength(0);
  });
});

test("staff archive a group; joining it is refused; staff recommend another group and the member accepts", async ({ browser, baseURL }) => {
  const staff = await browser.newPage();
  await signIn(staff, "yuki.mori@kizuna.example");
  const name = `Archive me ${Date.now()}`;
  await staff.goto("/groups/new");
  await hydrated(staff);
  await staff.getByLabel("分科会の名前").fill(name);
  await staff.getByLabel("共通の課題").fill("Testing the archive");
  await staff.getByLabel("説明").fill("Short-lived.");
  await staff.getByLabel("データ管理").check();
  await staff.getByRole("button", { name: "分科会を作成する" }).click();
  await expect(staff.getByRole("status")).toContainText("分科会を作成しました");
  await staff.getByRole("button", { name: "アーカイブする" }).click();
  await expect(staff.getByRole("status")).toContainText("アーカイブしました");
  const archived = groupId(name);

  const member = await browser.newPage();
  const email = await signUpNewMember(member, "hikari-soft.example", "推薦 受取");
  await member.goto(`/groups/${archived}`);
  await expect(member.getByText("この分科会は参加を受け付けていません。")).toBeVisible();
  const refused = await member.request.post(`/groups/${archived}?index`, { form: { intent: "join" }, headers: { Origin: baseURL! } });
  expect(refused.status()).toBe(409);
  expect(queryDb("SELECT id FROM GroupMembership WHERE groupId = ?", archived)).toHaveLength(0);

  const target = groupId("はじめてのHibiki分科会");
  await staff.goto(`/groups/${target}`);
  await hydrated(staff);
  await staff.getByLabel("メンバーにおすすめする（メールアドレス）").fill(email);
  await staff.getByLabel(/ひとこと/).fill("最初の30日の悩みを話せる場です");
  await staff.getByRole("button", { name: "おすすめを送る" }).click();
  await expect(staff.getByRole("status")).toContainText("おすすめを送りました");

  await member.goto("/groups");
  const recs = member.getByRole("region", { name: "CSチームからのおすすめ" });
  await expect(recs).toContainText("最初の30日の悩みを話せる場です");
  await recs.getByRole("button", { name: "参加する" }).click();
  await expect(member.getByRole("status")).toContainText("参加しました");
  await expect(member.getByRole("heading", { level: 1, name: "はじめてのHibiki分科会" })).toBeVisible();
  await staff.close();
  await member.close();
});

test("a visitor can browse groups and is asked to sign in to join", async ({ page }) => {
  await page.goto("/groups");
  await expect(page.getByRole("heading", { level: 1, name: "分科会" })).toBeVisible();
  await page.getByRole("link", { name: "スコアリング実践分科会" }).first().click();
  await expect(page.getByRole("link", { name: "ログインして参加する" })).toBeVisible();
  await expect(page.getByRole("link", { name: "掲示板" })).toHaveCount(0);
});
