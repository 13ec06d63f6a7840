// Email notifications without SMTP (the outbox): group news to members by their preferences,
// alert emails to CS owners, and the opt-in daily digest (once per day).
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { db } from "~/db.server";
import { emailAlertToOwner } from "~/email/alerts.server";
import { sendDailyDigests } from "./digest.server";
import { notifyGroupRecommended, notifyMeetingScheduled } from "./group-notices.server";
import { savePreferences } from "./notifications.server";

const BASE = "https://kizuna.test";
const outboxFor = (email: string) => db.outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });

describe("group notifications", () => {
  test("a scheduled meeting reaches active members (not the organiser) by their own choices and time zone", async () => {
    const group = await db.studyGroup.create({ data: { name: "スコアリング分科会", challenge: "c", description: "d", descriptionHtml: "d", level: "beginner", capacityPeople: 6, capacityCompanies: 6, state: "active" } });
    const leader = await upsertUser({ email: uniqueEmail("groups-mail.example"), name: "リーダー" });
    const ja = await upsertUser({ email: uniqueEmail("groups-mail.example"), name: "日本 花子" });
    const en = await upsertUser({ email: uniqueEmail("groups-mail.example"), name: "Emma", locale: "en", timeZone: "Europe/London" });
    const quiet = await upsertUser({ email: uniqueEmail("groups-mail.example"), name: "静か" });
    const waiting = await upsertUser({ email: uniqueEmail("groups-mail.example"), name: "待ち" });
    for (const [user, status] of [[leader, "active"], [ja, "active"], [en, "active"], [quiet, "active"], [waiting, "waitlisted"]] as const) {
      await db.groupMembership.create({ data: { groupId: group.id, userId: user.id, status } });
    }
    await savePreferences(quiet.id, { "group.meeting_scheduled": { inApp: true, email: false } });
    const meeting = await db.groupMeeting.create({ data: { groupId: group.id, title: "第3回 勉強会", startsAt: new Date("2026-12-10T10:00:00Z"), endsAt: new Date("2026-12-10T11:00:00Z"), createdById: leader.id } });

    expect(await notifyMeetingScheduled(group.id, meeting.id, leader.id, BASE)).toBe(3);
    expect(await outboxFor(leader.email)).toHaveLength(0);
    expect(await outboxFor(waiting.email)).toHaveLength(0);
    const [jaMail] = await outboxFor(ja.email);
    expect(jaMail!.subject).toBe("Kizuna: スコアリング分科会で新しいミーティング「第3回 勉強会」が予定されました（2026/12/10 19:00）");
    expect(jaMail!.text).toContain(`${BASE}/groups/${group.id}/meetings/${meeting.id}`);
    const [enMail] = await outboxFor(en.email);
    expect(enMail!.subject).toBe("Kizuna: New meeting in スコアリング分科会: “第3回 勉強会”, Dec 10, 2026, 10:00 AM");
    expect(await outboxFor(quiet.email)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: quiet.id, type: "group.meeting_scheduled" } })).toBe(1);
  });

  test("a staff recommendation notifies the member", async () => {
    const group = await db.studyGroup.create({ data: { name: "MA入門の会", challenge: "c", description: "d", descriptionHtml: "d", level: "beginner", capacityPeople: 6, capacityCompanies: 6, state: "active" } });
    const member = await upsertUser({ email: uniqueEmail("groups-mail.example"), name: "推薦 先" });
    expect(await notifyGroupRecommended(group.id, member.email, { name: "佐藤" }, BASE)).toBe(true);
    const [mail] = await outboxFor(member.email);
    expect(mail!.subject).toBe("Kizuna: 佐藤さんが分科会「MA入門の会」をおすすめしています");
    expect(await notifyGroupRecommended(group.id, "nobody@nowhere.example", { name: "佐藤" }, BASE)).toBe(false);
  });
});

