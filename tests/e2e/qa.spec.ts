import { expect, test, type Page } from "@playwright/test";
import { CS, hydrated, MEMBER, queryDb, signIn, signedInAs, signUpNewMember } from "./helpers";

const ANSWERER = "kenji.suzuki@sakura-commerce.example";
/** Seeded questions (scripts/lib/seed-qa.ts). */
const SEEDED_SCORING = "リードスコアの減衰はどう設定していますか？";
const SEEDED_EMAIL = "メールの開封率が下がったときに見直すことは？";
/** Tests run in parallel on one database, so each writes text only it uses. */
const uid = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const userId = (email: string) => queryDb<{ id: string }>("SELECT id FROM User WHERE email = ?", email.toLowerCase())[0]!.id;
const reputationOf = (email: string) => queryDb<{ reputation: number }>("SELECT reputation FROM User WHERE email = ?", email.toLowerCase())[0]!.reputation;
const questionIdFrom = (page: Page) => new URL(page.url()).pathname.split("/").pop()!;
type QuestionRow = { id: string; state: string; score: number; acceptedAnswerId: string | null; answerCount: number };
const questionRow = (id: string) => queryDb<QuestionRow>("SELECT id, state, score, acceptedAnswerId, answerCount FROM Question WHERE id = ?", id)[0]!;
const count = (sql: string, ...params: unknown[]) => queryDb<{ n: number }>(sql, ...params)[0]!.n;
const toast = (page: Page, text: string) => page.getByRole("status").filter({ hasText: text });
/** The number in the reputation badge next to a name. */
async function shownReputation(page: Page, scope: string): Promise<number> {
  return Number((await page.locator(`${scope} .qa-person__points`).first().innerText()).replace(/[^\d-]/g, ""));
}

