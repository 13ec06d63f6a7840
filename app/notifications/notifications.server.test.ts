// Notifications against a real (per-file) database: the reader's list and unread count, marking
// read (never someone else's), preferences from the profile form, and notify() honouring them.
import { upsertUser, uniqueEmail } from "../../tests/factories";
import { lucia } from "~/auth/lucia.server";
import { db } from "~/db.server";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/notifications";
import { action as profileAction } from "~/routes/profile";
import { translator } from "~/i18n/messages";
import { parseForm } from "~/utils/validation.server";
import {
  countUnread,
  listNotifications,
  markAllRead,
  markRead,
  parseParams,
  preferencesSchema,
  safeLink,
  savePreferences,
} from "./notifications.server";
import { notify, preferencesOf } from "./notify.server";
import { NOTIFICATION_TYPES, type NotificationType } from "./types";

const t = translator("ja");
const TYPE_COUNT = Object.keys(NOTIFICATION_TYPES).length;
type Choice = { inApp: boolean; email: boolean };
/** Preferences for every type: the Q&A ones as given, every other type switched off. */
const prefs = (qa: Record<"qa.answered" | "qa.accepted", Choice>) =>
  ({ ...Object.fromEntries(Object.keys(NOTIFICATION_TYPES).map((type) => [type, { inApp: false, email: false }])), ...qa }) as Record<NotificationType, Choice>;
const person = (name = "通知 太郎") => upsertUser({ email: uniqueEmail(), name });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));

async function seed(userId: string, count: number) {
  for (let i = 0; i < count; i += 1) {
    await db.notification.create({
      data: { userId, type: "qa.answered", params: JSON.stringify({ name: `回答者${i}`, title: `質問${i}` }), link: `/questions/q${i}`, createdAt: at(i) },
    });
  }
}

describe("listNotifications", () => {
  test("lists only the reader's notifications, newest first, a page at a time", async () => {
    const reader = await person();
    const other = await person("他人");
    await seed(reader.id, 5);
    await seed(other.id, 2);

    const first = await listNotifications(reader.id, 1, 2);
    expect(first.total).toBe(5);
    expect(first.pages).toBe(3);
    expect(first.notifications.map((n) => n.params.title)).toEqual(["質問4", "質問3"]);
    expect(first.notifications[0]!.link).toBe("/questions/q4");

    const last = await listNotifications(reader.id, 3, 2);
    expect(last.notifications.map((n) => n.params.title)).toEqual(["質問0"]);
    expect((await listNotifications(reader.id, 4, 2)).notifications).toEqual([]);
  });

  test("malformed params and outside links cannot break the page or redirect away", async () => {
    const reader = await person();
    await db.notification.create({ data: { userId: reader.id, type: "qa.answered", params: "not json", link: "//evil.example/x" } });
    const { notifications } = await listNotifications(reader.id, 1);
    expect(notifications[0]!.params).toEqual({});
    expect(notifications[0]!.link).toBe("/notifications");
    expect(parseParams('["a"]')).toEqual({});
    expect(parseParams('{"name":"A","count":3}')).toEqual({ name: "A" });
    expect(safeLink("https://evil.example")).toBe("/notifications");
    expect(safeLink("/\\evil.example")).toBe("/notifications");
    expect(safeLink("/questions/abc#answer-1")).toBe("/questions/abc#answer-1");
  });
});

describe("reading", () => {
  test("unread count, mark one, mark all — each only for the reader", async () => {
    const reader = await person();
    const other = await person("他人");
    await seed(reader.id, 3);
    await seed(other.id, 2);
    expect(await countUnread(reader.id)).toBe(3);

    const [newest] = (await listNotifications(reader.id, 1)).notifications;
    expect(await markRead(reader.id, newest!.id)).toEqual({ link: "/questions/q2" });
    expect(await countUnread(reader.id)).toBe(2);
    // Reading it again keeps the first read time and still answers with the link.
    const firstRead = (await db.notification.findUniqueOrThrow({ where: { id: newest!.id } })).readAt;
    expect(await markRead(reader.id, newest!.id, at(59))).toEqual({ link: "/questions/q2" });
    expect((await db.notification.findUniqueOrThrow({ where: { id: newest!.id } })).readAt).toEqual(firstRead);

    // Someone else's notification (or an unknown id) is not found and stays unread.
    const [theirs] = (await listNotifications(other.id, 1)).notifications;
    expect(await markRead(reader.id, theirs!.id)).toBeNull();
    expect(await markRead(reader.id, "no-such-id")).toBeNull();
    expect(await countUnread(other.id)).toBe(2);

    expect(await markAllRead(reader.id)).toBe(2);
    expect(await countUnread(reader.id)).toBe(0);
    expect(await countUnread(other.id)).toBe(2);
  });
});