describe("emailAlertToOwner", () => {
  test("the owner gets the alert with its next action in their language; no owner or opted out sends nothing", async () => {
    const owner = await upsertUser({ email: uniqueEmail("kizuna.example"), name: "担当", role: "cs" });
    const account = await upsertAccount({ name: "株式会社アラート", domains: ["alert-mail.example"], ownerId: owner.id });
    const alert = { accountId: account.id, title: "ヘルスが赤に下がりました", message: "2週間でログインが60%減少しました。", nextAction: "今週中にチャンピオンへ電話してください。" };
    expect(await emailAlertToOwner(alert, BASE)).toEqual({ sent: true, to: owner.email });
    const [mail] = await outboxFor(owner.email);
    expect(mail!.subject).toBe("Kizunaアラート: 株式会社アラート — ヘルスが赤に下がりました");
    expect(mail!.text).toContain("次のアクション: 今週中にチャンピオンへ電話してください。");
    expect(mail!.text).toContain(`${BASE}/workspace/accounts/${account.id}`);

    const orphan = await upsertAccount({ name: "担当なし", domains: ["no-owner.example"] });
    expect(await emailAlertToOwner({ ...alert, accountId: orphan.id }, BASE)).toEqual({ sent: false, reason: "no-owner" });
    await savePreferences(owner.id, { "cs.alert": { inApp: false, email: false } });
    expect(await emailAlertToOwner(alert, BASE)).toEqual({ sent: false, reason: "opted-out" });
    expect(await outboxFor(owner.email)).toHaveLength(1);
    expect(await emailAlertToOwner({ ...alert, accountId: "missing" }, BASE)).toEqual({ sent: false, reason: "no-account" });
  });
});

describe("daily digest", () => {
  test("goes only to people who opted in, once a day, and only when there is news", async () => {
    const now = new Date("2026-12-05T23:00:00Z");
    const subscriber = await upsertUser({ email: uniqueEmail("digest.example"), name: "購読 者" });
    const idle = await upsertUser({ email: uniqueEmail("digest.example"), name: "静か な人" });
    const other = await upsertUser({ email: uniqueEmail("digest.example"), name: "未設定" });
    await savePreferences(subscriber.id, { "digest.daily": { inApp: false, email: true } });
    await savePreferences(idle.id, { "digest.daily": { inApp: false, email: true } });
    await db.notification.create({ data: { userId: subscriber.id, type: "qa.answered", params: JSON.stringify({ name: "田中", title: "CSVの出力" }), link: "/questions/q1", createdAt: new Date(now.getTime() - 3_600_000) } });
    await db.notification.create({ data: { userId: idle.id, type: "qa.answered", params: "{}", link: "/questions/q0", createdAt: new Date(now.getTime() - 3 * 86_400_000) } });
    await db.notification.create({ data: { userId: other.id, type: "qa.answered", params: "{}", link: "/questions/q2", createdAt: now } });
    // No open questions here: the unread notifications alone decide who has news.
    await db.question.deleteMany();

    const first = await sendDailyDigests({ now, baseUrl: BASE });
    expect(first).toEqual({ recipients: 2, sent: 1, empty: 1, skipped: 0 });
    const [mail] = await outboxFor(subscriber.email);
    expect(mail!.subject).toBe("Kizuna デイリーダイジェスト — 2026/12/06");
    expect(mail!.text).toContain("田中さんがあなたの質問「CSVの出力」に回答しました");
    expect(mail!.text).toContain(`${BASE}/questions/q1`);
    expect(await outboxFor(idle.email)).toHaveLength(0);
    expect(await outboxFor(other.email)).toHaveLength(0);

    expect(await sendDailyDigests({ now: new Date(now.getTime() + 30 * 60_000), baseUrl: BASE })).toMatchObject({ sent: 0, skipped: 1 });
    expect(await outboxFor(subscriber.email)).toHaveLength(1);
  });
});