async function openAskForm(page: Page) {
  await page.goto("/questions");
  await page.getByRole("link", { name: "質問する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "質問する" })).toBeVisible();
  await hydrated(page);
}

async function ask(page: Page, input: { title: string; body: string; tags?: string; beginner?: boolean }) {
  await openAskForm(page);
  await page.getByLabel("タイトル", { exact: true }).fill(input.title);
  await page.getByLabel("詳しい内容").fill(input.body);
  if (input.tags) await page.getByLabel("タグ", { exact: true }).fill(input.tags);
  if (input.beginner) await page.getByLabel("初心者の質問として投稿する").check();
  await page.getByRole("button", { name: "質問を投稿" }).click();
  await expect(toast(page, "質問を投稿しました。")).toBeVisible();
  return questionIdFrom(page);
}

async function answer(page: Page, questionId: string, body: string) {
  await page.goto(`/questions/${questionId}`);
  await hydrated(page);
  await page.getByLabel("回答内容").fill(body);
  await page.getByRole("button", { name: "回答を投稿" }).click();
  await expect(toast(page, "回答を投稿しました。")).toBeVisible();
  return queryDb<{ id: string }>("SELECT id FROM Answer WHERE questionId = ? AND body = ?", questionId, body)[0]!.id;
}

/** A state-changing request that passes the same-origin check, so only the app's own rules answer it. */
function forgedPost(page: Page, questionId: string, form: Record<string, string>) {
  const origin = new URL(page.url()).origin;
  return page.request.post(`/questions/${questionId}`, { form, headers: { Origin: origin }, maxRedirects: 0 });
}

test("a new member asks a beginner question, another member answers and the asker accepts", async ({ page, browser }) => {
  test.slow(); // two people, each signing in, and a dozen page loads
  const id = uid();
  const askerEmail = await signUpNewMember(page);

  // Without the seed, an earlier question gives the suggestions something to find.
  let similarTo = SEEDED_SCORING;
  if (count("SELECT COUNT(*) AS n FROM Question WHERE title = ?", SEEDED_SCORING) === 0) {
    similarTo = `リードスコアの減衰ルール ${id}`;
    await ask(page, { title: similarTo, body: "先に投稿しておく質問です。" });
  }

  await openAskForm(page);
  const title = page.getByLabel("タイトル", { exact: true });
  await title.pressSequentially("リードスコアの減衰を", { delay: 40 });
  const similar = page.getByRole("region", { name: "似ている質問" });
  await expect(similar.getByRole("link", { name: similarTo })).toBeVisible();
  await title.pressSequentially(`見直したい（${id}）`, { delay: 20 });
  const questionTitle = `リードスコアの減衰を見直したい（${id}）`;
  await expect(title).toHaveValue(questionTitle);
  await page.getByLabel("詳しい内容").fill("初めてスコアリングを担当します。**減衰**の考え方を教えてください。");
  await page.getByLabel("タグ", { exact: true }).fill(`スコアリング, e2e-${id}`);
  await expect(page.getByText("初心者の質問は安心して聞ける場です。")).toBeVisible();
  await page.getByLabel("初心者の質問として投稿する").check();
  await page.getByRole("button", { name: "質問を投稿" }).click();
  await expect(toast(page, "質問を投稿しました。")).toBeVisible();
  const questionId = questionIdFrom(page);
  const question = page.locator("#question");
  await expect(question.getByRole("heading", { level: 1, name: questionTitle })).toBeVisible();
  await expect(question.getByText("初心者の質問", { exact: true })).toBeVisible();
  await expect(question.locator("strong", { hasText: "減衰" })).toBeVisible();
  await expect(question.getByRole("link", { name: `e2e-${id}` })).toBeVisible();

  // Another member answers from their own browser session.
  const answererPage = await browser.newPage();
  await signIn(answererPage, ANSWERER);
  const body = `30日ごとに20%減らしています（${id}）`;
  const answerId = await answer(answererPage, questionId, body);
  await expect(answererPage.getByRole("button", { name: "この回答を承認" })).toHaveCount(0);
  expect(count("SELECT COUNT(*) AS n FROM Notification WHERE userId = ? AND type = 'qa.answered' AND link LIKE ?", userId(askerEmail), `%${questionId}%`)).toBe(1);

  // The asker accepts; the answerer's reputation beside their name rises by 15.
  await page.reload();
  await hydrated(page);
  const answerCard = page.locator(`#answer-${answerId}`);
  await expect(answerCard.getByText(body)).toBeVisible();
  const before = await shownReputation(page, `#answer-${answerId}`);
  expect(before).toBe(reputationOf(ANSWERER));
  await answerCard.getByRole("button", { name: "この回答を承認" }).click();
  await expect(toast(page, "回答を承認しました。")).toBeVisible();
  await expect(answerCard.getByText("✓ 承認された回答")).toBeVisible();
  await expect(question.getByText("✓ 解決済み")).toBeVisible();
  await expect(answerCard.locator(".qa-person__points")).toHaveText(String(before + 15));
  expect(reputationOf(ANSWERER)).toBe(before + 15);
  expect(questionRow(questionId)).toMatchObject({ state: "answered", acceptedAnswerId: answerId });
  expect(count("SELECT COUNT(*) AS n FROM Notification WHERE userId = ? AND type = 'qa.accepted' AND link = ?", userId(ANSWERER), `/questions/${questionId}#answer-${answerId}`)).toBe(1);

  // It shows as answered in the asker's own list too.
  await page.goto("/questions?list=mine");
  const row = page.locator(".qa-row").filter({ hasText: questionTitle });
  await expect(row.getByText("✓ 解決済み")).toBeVisible();
  await expect(row.getByText("初心者の質問")).toBeVisible();
  await answererPage.close();
});

test("a member cannot accept an answer to someone else's question", async ({ page }) => {
  await signIn(page, MEMBER);
  const me = userId(MEMBER);
  // A seeded question by someone else, else any visible one with an answer.
  const [target] = queryDb<{ questionId: string; answerId: string }>(
    `SELECT q.id AS questionId, a.id AS answerId FROM Question q JOIN Answer a ON a.questionId = q.id
     WHERE q.authorId != ? AND q.state IN ('open', 'answered') AND a.hiddenAt IS NULL AND a.authorId != ?
     ORDER BY (q.title = ?) DESC, a.createdAt ASC LIMIT 1`,
    me,
    me,
    SEEDED_EMAIL,
  );
  expect(target, "the seed has answered questions").toBeDefined();
  const { questionId, answerId } = target!;
  const before = questionRow(questionId);

  await page.goto(`/questions/${questionId}`);
  await hydrated(page);
  await expect(page.locator(`#answer-${answerId}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "この回答を承認" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "承認を取り消す" })).toHaveCount(0);

  const response = await forgedPost(page, questionId, { intent: "accept", answerId });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("回答を承認できるのは、質問した本人と Kizuna スタッフだけです。");
  expect(questionRow(questionId)).toEqual(before);
});

test.describe("bad input on the ask form", () => {
  signedInAs("learner");

  test("an empty title, a 20,001-character body and 50 tags each get a clear message and store nothing", async ({ page }) => {
    const id = uid();
    const questions = () => count("SELECT COUNT(*) AS n FROM Question WHERE title LIKE ? OR body LIKE ?", `%${id}%`, `%${id}%`);
    await openAskForm(page);

    await page.getByLabel("詳しい内容").fill(`本文 ${id}`);
    await page.getByRole("button", { name: "質問を投稿" }).click();
    await expect(page.getByText("タイトルは8〜150文字で入力してください。")).toBeVisible();
    await expect(page.getByLabel("タイトル", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("詳しい内容")).toHaveValue(`本文 ${id}`);

    const tooLong = `${id}${"あ".repeat(20_001 - id.length)}`;
    await page.getByLabel("タイトル", { exact: true }).fill(`長すぎる本文の質問 ${id}`);
    await page.getByLabel("詳しい内容").fill(tooLong);
    await page.getByRole("button", { name: "質問を投稿" }).click();
    await expect(page.getByText("詳しい内容は20,000文字までです。短くしてください。")).toBeVisible();
    // The writer's text is kept, whole, so they can shorten it.
    await expect(page.getByLabel("詳しい内容")).toHaveValue(tooLong);

    const fiftyTags = Array.from({ length: 50 }, (_, i) => `t${id}-${i}`).join(", ");
    await page.getByLabel("詳しい内容").fill(`本文 ${id}`);
    await page.getByLabel("タグ", { exact: true }).fill(fiftyTags);
    await page.getByRole("button", { name: "質問を投稿" }).click();
    await expect(page.getByText("タグは5個までです。")).toBeVisible();
    await expect(page).toHaveURL(/\/questions\/new$/);

    expect(questions()).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM Tag WHERE name LIKE ?", `t${id}-%`)).toBe(0);
  });
});

test("a repeated up-vote says 'already', and a locked question refuses accepting with 409", async ({ page, browser }) => {
  test.slow(); // three people, each signing in
  const id = uid();
  await signUpNewMember(page);
  const questionId = await ask(page, { title: `投票とロックの確認 ${id}`, body: "確認用の質問です。", tags: "e2e" });

  // Another member votes in one tab, then presses up again in a tab opened before the vote.
  const voterContext = await browser.newContext();
  const voterPage = await voterContext.newPage();
  await signIn(voterPage, MEMBER);
  const stalePage = await voterContext.newPage();
  for (const p of [voterPage, stalePage]) {
    await p.goto(`/questions/${questionId}`);
    await hydrated(p);
  }
  const up = (p: Page) => p.locator("#question").getByRole("button", { name: "賛成票（役に立つ）" });
  await up(voterPage).click();
  await expect(toast(voterPage, "賛成票を投じました。")).toBeVisible();
  await expect(up(voterPage)).toHaveAttribute("aria-pressed", "true");
  await expect(voterPage.locator("#question .qa-vote__score")).toHaveText("1");
  const votesBefore = count("SELECT COUNT(*) AS n FROM Vote WHERE targetId = ?", questionId);
  expect(questionRow(questionId).score).toBe(1);

  await up(stalePage).click();
  await expect(stalePage.getByRole("alert").filter({ hasText: "すでに賛成票を投じています。投票は変わっていません。" })).toBeVisible();
  expect(questionRow(questionId).score).toBe(1);
  expect(count("SELECT COUNT(*) AS n FROM Vote WHERE targetId = ?", questionId)).toBe(votesBefore);

  // Pressing the pressed button takes the vote back.
  await up(voterPage).click();
  await expect(toast(voterPage, "投票を取り消しました。")).toBeVisible();
  await expect(up(voterPage)).toHaveAttribute("aria-pressed", "false");
  expect(questionRow(questionId).score).toBe(0);

  const answerId = await answer(voterPage, questionId, `ロック前の回答 ${id}`);

  // Staff lock the question.
  const staffPage = await browser.newPage();
  await signIn(staffPage, CS);
  await staffPage.goto(`/questions/${questionId}`);
  await hydrated(staffPage);
  await staffPage.getByRole("button", { name: "ロックする" }).click();
  await expect(toast(staffPage, "質問をロックしました。")).toBeVisible();
  await expect(staffPage.locator("#question").getByText("ロック中")).toBeVisible();

  // The asker sees why nothing can be done, and a forged accept is refused.
  await page.reload();
  await hydrated(page);
  await expect(page.getByText("この質問はスタッフによってロックされています。")).toBeVisible();
  await expect(page.getByLabel("回答内容")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "この回答を承認" })).toHaveCount(0);
  const before = questionRow(questionId);
  const response = await forgedPost(page, questionId, { intent: "accept", answerId });
  expect(response.status()).toBe(409);
  expect(await response.text()).toContain("この質問はロックされているため、回答・投票・承認はできません。");
  expect(questionRow(questionId)).toEqual(before);
  expect(before).toMatchObject({ state: "locked", acceptedAnswerId: null, answerCount: 1 });
  expect(count("SELECT COUNT(*) AS n FROM ReputationEvent WHERE sourceKey LIKE ?", `accepted:${answerId}:%`)).toBe(0);

  await voterContext.close();
  await staffPage.close();
});
