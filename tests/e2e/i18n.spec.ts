import { expect, test } from "@playwright/test";
import { hydrated, queryDb, signIn } from "./helpers";

test("the language switch turns the interface to English and back", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("カスタマーサクセスを、みんなで。");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");

  await page.getByRole("button", { name: "表示言語を英語に切り替える" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Customer success, together");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Sign up" })).toBeVisible();

  // The choice sticks across pages.
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Kizuna" })).toBeVisible();

  await page.getByRole("button", { name: "Switch language to Japanese" }).click();
  await expect(page.getByRole("heading", { name: "Kizunaにログイン" })).toBeVisible();
});

test.describe("browser language", () => {
  test.use({ locale: "en-US" });
  test("an English browser gets English by default", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Customer success, together");
  });
});

test("a signed-in member's language choice is saved on the profile", async ({ page }) => {
  const member = "aya.ito@sakura-commerce.example";
  await signIn(page, member);
  await page.getByRole("button", { name: "表示言語を英語に切り替える" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(queryDb<{ locale: string }>("SELECT locale FROM User WHERE email = ?", member)[0]!.locale).toBe("en");

  await page.getByRole("link", { name: "伊藤 彩" }).click();
  await expect(page.getByRole("heading", { name: "Your profile" })).toBeVisible();
  await hydrated(page);
  await page.getByLabel("Language", { exact: true }).selectOption("ja");
  await page.getByLabel("Job title").fill("マーケティングリード");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("プロフィールを保存しました。");
  await expect(page.getByLabel("役職")).toHaveValue("マーケティングリード");
});

test("profile rejects an invalid time zone and keeps the stored value", async ({ page }) => {
  await signIn(page, "kenji.suzuki@sakura-commerce.example");
  await page.goto("/profile");
  await hydrated(page);
  // Forge the select's value as a tampering client would.
  await page.getByLabel("タイムゾーン").evaluate((select: HTMLSelectElement) => {
    const option = document.createElement("option");
    option.value = "Mars/Olympus";
    select.append(option);
    select.value = "Mars/Olympus";
  });
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("有効なタイムゾーンを選択してください")).toBeVisible();
  expect(queryDb<{ timeZone: string }>("SELECT timeZone FROM User WHERE email = ?", "kenji.suzuki@sakura-commerce.example")[0]!.timeZone).toBe("Asia/Tokyo");
});
