import { expect, test } from "@playwright/test";
import { ADMIN, countUsers, CS, freshEmail, hydrated, lastEmailLink, queryDb, signedInAs, signIn, signOut } from "./helpers";

test("a visitor is sent to sign in and comes back afterwards", async ({ page }) => {
  await page.goto("/workspace?owner=all");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("メールアドレス").fill(CS);
  await page.getByLabel("パスワード").fill("kizuna-demo-2026");
  await page.getByRole("button", { name: "ログイン" }).click();
  await expect(page).toHaveURL(/\/workspace\?owner=all$/);
  await expect(page.getByRole("link", { name: "株式会社さくらコマース" })).toBeVisible();
});

test("an admin changes a user's role", async ({ page }) => {
  // Sign-up, two sign-ins and a sign-out in one journey: more than the default on a busy machine.
  test.setTimeout(90_000);
  const email = freshEmail("iroha-pub.example");
  await page.goto("/signup");
  await page.getByLabel("氏名").fill("昇格 候補");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("promote-me-please");
  await page.getByRole("button", { name: "アカウントを作成" }).click();
  await signOut(page);

  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "管理" }).click();
  // /admin opens on the accounts list, which has a search box too: move on only once each page is there.
  await expect(page.getByRole("heading", { level: 1, name: "アカウント" })).toBeVisible();
  await page.getByRole("link", { name: "ユーザー" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "ユーザー" })).toBeVisible();
  // Scoped to the page body: the header has its own search box and button.
  const main = page.getByRole("main");
  await main.getByRole("searchbox").fill(email);
  await main.getByRole("button", { name: "検索" }).click();
  await page.getByRole("link", { name: "昇格 候補" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "昇格 候補" })).toBeVisible();
  await page.getByLabel("権限", { exact: true }).selectOption("cs");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status")).toContainText("昇格 候補さんの情報を保存しました。");
  expect(queryDb<{ role: string; accountId: string | null }>("SELECT role, accountId FROM User WHERE email = ?", email)[0]).toEqual({ role: "cs", accountId: null });

  // The promoted person now reaches the CS workspace.
  await signOut(page);
  await signIn(page, email, "promote-me-please");
  await page.getByRole("link", { name: "CSワークスペース", exact: true }).click();
  await expect(page.getByRole("heading", { name: "CSワークスペース" })).toBeVisible();
});

test.describe("as a member", () => {
  signedInAs("member");

  test("a member gets 403 on staff and admin pages, and sees no staff navigation", async ({ page }) => {
    await expect(page.getByRole("link", { name: "CSワークスペース" })).toHaveCount(0);
    for (const path of ["/workspace", "/admin/users"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "このページへのアクセス権がありません" })).toBeVisible();
    }
  });
});

test.describe("as an admin", () => {
  signedInAs("admin");

  test("an admin cannot change their own role", async ({ page }) => {
    const [{ id }] = queryDb<{ id: string }>("SELECT id FROM User WHERE email = ?", ADMIN) as [{ id: string }];
    await page.goto(`/admin/users/${id}`);
    await hydrated(page);
    await page.getByLabel("権限").selectOption("member");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("alert").first()).toContainText("自分自身の権限は変更できません");
    expect(queryDb<{ role: string }>("SELECT role FROM User WHERE id = ?", id)[0]!.role).toBe("admin");
  });

  test("an admin creates an account; free-mail domains are refused", async ({ page }) => {
    await page.goto("/admin/accounts/new");
    const name = `テスト商事 ${Date.now()}`;
    await page.getByLabel("会社名").fill(name);
    await page.getByLabel("メールドメイン").fill("gmail.com");
    await page.getByRole("button", { name: "作成" }).click();
    await expect(page.getByText("フリーメールのドメインは企業の識別に使えません: gmail.com")).toBeVisible();
    expect(queryDb("SELECT id FROM Account WHERE name = ?", name)).toHaveLength(0);

    const domain = `test-${Date.now()}.example`;
    await page.getByLabel("メールドメイン").fill(domain);
    await page.getByLabel("契約席数").fill("abc");
    await page.getByRole("button", { name: "作成" }).click();
    await expect(page.getByText("0以上の整数を入力してください。")).toBeVisible();

    await page.getByLabel("契約席数").fill("40");
    await page.getByRole("button", { name: "作成" }).click();
    await expect(page.getByRole("status")).toContainText(`アカウント「${name}」を作成しました。`);
    expect(queryDb<{ accountId: string }>("SELECT accountId FROM AccountDomain WHERE domain = ?", domain)).toHaveLength(1);
  });

  test("an admin invites a CS staffer; a member without an account is refused", async ({ page, browser }) => {
    await page.goto("/admin/users");
    await hydrated(page);
    const email = freshEmail("kizuna.example");
    const invite = page.getByRole("region", { name: "スタッフ・メンバーを招待" });

    await invite.getByLabel("メールアドレス").fill(email);
    await invite.getByLabel("権限", { exact: true }).selectOption("member");
    await invite.getByRole("button", { name: "招待を送信" }).click();
    await expect(invite.getByText("メンバーには所属アカウントが必要です", { exact: false }).first()).toBeVisible();
    expect(queryDb("SELECT id FROM Invitation WHERE email = ?", email)).toHaveLength(0);

    await invite.getByLabel("権限", { exact: true }).selectOption("cs");
    await invite.getByRole("button", { name: "招待を送信" }).click();
    await expect(page.getByRole("status")).toContainText(`${email} に招待を送信しました。`);

    const invitee = await browser.newPage();
    await invitee.goto(lastEmailLink(email, "/invite/"));
    await invitee.getByLabel("氏名").fill("新任 CS");
    await invitee.getByLabel("パスワード").fill("new-cs-password-1");
    await invitee.getByRole("button", { name: "招待を受ける" }).click();
    await invitee.getByRole("link", { name: "CSワークスペース", exact: true }).click();
    await expect(invitee.getByRole("heading", { name: "CSワークスペース" })).toBeVisible();
    expect(queryDb<{ role: string; accountId: string | null }>("SELECT role, accountId FROM User WHERE email = ?", email)[0]).toEqual({ role: "cs", accountId: null });
    await invitee.close();
  });
});

test.describe("as CS staff", () => {
  signedInAs("cs");

  test("CS staff invite a person to an account, who joins through the emailed link", async ({ page, browser }) => {
    await page.goto("/workspace");
    await page.getByRole("link", { name: "東雲フーズ株式会社" }).click();
    const email = freshEmail("partner-agency.example");
    await page.getByLabel("メールアドレス").fill(email);
    await page.getByRole("button", { name: "招待を送信" }).click();
    await expect(page.getByRole("status")).toContainText(`${email} に招待を送信しました。`);

    const invitee = await browser.newPage();
    await invitee.goto(lastEmailLink(email, "/invite/"));
    await expect(invitee.getByRole("heading", { name: "Kizunaで 東雲フーズ株式会社 に参加" })).toBeVisible();
    await invitee.getByLabel("氏名").fill("招待 花子");
    await invitee.getByLabel("パスワード").fill("invited-password-1");
    await invitee.getByRole("button", { name: "招待を受ける" }).click();
    await expect(invitee.getByText("東雲フーズ株式会社 のメンバーとして参加しています。")).toBeVisible();
    expect(countUsers(email)).toBe(1);
    await invitee.close();
  });
});
