import { db } from "~/db.server";
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import {
  acceptInvitation,
  EmailTakenError,
  findUsableResetToken,
  INVITATION_TTL_MS,
  inviteUser,
  requestPasswordReset,
  RESET_TOKEN_TTL_MS,
  resetPassword,
  signUp,
  verifyLogin,
} from "./auth.server";
import { startSession } from "./session.server";

const BASE = "http://kizuna.test";

/** The link of the newest email to `to`, as a person would copy it out of the outbox. */
async function lastLinkTo(to: string, pathPrefix: string): Promise<string> {
  const email = await db.outboxEmail.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });
  const match = email.text.match(new RegExp(`${BASE}${pathPrefix}(\\S+)`));
  if (!match?.[1]) throw new Error(`no ${pathPrefix} link in: ${email.text}`);
  return match[1];
}

describe("signUp", () => {
  it("links a work email to the account that owns its domain, case-insensitively", async () => {
    const account = await upsertAccount({ name: "さくらコマース", domains: ["sakura-signup.test"] });
    const user = await signUp({ email: "Hanako.Sato@SAKURA-SIGNUP.test", name: "佐藤 花子", password: "long-enough-pw", locale: "ja" });
    expect(user.account?.id).toBe(account.id);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.email).toBe("hanako.sato@sakura-signup.test");
    expect(stored.role).toBe("member");
  });

  it("never links free-mail addresses, even if someone registered the domain", async () => {
    await db.account.create({ data: { name: "Misconfigured", domains: { create: [{ domain: "gmail.com" }] } } });
    const user = await signUp({ email: uniqueEmail("gmail.com"), name: "Free Mail", password: "long-enough-pw", locale: "en" });
    expect(user.account).toBeNull();
  });

  it("refuses a second account for the same address in any capitalisation", async () => {
    const email = uniqueEmail("dup.test");
    await signUp({ email, name: "First", password: "long-enough-pw", locale: "en" });
    await expect(signUp({ email: email.toUpperCase(), name: "Second", password: "long-enough-pw", locale: "en" })).rejects.toBeInstanceOf(EmailTakenError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("password reset", () => {
  it("sends a single-use link that sets the new password and ends old sessions", async () => {
    const email = uniqueEmail("reset.test");
    const user = await upsertUser({ email, name: "Reset Me", password: "old-password-1" });
    await startSession(user.id);
    await requestPasswordReset(email, BASE);
    const token = await lastLinkTo(email, "/reset-password/");

    await expect(resetPassword(token, "new-password-1")).resolves.toBe(user.id);
    await expect(verifyLogin(email, "new-password-1")).resolves.toBe(user.id);
    await expect(verifyLogin(email, "old-password-1")).resolves.toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // The same link a second time does nothing.
    await expect(resetPassword(token, "another-password")).resolves.toBeNull();
    await expect(verifyLogin(email, "new-password-1")).resolves.toBe(user.id);
  });

  it("refuses an expired link and leaves the password unchanged", async () => {
    const email = uniqueEmail("reset.test");
    const user = await upsertUser({ email, name: "Late", password: "old-password-1" });
    const issued = new Date(Date.now() - RESET_TOKEN_TTL_MS - 60_000);
    await requestPasswordReset(email, BASE, issued);
    const token = await lastLinkTo(email, "/reset-password/");
    await expect(findUsableResetToken(token)).resolves.toBeNull();
    await expect(resetPassword(token, "new-password-1")).resolves.toBeNull();
    await expect(verifyLogin(email, "old-password-1")).resolves.toBe(user.id);
  });

  it("sends nothing for an unknown address (and says nothing about it)", async () => {
    const before = await db.outboxEmail.count();
    await expect(requestPasswordReset("nobody@unknown.test", BASE)).resolves.toBeUndefined();
    expect(await db.outboxEmail.count()).toBe(before);
  });

  it("stores only a digest of the token", async () => {
    const email = uniqueEmail("reset.test");
    await upsertUser({ email, name: "Digest", password: "old-password-1" });
    await requestPasswordReset(email, BASE);
    const token = await lastLinkTo(email, "/reset-password/");
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
  });
});

describe("invitations", () => {
  async function setUp() {
    const account = await upsertAccount({ name: "Invite Co", domains: [`invite-${Date.now()}.test`] });
    const staff = await upsertUser({ email: uniqueEmail("vendor.test"), name: "CS Person", role: "cs" });
    return { account, staff };
  }

  it("creates the invited member in the chosen account, once", async () => {
    const { account, staff } = await setUp();
    const email = uniqueEmail("elsewhere.test");
    await expect(inviteUser({ email, role: "member", accountId: account.id, invitedById: staff.id, baseUrl: BASE })).resolves.toBe("sent");
    const token = await lastLinkTo(email, "/invite/");

    const accepted = await acceptInvitation({ token, name: "New Member", password: "long-enough-pw", locale: "ja" });
    expect(accepted.status).toBe("accepted");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ accountId: account.id, role: "member", name: "New Member" });

    const again = await acceptInvitation({ token, name: "Again", password: "long-enough-pw", locale: "ja" });
    expect(again.status).toBe("invalid");
  });

  it("refuses an expired invitation", async () => {
    const { account, staff } = await setUp();
    const email = uniqueEmail("elsewhere.test");
    await inviteUser({ email, role: "member", accountId: account.id, invitedById: staff.id, baseUrl: BASE }, new Date(Date.now() - INVITATION_TTL_MS - 1000));
    const token = await lastLinkTo(email, "/invite/");
    const result = await acceptInvitation({ token, name: "Too Late", password: "long-enough-pw", locale: "en" });
    expect(result.status).toBe("invalid");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("does not invite someone who already has an account", async () => {
    const { account, staff } = await setUp();
    const existing = await upsertUser({ email: uniqueEmail("elsewhere.test"), name: "Already Here" });
    await expect(inviteUser({ email: existing.email.toUpperCase(), role: "member", accountId: account.id, invitedById: staff.id, baseUrl: BASE })).resolves.toBe("exists");
  });

  it("rejects a made-up token", async () => {
    const result = await acceptInvitation({ token: "made-up", name: "X", password: "long-enough-pw", locale: "en" });
    expect(result.status).toBe("invalid");
  });
});
