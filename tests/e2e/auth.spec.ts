import { expect, test } from "@playwright/test";
import { countUsers, DEMO_PASSWORD, freshEmail, lastEmailLink, MEMBER, queryDb, signIn, signOut } from "./helpers";

test("sign up is matched to the account by email domain, then sign out and back in", async ({ page }) => {
  const email = freshEmail("HOKUTO-LOGI.example");
  await page.goto("/signup");
  await page.getByLabel("氏名").fill("新井 翼");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("tsubasa-password-1");
  await page.getByRole("button", { name: "アカウントを作成" }).click();

  await expect(page.getByRole("status")).toContainText("北斗ロジスティクス株式会社 に参加しました");
  await expect(page.getByText("北斗ロジスティクス株式会社 のメンバーとして参加しています。")).toBeVisible();

  await signOut(page);
  await signIn(page, email.toLowerCase(), "tsubasa-password-1");
  await expect(page.getByRole("heading", { name: "おかえりなさい、新井 翼さん" })).toBeVisible();
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("メールアドレス").fill(MEMBER);
  await page.getByLabel("パスワード").fill("not-the-password");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page.getByRole("alert")).toHaveText("メールアドレスまたはパスワードが正しくありません。");
  await expect(page.getByLabel("メールアドレス")).toHaveValue(MEMBER);
  await expect(page.getByRole("button", { name: "ログアウト" })).toHaveCount(0);
});

test("password reset through the emailed (outbox) link", async ({ page }) => {
  const email = freshEmail("sakura-commerce.example");
  await page.goto("/signup");
  await page.getByLabel("氏名").fill("Reset Tester");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("first-password-1");
  await page.getByRole("button", { name: "アカウントを作成" }).click();
  await signOut(page);

  await page.goto("/login");
  await page.getByRole("link", { name: "パスワードをお忘れですか？" }).click();
  await expect(page.getByRole("heading", { name: "パスワードの再設定" })).toBeVisible();
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("button", { name: "再設定リンクを送信" }).click();
  await expect(page.getByRole("status")).toContainText("再設定リンクを送信しました");

  const link = lastEmailLink(email, "/reset-password/");
  await page.goto(link);
  await page.getByLabel("新しいパスワード").fill("second-password-2");
  await page.getByRole("button", { name: "パスワードを変更" }).click();
  await expect(page.getByRole("status")).toContainText("パスワードを変更し、ログインしました。");

  // The link is single use.
  await signOut(page);
  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("無効、期限切れ、または使用済み");

  await signIn(page, email, "second-password-2");
});

test("an unknown or expired reset token gets a clear message", async ({ page }) => {
  const response = await page.goto("/reset-password/this-token-does-not-exist");
  expect(response?.status()).toBe(410);
  await expect(page.getByRole("alert")).toContainText("無効、期限切れ、または使用済み");
  await page.getByRole("link", { name: "新しいリンクをリクエスト" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});

test.describe("bad sign-up input is explained and nothing is stored", () => {
  test("over-long name and invalid email", async ({ page }) => {
    await page.goto("/signup");
    // A client that ignores the maxlength/minlength hints: the server must still refuse.
    await page.locator("input").evaluateAll((inputs) => inputs.forEach((i) => i.removeAttribute("maxlength")));
    await page.getByLabel("氏名").fill("長".repeat(81));
    await page.getByLabel("メールアドレス").fill("not-an-email");
    await page.getByLabel("パスワード").fill("short");
    await page.getByRole("button", { name: "アカウントを作成" }).click();
    await expect(page.getByText("長すぎます（80文字以内）。")).toBeVisible();
    await expect(page.getByText("有効なメールアドレスを入力してください")).toBeVisible();
    await expect(page.getByText("短すぎます（10文字以上）。")).toBeVisible();
    await expect(page.getByLabel("メールアドレス")).toHaveValue("not-an-email");
    expect(countUsers("not-an-email")).toBe(0);
    expect(queryDb("SELECT id FROM User WHERE name = ?", "長".repeat(81))).toHaveLength(0);
  });

  test("duplicate sign-up", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("氏名").fill("Someone Else");
    await page.getByLabel("メールアドレス").fill(MEMBER.toUpperCase());
    await page.getByLabel("パスワード").fill("another-password-1");
    await page.getByRole("button", { name: "アカウントを作成" }).click();
    await expect(page.getByText("このメールアドレスのアカウントはすでに存在します。")).toBeVisible();
    expect(countUsers(MEMBER)).toBe(1);
    // The original password still works.
    await signIn(page, MEMBER, DEMO_PASSWORD);
  });

  test("a forged cross-origin POST is rejected", async ({ request }) => {
    const email = freshEmail("sakura-commerce.example");
    const response = await request.post("/signup", {
      headers: { Origin: "https://attacker.example" },
      form: { name: "Forged", email, password: "forged-password-1", locale: "ja" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("another site");
    expect(countUsers(email)).toBe(0);
  });
});
