// Scheduling, answers, attendance and notes against a real (per-file) database.
import { upsertAccount, upsertUser, uniqueEmail } from "../../tests/factories";
import { db } from "~/db.server";
import { createGroupAsStaff, setGroupArchived, type GroupInput } from "./groups.server";
import {
  editMeeting,
  listMeetings,
  loadMeeting,
  meetingFormSchema,
  postMeetingNotes,
  rsvpToMeeting,
  scheduleMeeting,
  takeAttendance,
  type MeetingInput,
} from "./meetings.server";
import { joinGroup, leaveGroup } from "./membership.server";

const GROUP: GroupInput = {
  name: "スコアリング分科会",
  challenge: "スコアが営業に使われない",
  description: "毎月集まります",
  level: "intermediate",
  topics: ["lead-scoring"],
  capacityPeople: 10,
  capacityCompanies: 10,
  visibility: "open",
};

const NOW = new Date("2026-11-20T00:00:00Z");
const HOUR = 60 * 60 * 1000;
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR);

let n = 0;
async function person(role: "member" | "cs" = "member") {
  n += 1;
  const accountId = role === "cs" ? null : (await upsertAccount({ name: `会社${n}`, domains: [`meet-${n}-${Date.now()}.example`] })).id;
  const user = await upsertUser({ email: uniqueEmail(), name: `人${n}`, accountId, role });
  return { id: user.id, accountId };
}

/** A staff-run group with a leader and two members. */
async function setup() {
  const staff = await person("cs");
  const leader = await person();
  const { id: groupId } = await createGroupAsStaff(staff, GROUP, leader);
  const [alice, bob] = [await person(), await person()];
  await joinGroup(groupId, alice);
  await joinGroup(groupId, bob);
  return { groupId, staff, leader, alice, bob };
}

function input(over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: "第1回：キックオフ",
    startsAt: at(48),
    endsAt: at(49),
    location: "",
    onlineUrl: "https://meet.example.com/abc",
    agenda: "1. 自己紹介\r\n2. **目標**",
    ...over,
  };
}

async function scheduled(groupId: string, by: { id: string }, over: Partial<MeetingInput> = {}) {
  const result = await scheduleMeeting(groupId, by, input(over));
  if (!result.ok) throw new Error(`could not schedule: ${result.error} ${JSON.stringify(result.problems)}`);
  return result.meetingId;
}

const events = (type: string, meetingId: string) => db.engagementEvent.findMany({ where: { type, subjectId: meetingId }, orderBy: { recordedAt: "asc" } });

describe("scheduling", () => {
  it("stores the meeting in UTC with the agenda rendered", async () => {
    const { groupId, leader } = await setup();
    const meetingId = await scheduled(groupId, leader);
    const row = await db.groupMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(row.startsAt.toISOString()).toBe("2026-11-22T00:00:00.000Z");
    expect(row.agenda).toBe("1. 自己紹介\n2. **目標**"); // CRLF from browsers becomes LF
    expect(row.agendaHtml).toContain("<strong>目標</strong>");
    expect(row.createdById).toBe(leader.id);
  });

  it("refuses bad input and stores nothing", async () => {
    const { groupId, leader } = await setup();
    const cases: Array<[Partial<MeetingInput>, string, string]> = [
      [{ title: "  " }, "title", "meetings.error.title"],
      [{ title: "あ".repeat(121) }, "title", "meetings.error.title"],
      [{ endsAt: at(47) }, "endsAt", "meetings.error.endBeforeStart"],
      [{ endsAt: at(48) }, "endsAt", "meetings.error.endBeforeStart"],
      [{ endsAt: at(48 + 12.01) }, "endsAt", "meetings.error.tooLong"],
      [{ onlineUrl: "http://meet.example.com/abc" }, "onlineUrl", "meetings.error.https"],
      [{ onlineUrl: "javascript:alert(1)" }, "onlineUrl", "meetings.error.https"],
      [{ onlineUrl: "", location: "" }, "location", "meetings.error.placeOrUrl"],
      [{ location: "x".repeat(201) }, "location", "meetings.error.locationLength"],
      [{ agenda: "x".repeat(10_001) }, "agenda", "meetings.error.agendaLength"],
      [{ startsAt: new Date("nope") }, "startsAt", "meetings.error.dateTime"],
    ];
    for (const [over, field, message] of cases) {
      const result = await scheduleMeeting(groupId, leader, input(over));
      expect(result, JSON.stringify(over).slice(0, 60)).toEqual({ ok: false, error: "invalid", problems: { [field]: message } });
    }
    expect(await db.groupMeeting.count({ where: { groupId } })).toBe(0);
  });

  it("accepts exactly 12 hours, and a place without a link", async () => {
    const { groupId, leader } = await setup();
    expect((await scheduleMeeting(groupId, leader, input({ endsAt: at(60) }))).ok).toBe(true);
    expect((await scheduleMeeting(groupId, leader, input({ onlineUrl: "", location: "東京都千代田区" }))).ok).toBe(true);
  });

  it("refuses new meetings in archived groups", async () => {
    const { groupId, leader } = await setup();
    await setGroupArchived(groupId, true);
    expect(await scheduleMeeting(groupId, leader, input())).toEqual({ ok: false, error: "group-closed" });
    expect(await scheduleMeeting("no-such-group", leader, input())).toEqual({ ok: false, error: "not-found" });
  });

  it("edits a meeting of the same group only", async () => {
    const { groupId, leader } = await setup();
    const other = await setup();
    const meetingId = await scheduled(groupId, leader);
    expect(await editMeeting(groupId, meetingId, input({ title: "改題", location: "大阪", onlineUrl: "" }))).toEqual({ ok: true });
    const row = await db.groupMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect([row.title, row.location, row.onlineUrl]).toEqual(["改題", "大阪", ""]);
    expect(await editMeeting(other.groupId, meetingId, input())).toEqual({ ok: false, error: "not-found" });
    expect((await editMeeting(groupId, meetingId, input({ endsAt: at(40) }))).ok).toBe(false);
    expect((await db.groupMeeting.findUniqueOrThrow({ where: { id: meetingId } })).title).toBe("改題");
  });
});

