// Signs the demo people in once per run and keeps their cookies, so tests start signed in
// without each one logging in again (which would also trip the per-address login rate limit).
import fs from "node:fs";
import path from "node:path";
import { test as setup } from "@playwright/test";
import { signIn, SIGNED_IN_AS, storageStatePath } from "./helpers";

setup("sign in the demo people", async ({ browser }) => {
  fs.mkdirSync(path.dirname(storageStatePath("admin")), { recursive: true });
  for (const [who, email] of Object.entries(SIGNED_IN_AS)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email);
    await context.storageState({ path: storageStatePath(who as keyof typeof SIGNED_IN_AS) });
    await context.close();
  }
});
