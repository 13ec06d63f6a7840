// The champion program in the browser: CS staff nominate a top candidate with evidence, an admin
// reviews and approves, and the new champion's badge shows on their Q&A answers and (once they
// opt in) in the public directory; members are kept out of the staff pages; a declined
// nomination tells the nominator why; and bad input is refused with nothing stored.
// The tests share the program settings (one closes the nomination window), so they run in order.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { hydrated, queryDb, signIn, storageStatePath, type SIGNED_IN_AS } from "./helpers";

test.describe.configure({ mode: "serial" });

/** Has Q&A answers (one accepted) in the demo data and is not a champion yet. */
const NOMINEE = { email: "shun.fujita@iroha-pub.example", name: "藤田 駿" };
const DECLINED = { email: "mio.okada@iroha-pub.example", name: "岡田 美緒" };
const UNSTORED = { email: "kana.ishikawa@yamabiko-re.example", name: "石川 佳奈" };
const CRITERIA = ["コミュニティへの貢献と影響力", "ビジネス成果", "製品の習熟"];

async function pageAs(browser: Browser, who: keyof typeof SIGNED_IN_AS): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(who) });
  return context.newPage();
}

const userId = (email: string) => queryDb<{ id: string }>("SELECT id FROM User WHERE email = ?", email)[0]!.id;
const nominationsOf = (email: string) =>
  queryDb<{ id: string; state: string; decisionReason: string | null }>(
    "SELECT n.id, n.state, n.decisionReason FROM ChampionNomination n JOIN User u ON u.id = n.nomineeId WHERE u.email = ?",
    email,
  );

async function fillEvidence(page: Page, skip: string[] = []) {
  for (const name of CRITERIA) {
    if (skip.includes(name)) continue;
    await page.getByLabel(`根拠: ${name}`, { exact: true }).fill(`${name}について：Q&Aで毎週回答し、社内外で事例を共有しています。`);
  }
}

/** An admin scores every criterion 4 and records the decision. */
async function reviewAndDecide(admin: Page, nominationPath: string, decision: "approve" | "decline", reason = "") {
  await admin.goto(nominationPath);
  await hydrated(admin);
  for (const name of CRITERIA) await admin.getByRole("group", { name }).getByRole("radio").nth(3).check();
  await admin.getByLabel("コメント", { exact: true }).fill("根拠が具体的で、活動記録とも一致しています。");
  await admin.getByRole("button", { name: "審査を保存" }).click();
  await expect(admin.getByRole("status")).toContainText("審査を保存しました。");
  await expect(admin.locator(".champion-rubric tfoot")).toContainText("12 / 15");
  await hydrated(admin);
  await admin.getByLabel(decision === "approve" ? "承認：この年期のチャンピオンにする" : "見送り").check();
  if (reason) await admin.getByLabel("理由", { exact: true }).fill(reason);
  await admin.getByRole("button", { name: "決定を記録" }).click();
}

