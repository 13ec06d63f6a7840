import { db } from "~/db.server";
import { upsertUser, uniqueEmail } from "../../tests/factories";
import { lucia, SESSION_COOKIE_NAME } from "./lucia.server";
import { getAuth, requireRole, requireUser, startSession } from "./session.server";

function requestWithCookie(cookieHeader: string, url = "http://localhost/somewhere?x=1") {
  return new Request(url, { headers: { Cookie: cookieHeader } });
}

function cookiePair(setCookie: string) {
  return setCookie.split(";")[0]!;
}

async function memberWithSession(role: "member" | "cs" | "admin" = "member") {
  const user = await upsertUser({ email: uniqueEmail(), name: "Session Test", role });
  const setCookie = await startSession(user.id);
  return { user, cookie: cookiePair(setCookie), setCookie };
}

describe("sessions", () => {
  it("sets a cookie that is HttpOnly and SameSite=Lax", async () => {
    const { setCookie } = await memberWithSession();
    expect(setCookie).toContain(`${SESSION_COOKIE_NAME}=`);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
  });

  it("validates a fresh session and returns the user without the password", async () => {
    const { user, cookie } = await memberWithSession();
    const auth = await getAuth(requestWithCookie(cookie));
    expect(auth.user?.id).toBe(user.id);
    expect(auth.user).not.toHaveProperty("password");
    expect(auth.setCookie).toBeNull();
  });

  it("slides the expiry of a session past half its life and re-sends the cookie", async () => {
    const { user, cookie } = await memberWithSession();
    const sessionId = cookie.split("=")[1]!;
    const soon = new Date(Date.now() + 5 * 24 * 60 * 60 * 1000);
    await db.session.update({ where: { id: sessionId }, data: { expiresAt: soon } });
    const auth = await getAuth(requestWithCookie(cookie));
    expect(auth.user?.id).toBe(user.id);
    expect(auth.setCookie).toContain("Max-Age=2592000");
    const stored = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  });

  it("rejects an expired session and clears the cookie", async () => {
    const { cookie } = await memberWithSession();
    const sessionId = cookie.split("=")[1]!;
    await db.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const auth = await getAuth(requestWithCookie(cookie));
    expect(auth.user).toBeNull();
    expect(auth.setCookie).toContain("Max-Age=0");
  });

  it("rejects an invalidated session", async () => {
    const { cookie } = await memberWithSession();
    await lucia.invalidateSession(cookie.split("=")[1]!);
    expect((await getAuth(requestWithCookie(cookie))).user).toBeNull();
  });

  it("rejects a made-up session id", async () => {
    expect((await getAuth(requestWithCookie(`${SESSION_COOKIE_NAME}=forged`))).user).toBeNull();
  });
});

describe("role guards", () => {
  it("redirects anonymous people to sign in and back", async () => {
    const thrown = await requireUser(new Request("http://localhost/workspace?owner=all")).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fworkspace%3Fowner%3Dall");
  });

  it("answers 403 to a member on a staff page", async () => {
    const { cookie } = await memberWithSession("member");
    const thrown = await requireRole(requestWithCookie(cookie), "cs").catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });

  it("lets CS staff into staff pages but not admin pages", async () => {
    const { cookie, user } = await memberWithSession("cs");
    await expect(requireRole(requestWithCookie(cookie), "cs")).resolves.toMatchObject({ id: user.id });
    const thrown = await requireRole(requestWithCookie(cookie), "admin").catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });

  it("lets admins in everywhere", async () => {
    const { cookie } = await memberWithSession("admin");
    await expect(requireRole(requestWithCookie(cookie), "cs")).resolves.toBeTruthy();
    await expect(requireRole(requestWithCookie(cookie), "admin")).resolves.toBeTruthy();
  });
});