describe("preferences", () => {
  test("the profile form's checkboxes become one row per type; unticked means off", async () => {
    const reader = await person();
    expect(await preferencesOf(reader.id)).toMatchObject({ "qa.answered": { inApp: true, email: true }, "qa.accepted": { inApp: true, email: true } });

    const form = new FormData();
    form.set("intent", "notifications");
    form.set("qa.answered.email", "on");
    form.set("qa.accepted.inApp", "on");
    const parsed = parseForm(form, preferencesSchema, t);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await savePreferences(reader.id, parsed.data);
    expect(await preferencesOf(reader.id)).toMatchObject({ "qa.answered": { inApp: false, email: true }, "qa.accepted": { inApp: true, email: false } });
    const rows = await db.notificationPreference.count({ where: { userId: reader.id } });
    expect(rows).toBe(Object.keys(parsed.data).length);

    // Saving again updates the same rows; types left out keep their choice.
    await savePreferences(reader.id, { "qa.answered": { inApp: true, email: true }, "qa.accepted": { inApp: false, email: false } });
    expect(await db.notificationPreference.count({ where: { userId: reader.id } })).toBe(rows);
    expect((await preferencesOf(reader.id))["qa.accepted"]).toEqual({ inApp: false, email: false });
  });

  test("a forged checkbox value is rejected", () => {
    const form = new FormData();
    form.set("qa.answered.inApp", "yes");
    const parsed = parseForm(form, preferencesSchema, t);
    expect(parsed.ok).toBe(false);
  });
});