test("CS staff nominate a candidate, an admin approves, and the badge shows on their answers and in the directory", async ({ browser }) => {
  // Four people's sessions in one journey: more than the default 45 s on a busy 2-core machine.
  test.setTimeout(120_000);
  const cs = await pageAs(browser, "cs");
  await cs.goto("/champions/candidates");
  await expect(cs.getByRole("heading", { level: 1, name: "候補者" })).toBeVisible();
  const candidate = cs.getByRole("listitem").filter({ has: cs.getByRole("heading", { name: NOMINEE.name }) });
  await expect(candidate).toContainText("回答");
  await candidate.getByRole("link", { name: `${NOMINEE.name}さんを推薦する` }).click();

  await expect(cs.getByRole("heading", { level: 1, name: "チャンピオンを推薦" })).toBeVisible();
  await expect(cs.getByText(NOMINEE.name, { exact: true })).toBeVisible();
  await expect(cs.getByRole("heading", { name: "推薦された人の活動記録" })).toBeVisible();
  await hydrated(cs);
  await fillEvidence(cs);
  await cs.getByLabel(`${CRITERIA[0]}の参考リンク（任意）`).fill("https://kizuna.example/questions");
  await cs.getByRole("button", { name: "推薦を送信" }).click();
  await expect(cs.getByRole("status")).toContainText("推薦を送信しました。");
  await expect(cs.getByRole("heading", { level: 1, name: `${NOMINEE.name}さんの推薦` })).toBeVisible();
  await expect(cs.getByText("推薦済み", { exact: true })).toBeVisible();
  const nominationPath = new URL(cs.url()).pathname;
  const [stored] = nominationsOf(NOMINEE.email);
  expect(stored).toMatchObject({ state: "submitted" });
  const snapshot = JSON.parse(queryDb<{ snapshot: string }>("SELECT snapshot FROM ChampionNomination WHERE id = ?", stored!.id)[0]!.snapshot);
  expect(snapshot.qa.answers).toBeGreaterThan(0);
  expect(snapshot.qa.acceptedAnswers).toBeGreaterThan(0);

  const admin = await pageAs(browser, "admin");
  await admin.goto("/champions/review");
  await admin.getByRole("link", { name: NOMINEE.name }).click();
  await expect(admin).toHaveURL(new RegExp(`${nominationPath}$`));
  await reviewAndDecide(admin, nominationPath, "approve");
  await expect(admin.getByRole("status")).toContainText("承認しました。");
  await expect(admin.getByRole("heading", { name: "承認されました" })).toBeVisible();
  expect(nominationsOf(NOMINEE.email)[0]!.state).toBe("approved");

  // The badge beside their name on their Q&A answer, for anyone.
  const visitor = await (await browser.newContext()).newPage();
  const answered = queryDb<{ id: string }>("SELECT id FROM Question WHERE title = ?", "メールの開封率が下がったときに見直すことは？")[0]!.id;
  await visitor.goto(`/questions/${answered}`);
  const answer = visitor.getByRole("article", { name: `${NOMINEE.name}さんの回答` });
  await expect(answer.locator(".qa-person")).toContainText(NOMINEE.name);
  await expect(answer.locator(".qa-person .badge--champion")).toHaveText(/チャンピオン/);

  // The new champion opts in to the directory from their champion profile.
  const champion = await (await browser.newContext()).newPage();
  await signIn(champion, NOMINEE.email);
  await champion.goto("/champions");
  await champion.getByRole("link", { name: "チャンピオンプロフィール" }).click();
  await expect(champion.getByRole("heading", { level: 1, name: NOMINEE.name })).toBeVisible();
  await hydrated(champion);
  await champion.getByLabel("公開ディレクトリに掲載する").check();
  await champion.getByLabel("紹介文").fill("出版社で販促を担当しています。メールの到達率の相談ならお任せください。");
  await champion.getByLabel("メール施策").check();
  await champion.getByRole("button", { name: "チャンピオンプロフィールを保存" }).click();
  await expect(champion.getByRole("status")).toContainText("チャンピオンプロフィールを保存しました。");

  await visitor.goto("/champions");
  const card = visitor.getByRole("listitem").filter({ has: visitor.getByRole("link", { name: NOMINEE.name }) });
  await expect(card.locator(".badge--champion")).toBeVisible();
  await expect(card).toContainText("メール施策");
  await visitor.goto("/champions?topic=email");
  await expect(visitor.getByRole("link", { name: NOMINEE.name })).toBeVisible();
  await visitor.goto("/champions?language=en");
  await expect(visitor.getByRole("link", { name: NOMINEE.name })).toHaveCount(0);
});

test("a member gets 403 on the nomination, review, candidate and settings pages", async ({ browser }) => {
  const member = await pageAs(browser, "member");
  const seeded = queryDb<{ id: string }>("SELECT id FROM ChampionNomination WHERE state = 'submitted' LIMIT 1")[0]!.id;
  for (const path of ["/champions/nominations/new", "/champions/nominations", `/champions/nominations/${seeded}`, "/champions/review", "/champions/candidates", "/admin/champions"]) {
    const response = await member.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(member.getByRole("heading", { level: 1, name: "このページへのアクセス権がありません" })).toBeVisible();
  }
  // The public side stays open to them.
  expect((await member.goto("/champions"))?.status()).toBe(200);
});

test("a declined nomination shows the reason to the nominator", async ({ browser }) => {
  const reason = `事業成果の数字をもう少し確認したいため、今回は見送ります（${Date.now().toString(36)}）`;
  const cs = await pageAs(browser, "cs");
  await cs.goto("/champions/nominations/new");
  await hydrated(cs);
  await cs.getByPlaceholder("氏名またはメールアドレスでメンバーを検索").fill(DECLINED.email);
  await cs.getByRole("main").getByRole("button", { name: "検索" }).click();
  await cs.getByRole("listitem").filter({ hasText: DECLINED.name }).getByRole("link", { name: "推薦する" }).click();
  await hydrated(cs);
  await fillEvidence(cs);
  await cs.getByRole("button", { name: "推薦を送信" }).click();
  await expect(cs.getByRole("status")).toContainText("推薦を送信しました。");
  const nominationPath = new URL(cs.url()).pathname;

  const admin = await pageAs(browser, "admin");
  await reviewAndDecide(admin, nominationPath, "decline", reason);
  await expect(admin.getByRole("status")).toContainText("見送りにしました。");

  await cs.goto("/notifications");
  const note = cs.locator(".notification").filter({ hasText: reason });
  await expect(note).toContainText(`${DECLINED.name}さんの`);
  await hydrated(cs);
  await note.getByRole("button").click();
  await expect(cs).toHaveURL(new RegExp(`${nominationPath}$`));
  const decision = cs.getByRole("region", { name: "見送りになりました" });
  await expect(decision).toContainText(reason);
  expect(nominationsOf(DECLINED.email)[0]).toMatchObject({ state: "declined", decisionReason: reason });
});

