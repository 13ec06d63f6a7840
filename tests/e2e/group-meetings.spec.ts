import { expect, test, type Page } from "@playwright/test";
import { hydrated, queryDb, signedInAs, signIn } from "./helpers";

const GROUP = "スコアリング実践分科会";
const PAST_MEETING = "第3回：営業アラートの文面を見せ合う";
const UPCOMING_MEETING = "第4回：受注データでスコアを検証する";
const MEMBER = "takuya.yamamoto@hokuto-logi.example";

function groupId(): string {
  return queryDb<{ id: string }>("SELECT id FROM StudyGroup WHERE name = ?", GROUP)[0]!.id;
}

function meetingId(title: string): string {
  return queryDb<{ id: string }>("SELECT m.id FROM GroupMeeting m JOIN StudyGroup g ON g.id = m.groupId WHERE g.name = ? AND m.title = ?", GROUP, title)[0]!.id;
}

/** A day a month from now, as Tokyo's calendar has it: "YYYY-MM-DD". */
function dayInTokyo(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 24 * 60 * 60 * 1000).toLocaleDateString("sv-SE", { timeZone: "Asia/Tokyo" });
}

async function fillSchedule(page: Page, values: { title: string; startsAt: string; endsAt: string; onlineUrl: string; agenda?: string }) {
  const form = page.getByRole("region", { name: "ミーティングを予定する" });
  await form.getByLabel("タイトル").fill(values.title);
  await form.getByLabel("開始", { exact: true }).fill(values.startsAt);
  await form.getByLabel("終了", { exact: true }).fill(values.endsAt);
  await form.getByLabel(/^オンライン会議のリンク/).fill(values.onlineUrl);
  if (values.agenda) await form.getByLabel(/^アジェンダ/).fill(values.agenda);
  await form.getByRole("button", { name: "ミーティングを予定する" }).click();
}