describe("the schedule form", () => {
  const form = (over: Record<string, string> = {}) => ({ title: "定例", startsAt: "2026-12-01T19:00", endsAt: "2026-12-01T20:30", onlineUrl: "https://meet.example.com/x", ...over });

  it("reads wall times in the manager's zone", () => {
    const tokyo = meetingFormSchema("Asia/Tokyo").parse(form());
    expect(tokyo.startsAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(tokyo.endsAt.toISOString()).toBe("2026-12-01T11:30:00.000Z");
    const newYork = meetingFormSchema("America/New_York").parse(form());
    expect(newYork.startsAt.toISOString()).toBe("2026-12-02T00:00:00.000Z");
    expect(newYork.shifted).toBe(false);
  });

  it("says when a time fell in a daylight-saving gap", () => {
    const parsed = meetingFormSchema("America/New_York").parse(form({ startsAt: "2026-03-08T02:30", endsAt: "2026-03-08T04:00" }));
    expect(parsed.startsAt.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(parsed.shifted).toBe(true);
  });

  it("reports missing times and an end before the start on the right field", () => {
    const missing = meetingFormSchema("Asia/Tokyo").safeParse(form({ startsAt: "" }));
    expect(missing.success || missing.error.issues.map((i) => [i.path[0], i.message])).toEqual([["startsAt", "meetings.error.dateTime"]]);
    const backwards = meetingFormSchema("Asia/Tokyo").safeParse(form({ endsAt: "2026-12-01T18:00" }));
    expect(backwards.success || backwards.error.issues.map((i) => [i.path[0], i.message])).toEqual([["endsAt", "meetings.error.endBeforeStart"]]);
  });
});

describe("listing", () => {
  it("splits upcoming from past and shows outsiders only title and time", async () => {
    const { groupId, leader, alice } = await setup();
    const soon = await scheduled(groupId, leader, { title: "soon", startsAt: at(2), endsAt: at(3) });
    const later = await scheduled(groupId, leader, { title: "later", startsAt: at(20), endsAt: at(21) });
    const running = await scheduled(groupId, leader, { title: "running", startsAt: at(-0.5), endsAt: at(0.5) });
    const done = await scheduled(groupId, leader, { title: "done", startsAt: at(-5), endsAt: at(-4) });
    await rsvpToMeeting(groupId, soon, alice, "yes", NOW);

    const insider = await listMeetings(groupId, { id: alice.id, insider: true }, NOW);
    expect(insider.upcoming.map((m) => m.id)).toEqual([running, soon, later]);
    expect(insider.past.map((m) => m.id)).toEqual([done]);
    expect(insider.upcoming[0]!.inProgress).toBe(true);
    expect(insider.upcoming[1]).toMatchObject({ yesCount: 1, myResponse: "yes", mode: { online: true, inPerson: false } });

    const outsider = await listMeetings(groupId, { id: null, insider: false }, NOW);
    expect(outsider.upcoming[1]).toMatchObject({ title: "soon", yesCount: 1, mode: null, myResponse: null });
    expect(JSON.stringify(outsider)).not.toContain("meet.example.com");
  });

  it("gives outsiders no place, link, agenda or names on the meeting page", async () => {
    const { groupId, leader, alice } = await setup();
    const meetingId = await scheduled(groupId, leader);
    await rsvpToMeeting(groupId, meetingId, alice, "yes", NOW);
    const outsider = await loadMeeting(groupId, meetingId, { id: null, insider: false, manager: false, member: false }, NOW);
    expect(outsider).toMatchObject({ title: "第1回：キックオフ", counts: { yes: 1, maybe: 0, no: 0 }, inside: null });
    expect(JSON.stringify(outsider)).not.toMatch(/meet\.example\.com|自己紹介|人\d/);
    const member = await loadMeeting(groupId, meetingId, { id: alice.id, insider: true, manager: false, member: true }, NOW);
    expect(member?.inside).toMatchObject({ onlineUrl: "https://meet.example.com/abc", myResponse: "yes", canAnswer: true, checklist: null });
    expect(member?.inside?.going.map((p) => p.id)).toEqual([alice.id]);
    expect(await loadMeeting((await setup()).groupId, meetingId, { id: null, insider: false, manager: false, member: false }, NOW)).toBeNull();
  });
});

describe("answers", () => {
  it("lets active members answer before the start, one event per distinct answer", async () => {
    const { groupId, leader, alice } = await setup();
    const meetingId = await scheduled(groupId, leader);
    expect(await rsvpToMeeting(groupId, meetingId, alice, "yes", NOW)).toEqual({ ok: true });
    expect(await rsvpToMeeting(groupId, meetingId, alice, "yes", NOW)).toEqual({ ok: true });
    expect(await rsvpToMeeting(groupId, meetingId, alice, "no", NOW)).toEqual({ ok: true });
    expect(await rsvpToMeeting(groupId, meetingId, alice, "yes", NOW)).toEqual({ ok: true });
    expect(await db.meetingRsvp.findMany({ where: { meetingId }, select: { userId: true, response: true } })).toEqual([{ userId: alice.id, response: "yes" }]);
    const recorded = await events("group.rsvp", meetingId);
    expect(recorded.map((e) => JSON.parse(e.metadata!).response)).toEqual(["yes", "no"]);
    expect(recorded[0]).toMatchObject({ actorId: alice.id, accountId: alice.accountId, subjectType: "meeting" });
  });

  it("refuses non-members, people who left, staff who are not members, started meetings and archived groups", async () => {
    const { groupId, leader, alice, staff } = await setup();
    const meetingId = await scheduled(groupId, leader);
    const stranger = await person();
    expect(await rsvpToMeeting(groupId, meetingId, stranger, "yes", NOW)).toEqual({ ok: false, error: "not-member" });
    expect(await rsvpToMeeting(groupId, meetingId, staff, "yes", NOW)).toEqual({ ok: false, error: "not-member" });
    await leaveGroup(groupId, alice);
    expect(await rsvpToMeeting(groupId, meetingId, alice, "yes", NOW)).toEqual({ ok: false, error: "not-member" });
    expect(await rsvpToMeeting(groupId, meetingId, leader, "yes", at(48))).toEqual({ ok: false, error: "not-upcoming" });
    expect(await rsvpToMeeting((await setup()).groupId, meetingId, leader, "yes", NOW)).toEqual({ ok: false, error: "not-found" });
    await setGroupArchived(groupId, true);
    expect(await rsvpToMeeting(groupId, meetingId, leader, "yes", NOW)).toEqual({ ok: false, error: "group-closed" });
    expect(await db.meetingRsvp.count({ where: { meetingId } })).toBe(0);
    expect(await events("group.rsvp", meetingId)).toHaveLength(0);
  });
});

describe("attendance", () => {
  it("is refused before the start", async () => {
    const { groupId, leader, alice } = await setup();
    const meetingId = await scheduled(groupId, leader);
    expect(await takeAttendance(groupId, meetingId, leader, [alice.id], NOW)).toEqual({ ok: false, error: "not-started" });
    expect(await db.meetingAttendance.count({ where: { meetingId } })).toBe(0);
  });

  it("records every active member, credits attendees and the leading recorder, and never double-counts", async () => {
    const { groupId, leader, alice, bob } = await setup();
    const meetingId = await scheduled(groupId, leader, { startsAt: at(-3), endsAt: at(-2) });
    expect(await takeAttendance(groupId, meetingId, leader, [leader.id, alice.id], NOW)).toEqual({ ok: true, attended: 2 });
    const rows = async () =>
      Object.fromEntries((await db.meetingAttendance.findMany({ where: { meetingId } })).map((r) => [r.userId, r.attended]));
    expect(await rows()).toEqual({ [leader.id]: true, [alice.id]: true, [bob.id]: false });
    expect((await db.groupMeeting.findUniqueOrThrow({ where: { id: meetingId } })).attendanceTakenAt).toEqual(NOW);

    // Corrected: Bob came too, Alice did not after all.
    expect(await takeAttendance(groupId, meetingId, leader, [leader.id, bob.id, bob.id], at(1))).toEqual({ ok: true, attended: 2 });
    expect(await rows()).toEqual({ [leader.id]: true, [alice.id]: false, [bob.id]: true });

    const attended = await events("group.attended", meetingId);
    expect(attended.map((e) => e.actorId).sort()).toEqual([leader.id, alice.id, bob.id].sort());
    expect(attended.every((e) => e.occurredAt.getTime() === at(-3).getTime())).toBe(true);
    expect(attended.find((e) => e.actorId === bob.id)?.accountId).toBe(bob.accountId);
    const led = await events("group.meeting_led", meetingId);
    expect(led.map((e) => e.actorId)).toEqual([leader.id]);
  });

  it("credits no leading to staff who are not leaders, and refuses people outside the group", async () => {
    const { groupId, leader, alice, staff } = await setup();
    const meetingId = await scheduled(groupId, leader, { startsAt: at(-3), endsAt: at(-2) });
    const stranger = await person();
    expect(await takeAttendance(groupId, meetingId, staff, [alice.id, stranger.id], NOW)).toEqual({ ok: false, error: "unknown-member" });
    expect(await db.meetingAttendance.count({ where: { meetingId } })).toBe(0);
    expect(await takeAttendance(groupId, meetingId, staff, [alice.id], NOW)).toEqual({ ok: true, attended: 1 });
    expect(await events("group.meeting_led", meetingId)).toHaveLength(0);
    expect((await events("group.attended", meetingId)).map((e) => e.actorId)).toEqual([alice.id]);
  });

  it("shows managers a checklist of active members, pre-ticked from the answers", async () => {
    const { groupId, leader, alice, bob } = await setup();
    const meetingId = await scheduled(groupId, leader, { startsAt: at(1), endsAt: at(2) });
    await rsvpToMeeting(groupId, meetingId, alice, "yes", NOW);
    const manager = { id: leader.id, insider: true, manager: true, member: true };
    expect((await loadMeeting(groupId, meetingId, manager, NOW))?.inside?.checklist).toBeNull(); // not started yet
    const checklist = (await loadMeeting(groupId, meetingId, manager, at(1.5)))?.inside?.checklist;
    expect(checklist?.map((c) => [c.userId, c.attended])).toEqual([
      [leader.id, false],
      [alice.id, true],
      [bob.id, false],
    ]);
    expect(checklist?.[0]?.isLeader).toBe(true);
  });
});

describe("notes", () => {
  it("are taken after the start, rendered and sanitised", async () => {
    const { groupId, leader } = await setup();
    const upcoming = await scheduled(groupId, leader);
    expect(await postMeetingNotes(groupId, upcoming, "早すぎ", NOW)).toEqual({ ok: false, error: "not-started" });
    const meetingId = await scheduled(groupId, leader, { startsAt: at(-3), endsAt: at(-2) });
    expect(await postMeetingNotes(groupId, meetingId, "## 決定事項\n- [資料](https://example.com/slides)\n<script>alert(1)</script>", NOW)).toEqual({ ok: true });
    const row = await db.groupMeeting.findUniqueOrThrow({ where: { id: meetingId } });
    expect(row.notesHtml).toContain("<h2>決定事項</h2>");
    expect(row.notesHtml).toContain('href="https://example.com/slides"');
    expect(row.notesHtml).not.toContain("<script");
    expect(await postMeetingNotes(groupId, meetingId, "x".repeat(10_001), NOW)).toEqual({
      ok: false,
      error: "invalid",
      problems: { notes: "meetings.error.notesLength" },
    });
    expect((await db.groupMeeting.findUniqueOrThrow({ where: { id: meetingId } })).notes).toContain("決定事項");
    await setGroupArchived(groupId, true);
    expect(await postMeetingNotes(groupId, meetingId, "後から", NOW)).toEqual({ ok: false, error: "group-closed" });
  });
});