describe("notify", () => {
  const BASE = "https://kizuna.test";
  const outboxFor = (email: string) => db.outboxEmail.findMany({ where: { to: email } });

  test("defaults: an in-app row and an email in the reader's language", async () => {
    const reader = await upsertUser({ email: uniqueEmail(), name: "Reader", locale: "en" });
    await notify(reader.id, "qa.answered", { name: "Ken", title: "How to export?" }, "/questions/q1#answer-a1", BASE);
    const rows = await db.notification.findMany({ where: { userId: reader.id } });
    expect(rows).toHaveLength(1);
    expect(parseParams(rows[0]!.params)).toEqual({ name: "Ken", title: "How to export?" });
    const [email] = await outboxFor(reader.email);
    expect(email!.subject).toBe("Kizuna: Ken answered your question “How to export?”");
    expect(email!.text).toContain(`${BASE}/questions/q1#answer-a1`);
  });

  test("in-app off → no row; email on → an OutboxEmail row", async () => {
    const reader = await person("設定 花子");
    await savePreferences(reader.id, prefs({ "qa.answered": { inApp: false, email: true }, "qa.accepted": { inApp: true, email: false } }));
    await notify(reader.id, "qa.answered", { name: "田中", title: "CSVの出力" }, "/questions/q1", BASE);
    expect(await db.notification.count({ where: { userId: reader.id } })).toBe(0);
    const emails = await outboxFor(reader.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Kizuna: 田中さんがあなたの質問「CSVの出力」に回答しました");

    // The other type keeps its own choice: in-app only.
    await notify(reader.id, "qa.accepted", { title: "CSVの出力" }, "/questions/q1", BASE);
    expect(await db.notification.count({ where: { userId: reader.id, type: "qa.accepted" } })).toBe(1);
    expect(await outboxFor(reader.email)).toHaveLength(1);
  });

  test("both off → nothing at all", async () => {
    const reader = await person();
    await savePreferences(reader.id, prefs({ "qa.answered": { inApp: false, email: false }, "qa.accepted": { inApp: false, email: false } }));
    await notify(reader.id, "qa.answered", { name: "A", title: "B" }, "/questions/q1", BASE);
    expect(await db.notification.count({ where: { userId: reader.id } })).toBe(0);
    expect(await outboxFor(reader.email)).toHaveLength(0);
  });
});

describe("the notifications page and the profile's preferences form", () => {
  type Who = { id: string };
  async function request(who: Who | null, href: string, form?: Record<string, string>) {
    const headers = new Headers();
    if (who) {
      const session = await lucia.createSession(who.id, {});
      headers.set("Cookie", lucia.createSessionCookie(session.id).serialize().split(";")[0]!);
    }
    return new Request(href, form ? { method: "POST", headers, body: new URLSearchParams(form) } : { headers });
  }
  async function answer(run: () => Promise<unknown>): Promise<{ status: number; location?: string | null; body: unknown }> {
    try {
      const result = await run();
      if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
      const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } };
      if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, body: wrapped.data };
      return { status: 200, body: result };
    } catch (thrown) {
      if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: await thrown.text() };
      throw thrown;
    }
  }
  const args = async (who: Who | null, href: string, form?: Record<string, string>) => ({ request: await request(who, href, form), params: {}, context: { clientIp: "127.0.0.1" } });
  const PAGE = "http://localhost/notifications";

  test("opening marks read and goes to the link; others' ids are 404; read-all clears the count", async () => {
    const reader = await person();
    const other = await person("他人");
    await seed(reader.id, 2);
    await seed(other.id, 1);
    expect((await answer(async () => notificationsLoader(await args(null, PAGE)))).status).toBe(302);
    const page = (await answer(async () => notificationsLoader(await args(reader, PAGE)))) as { status: number; body: Awaited<ReturnType<typeof notificationsLoader>> };
    expect(page.body.notifications).toHaveLength(2);

    const [theirs] = (await listNotifications(other.id, 1)).notifications;
    expect((await answer(async () => notificationsAction(await args(reader, PAGE, { intent: "open", notificationId: theirs!.id })))).status).toBe(404);
    expect(await countUnread(other.id)).toBe(1);
    expect((await answer(async () => notificationsAction(await args(reader, PAGE, { intent: "open" })))).status).toBe(400);

    const opened = await answer(async () => notificationsAction(await args(reader, PAGE, { intent: "open", notificationId: page.body.notifications[0]!.id })));
    expect(opened).toMatchObject({ status: 302, location: "/questions/q1" });
    expect(await countUnread(reader.id)).toBe(1);

    expect(await answer(async () => notificationsAction(await args(reader, PAGE, { intent: "read-all" })))).toMatchObject({ status: 302, location: "/notifications" });
    expect(await countUnread(reader.id)).toBe(0);
    expect(await countUnread(other.id)).toBe(1);
  });

  test("the profile saves preferences by their own intent and leaves the profile alone", async () => {
    const reader = await upsertUser({ email: uniqueEmail(), name: "元の名前", title: "元の役職" });
    const saved = await answer(async () => profileAction(await args(reader, "http://localhost/profile", { intent: "notifications", "qa.accepted.email": "on" })));
    expect(saved).toMatchObject({ status: 302, location: "/profile" });
    expect(await preferencesOf(reader.id)).toMatchObject({ "qa.answered": { inApp: false, email: false }, "qa.accepted": { inApp: false, email: true } });
    expect(await db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { name: true, title: true } })).toEqual({ name: "元の名前", title: "元の役職" });

    const forged = await answer(async () => profileAction(await args(reader, "http://localhost/profile", { intent: "notifications", "qa.answered.inApp": "yes" })));
    expect(forged.status).toBe(400);
    expect((await preferencesOf(reader.id))["qa.answered"].inApp).toBe(false);

    // Without the intent it is still the profile form.
    const profile = await answer(async () =>
      profileAction(await args(reader, "http://localhost/profile", { name: "新しい名前", title: "", persona: "manager", level: "advanced", locale: "ja", timeZone: "Asia/Tokyo" })),
    );
    expect(profile.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).name).toBe("新しい名前");
  });
});