test.describe("as the group's leader", () => {
  signedInAs("member");

  test("schedules a meeting; a member says yes; counts, list and calendar file follow", async ({ page, browser }) => {
    const id = groupId();
    const title = `e2e定例 ${Date.now().toString(36)}`;
    const day = dayInTokyo(30);
    await page.goto(`/groups/${id}/meetings`);
    await hydrated(page);
    await expect(page.getByText("時刻はあなたのタイムゾーン（Asia/Tokyo (JST)）で表示しています。")).toBeVisible();
    await fillSchedule(page, { title, startsAt: `${day}T19:00`, endsAt: `${day}T20:30`, onlineUrl: "https://meet.example.com/e2e", agenda: "1. **近況**\n2. 事例共有" });

    await expect(page.getByRole("status").filter({ hasText: `「${title}」を予定しました。` })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    await expect(page.getByText("19:00 – 20:30")).toBeVisible();
    await expect(page.locator(".markdown strong", { hasText: "近況" })).toBeVisible();
    const meetingUrl = new URL(page.url()).pathname;
    const stored = queryDb<{ startsAt: number; endsAt: number }>("SELECT startsAt, endsAt FROM GroupMeeting WHERE title = ?", title);
    expect(stored).toHaveLength(1);
    expect(new Date(stored[0]!.startsAt).toISOString()).toBe(`${day}T10:00:00.000Z`);

    // A member answers yes.
    const memberContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const member = await memberContext.newPage();
    await signIn(member, MEMBER);
    await member.goto(meetingUrl);
    await hydrated(member);
    await expect(member.getByRole("link", { name: "オンラインで参加" })).toHaveAttribute("href", "https://meet.example.com/e2e");
    await member.getByRole("button", { name: "参加", exact: true }).click();
    await expect(member.getByRole("status").filter({ hasText: "回答を保存しました：参加" })).toBeVisible();
    await expect(member.getByRole("button", { name: "参加", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(member.getByRole("list", { name: "回答" }).getByText("参加：1人")).toBeVisible();
    await expect(member.getByRole("list", { name: "参加する人" }).getByText("山本 拓也")).toBeVisible();
    const rsvpEvents = queryDb(
      "SELECT e.id FROM EngagementEvent e JOIN User u ON u.id = e.actorId JOIN GroupMeeting m ON m.id = e.subjectId WHERE u.email = ? AND m.title = ? AND e.type = 'group.rsvp'",
      MEMBER,
      title,
    );
    expect(rsvpEvents).toHaveLength(1);

    // The list shows it in the viewer's zone, with the zone named, and the yes.
    await member.goto(`/groups/${id}/meetings`);
    const card = member.locator(".meeting-card", { hasText: title });
    await expect(card).toContainText("19:00 – 20:30");
    await expect(card).toContainText("Asia/Tokyo (JST)");
    await expect(card).toContainText("参加 1人");
    await expect(card).toContainText("あなたの回答：参加");

    // The calendar file carries the time in UTC.
    const ics = await member.request.get(`${meetingUrl}.ics`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()["content-type"]).toMatch(/^text\/calendar/);
    expect(ics.headers()["content-disposition"]).toMatch(/^attachment; filename="[\w-]+\.ics"/);
    const body = await ics.text();
    const ymd = day.replace(/-/g, "");
    expect(body).toContain(`\r\nDTSTART:${ymd}T100000Z\r\n`);
    expect(body).toContain(`\r\nDTEND:${ymd}T113000Z\r\n`);
    expect(body).toContain("LOCATION:https://meet.example.com/e2e");
    await memberContext.close();

    // The leader sees the answer too.
    await page.reload();
    await expect(page.getByRole("list", { name: "回答" }).getByText("参加：1人")).toBeVisible();
  });

  test("takes attendance of the past meeting once, however often it is saved", async ({ page }) => {
    const id = groupId();
    const meeting = meetingId(PAST_MEETING);
    await page.goto(`/groups/${id}/meetings/${meeting}`);
    await hydrated(page);
    const checklist = page.getByRole("group", { name: /参加した人にチェック/ });
    await expect(checklist.getByRole("checkbox", { name: "田中 遥" })).toBeChecked();
    await expect(checklist.getByRole("checkbox", { name: "山本 拓也" })).toBeChecked();
    await expect(checklist.getByRole("checkbox", { name: "吉田 亮" })).not.toBeChecked();
    await checklist.getByRole("checkbox", { name: "吉田 亮" }).check();
    await page.getByRole("button", { name: "出欠を保存" }).click();
    await expect(page.getByRole("status").filter({ hasText: "出欠を保存しました：出席 3人" })).toBeVisible();
    await expect(page.getByRole("region", { name: "出欠" }).getByText(/^出席 3人/)).toBeVisible();

    const events = () =>
      queryDb<{ type: string; email: string }>(
        "SELECT e.type, u.email FROM EngagementEvent e JOIN User u ON u.id = e.actorId WHERE e.subjectId = ? ORDER BY e.type, u.email",
        meeting,
      );
    const expected = [
      { type: "group.attended", email: "haruka.tanaka@sakura-commerce.example" },
      { type: "group.attended", email: "ryo.yoshida@hikari-soft.example" },
      { type: "group.attended", email: MEMBER },
      { type: "group.meeting_led", email: "haruka.tanaka@sakura-commerce.example" },
    ];
    expect(events()).toEqual(expected);

    // Saving again (e.g. a correction) updates the rows but adds no events.
    await hydrated(page);
    await page.getByRole("button", { name: "出欠を保存" }).click();
    await expect(page.getByRole("status").filter({ hasText: "出欠を保存しました" })).toBeVisible();
    expect(events()).toEqual(expected);
    expect(queryDb("SELECT userId FROM MeetingAttendance WHERE meetingId = ? AND attended = 1", meeting)).toHaveLength(3);

    // Notes and materials afterwards, rendered from Markdown.
    await hydrated(page);
    await page.getByRole("textbox", { name: "議事メモ・資料" }).fill("## 決定事項\n- [スライド](https://example.com/slides)");
    await page.getByRole("button", { name: "メモを保存" }).click();
    await expect(page.getByRole("status").filter({ hasText: "議事メモを保存しました。" })).toBeVisible();
    const notes = page.getByRole("region", { name: "議事メモ・資料" });
    await expect(notes.getByRole("heading", { name: "決定事項" })).toBeVisible();
    await expect(notes.getByRole("link", { name: "スライド" })).toHaveAttribute("href", "https://example.com/slides");
  });

  test("an end before the start is refused with a clear message, and nothing is stored", async ({ page }) => {
    const id = groupId();
    const title = `e2e逆転 ${Date.now().toString(36)}`;
    const day = dayInTokyo(20);
    await page.goto(`/groups/${id}/meetings`);
    await hydrated(page);
    await fillSchedule(page, { title, startsAt: `${day}T19:00`, endsAt: `${day}T18:00`, onlineUrl: "https://meet.example.com/x" });
    const form = page.getByRole("region", { name: "ミーティングを予定する" });
    await expect(form.getByText("終了は開始より後の時刻にしてください。")).toBeVisible();
    await expect(form.getByLabel("終了", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("タイトル")).toHaveValue(title);

    await hydrated(page);
    await fillSchedule(page, { title, startsAt: `${day}T19:00`, endsAt: `${day}T20:00`, onlineUrl: "http://meet.example.com/x" });
    await expect(form.getByText("https:// で始まるリンクを入力するか、空欄にしてください。")).toBeVisible();
    expect(queryDb("SELECT id FROM GroupMeeting WHERE title = ?", title)).toHaveLength(0);
  });
});

test.describe("as a visitor", () => {
  test("sees the title and time of a meeting but not its link, agenda or calendar file", async ({ page, request }) => {
    const id = groupId();
    const meeting = meetingId(UPCOMING_MEETING);
    await page.goto(`/groups/${id}/meetings/${meeting}`);
    await expect(page.getByRole("heading", { level: 2, name: UPCOMING_MEETING })).toBeVisible();
    await expect(page.getByText("19:00 – 20:00")).toBeVisible();
    await expect(page.getByText("会場・オンラインのリンク・アジェンダは分科会のメンバーに表示されます。")).toBeVisible();
    await expect(page.getByRole("link", { name: "オンラインで参加" })).toHaveCount(0);
    for (const path of [`/groups/${id}/meetings/${meeting}`, `/groups/${id}/meetings/${meeting}.data`, `/groups/${id}/meetings`]) {
      const text = await (await request.get(path)).text();
      expect(text, path).not.toContain("meet.kizuna.example");
      expect(text, path).not.toContain("北斗ロジスティクスさんの検証事例");
    }
    const ics = await request.get(`/groups/${id}/meetings/${meeting}.ics`, { maxRedirects: 0 });
    expect(ics.status()).toBe(302);
    expect(ics.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
    expect((await request.get(`/groups/${id}/meetings/no-such-meeting`)).status()).toBe(404);
  });
});
