import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export const DEMO_PASSWORD = "kizuna-demo-2026";
export const ADMIN = "admin@kizuna.example";
export const CS = "misaki.sato@kizuna.example";
/** A member who is also a current champion (seeded). */
export const MEMBER = "haruka.tanaka@sakura-commerce.example";
/** A beginner member who is not a champion. */
export const LEARNER = "aya.ito@sakura-commerce.example";

/** Demo people whose signed-in cookies `auth.setup.ts` saves once per run. */
export const SIGNED_IN_AS = { admin: ADMIN, cs: CS, member: MEMBER, learner: LEARNER } as const;

export function storageStatePath(who: keyof typeof SIGNED_IN_AS): string {
  return path.resolve(`tests/.tmp/auth/${who}.json`);
}

/**
 * Starts every test in the surrounding file or describe block signed in as a demo person.
 * Such tests must not sign out: that would end the shared session for the tests after them.
 */
export function signedInAs(who: keyof typeof SIGNED_IN_AS) {
  test.use({ storageState: storageStatePath(who) });
}

/** A unique address for one test run. */
export function freshEmail(domain: string): string {
  return `e2e.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@${domain}`;
}

/** Waits until React has hydrated, so form interactions are not undone by hydration. */
export async function hydrated(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel(/メールアドレス|Email/).fill(email);
  await page.getByLabel(/^(パスワード|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(ログイン|Sign in)$/ }).click();
  await expect(page.getByRole("button", { name: /ログアウト|Sign out/ })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /ログアウト|Sign out/ }).click();
  await expect(page.getByRole("link", { name: /^(ログイン|Sign in)$/ })).toBeVisible();
}

/** Read-only look into the server's database, for "nothing was stored" checks. */
export function queryDb<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.resolve("tests/.tmp/e2e.db"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function countUsers(email: string): number {
  return queryDb<{ n: number }>("SELECT COUNT(*) AS n FROM User WHERE email = ?", email.toLowerCase())[0]!.n;
}

/** The newest link to `to` in the outbox, the way a local user would find it without SMTP. */
export function lastEmailLink(to: string, pathPrefix: string): string {
  const rows = queryDb<{ text: string }>(
    "SELECT text FROM OutboxEmail WHERE \"to\" = ? ORDER BY createdAt DESC LIMIT 1",
    to.toLowerCase(),
  );
  const match = rows[0]?.text.match(new RegExp(`https?://[^\\s]+${pathPrefix}[^\\s]+`));
  if (!match) throw new Error(`no ${pathPrefix} link emailed to ${to}`);
  return new URL(match[0]).pathname;
}

/** Signs up a brand-new member (matched to an account by domain) and leaves them signed in. */
export async function signUpNewMember(page: Page, domain = "sakura-commerce.example", name = "新人 学習者"): Promise<string> {
  const email = freshEmail(domain);
  await page.goto("/signup");
  await hydrated(page);
  await page.getByLabel("氏名").fill(name);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("learning-password-1");
  await page.getByRole("button", { name: "アカウントを作成" }).click();
  await expect(page.getByRole("button", { name: /ログアウト|Sign out/ })).toBeVisible();
  return email.toLowerCase();
}