test.describe("bad input is refused with a clear message and nothing stored", () => {
  test("nominating a staff member", async ({ browser, baseURL }) => {
    const cs = await pageAs(browser, "cs");
    const adminId = userId("admin@kizuna.example");
    await cs.goto(`/champions/nominations/new?nominee=${adminId}`);
    await expect(cs.getByRole("alert")).toContainText("スタッフは推薦できません");
    await expect(cs.getByRole("button", { name: "推薦を送信" })).toHaveCount(0);
    const response = await cs.request.post("/champions/nominations/new", {
      form: { nomineeId: adminId, ...Object.fromEntries(queryDb<{ id: string }>("SELECT id FROM ChampionCriterion").map((c) => [`evidence_${c.id}`, "根拠"])) },
      headers: { Origin: baseURL! },
    });
    expect(response.status()).toBe(400);
    expect(queryDb("SELECT id FROM ChampionNomination WHERE nomineeId = ?", adminId)).toHaveLength(0);
  });

  test("a criterion left without evidence", async ({ browser }) => {
    const cs = await pageAs(browser, "cs");
    await cs.goto(`/champions/nominations/new?nominee=${userId(UNSTORED.email)}`);
    await hydrated(cs);
    await fillEvidence(cs, ["ビジネス成果"]);
    await cs.getByRole("button", { name: "推薦を送信" }).click();
    await expect(cs.getByRole("alert").filter({ hasText: "推薦は送信されていません" })).toBeVisible();
    const field = cs.getByLabel("根拠: ビジネス成果", { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(cs.getByText("この基準の根拠を書いてください。")).toBeVisible();
    // What was written stays in the form.
    await expect(cs.getByLabel("根拠: 製品の習熟", { exact: true })).toHaveValue(/製品の習熟について/);
    expect(nominationsOf(UNSTORED.email)).toHaveLength(0);
  });

  test("scores outside 1–5", async ({ browser, baseURL }) => {
    const admin = await pageAs(browser, "admin");
    const nomination = queryDb<{ id: string }>("SELECT n.id FROM ChampionNomination n JOIN User u ON u.id = n.nomineeId WHERE u.email = 'noah.wilson@kestrel-mfg.example'")[0]!;
    const criteria = queryDb<{ criterionId: string }>("SELECT criterionId FROM ChampionEvidence WHERE nominationId = ?", nomination.id);
    const reviews = () => queryDb("SELECT id FROM ChampionReview WHERE nominationId = ?", nomination.id);
    for (const bad of ["7", "0"]) {
      const response = await admin.request.post(`/champions/nominations/${nomination.id}`, {
        form: { intent: "review", comment: "", ...Object.fromEntries(criteria.map((c, i) => [`score_${c.criterionId}`, i === 0 ? bad : "4"])) },
        headers: { Origin: baseURL! },
      });
      expect(response.status()).toBe(400);
    }
    // In the page, leaving a criterion unscored is explained next to it.
    await admin.goto(`/champions/nominations/${nomination.id}`);
    await hydrated(admin);
    await admin.getByRole("group", { name: CRITERIA[0]! }).getByRole("radio").nth(4).check();
    await admin.getByRole("button", { name: "審査を保存" }).click();
    await expect(admin.getByRole("group", { name: CRITERIA[1]! }).getByRole("alert")).toHaveText("1〜5のスコアを選んでください。");
    expect(reviews()).toHaveLength(0);
    expect(queryDb<{ state: string }>("SELECT state FROM ChampionNomination WHERE id = ?", nomination.id)[0]!.state).toBe("submitted");
  });

  test("nominating while the window is closed", async ({ browser, baseURL }) => {
    const admin = await pageAs(browser, "admin");
    await admin.goto("/admin/champions");
    await hydrated(admin);
    await admin.getByLabel("推薦を受け付ける").uncheck();
    await admin.getByRole("button", { name: "設定を保存" }).click();
    await expect(admin.getByRole("status")).toContainText("プログラムの設定を保存しました。");
    try {
      const cs = await pageAs(browser, "cs");
      const nomineeId = userId(UNSTORED.email);
      await cs.goto(`/champions/nominations/new?nominee=${nomineeId}`);
      await expect(cs.getByRole("alert")).toContainText("現在、推薦は受け付けていません");
      await expect(cs.getByRole("button", { name: "推薦を送信" })).toHaveCount(0);
      const response = await cs.request.post("/champions/nominations/new", {
        form: { nomineeId, ...Object.fromEntries(queryDb<{ id: string }>("SELECT id FROM ChampionCriterion WHERE retiredAt IS NULL").map((c) => [`evidence_${c.id}`, "根拠"])) },
        headers: { Origin: baseURL! },
      });
      expect(response.status()).toBe(409);
      expect(nominationsOf(UNSTORED.email)).toHaveLength(0);
    } finally {
      await admin.goto("/admin/champions");
      await hydrated(admin);
      await admin.getByLabel("推薦を受け付ける").check();
      await admin.getByRole("button", { name: "設定を保存" }).click();
      await expect(admin.getByRole("status")).toContainText("プログラムの設定を保存しました。");
    }
  });
});
