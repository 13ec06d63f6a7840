// A group's meetings: scheduling and editing (leaders and staff), answers from members before a
// meeting, attendance and notes after it has started. Times are stored in UTC; forms take wall
// times in the manager's own zone (./time-zone.ts). Agenda and notes are Markdown, rendered and
// sanitised when written (both kept). Who may do what is settled by requireGroupInsider /
// requireGroupManager before anything here runs; these functions enforce the rules of the data
// (group open for writes, meeting not started yet / started already, active members only).
import { z } from "zod";
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import type { MessageKey } from "~/i18n/messages";
import { renderMarkdown } from "~/markdown/markdown.server";
import { safeTimeZone } from "~/utils/zone-clock";
import { GROUP_EVENT } from "./events";
import { RSVP_RESPONSES, type RsvpResponse } from "./model";
import { acceptsMembers } from "./state";
import { isLocalDateTime, resolveZonedLocal, utcToZonedLocalInput } from "./time-zone";

export const MEETING_LIMITS = { title: 120, location: 200, onlineUrl: 500, markdown: 10_000, hours: 12 } as const;
const HOUR_MS = 60 * 60 * 1000;
const PAST_SHOWN = 50;

type Person = { id: string; accountId: string | null };
type Key = MessageKey;

export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

// Browsers submit textarea line breaks as CRLF; count what the writer sees.
const markdown = (tooLong: Key) =>
  z
    .string()
    .default("")
    .transform((text) => text.replace(/\r\n?/g, "\n"))
    .pipe(z.string().max(MEETING_LIMITS.markdown, tooLong));

const textFields = {
  title: z.string().trim().min(1, "meetings.error.title" satisfies Key).max(MEETING_LIMITS.title, "meetings.error.title" satisfies Key),
  location: z.string().trim().max(MEETING_LIMITS.location, "meetings.error.locationLength" satisfies Key).default(""),
  onlineUrl: z
    .string()
    .trim()
    .max(MEETING_LIMITS.onlineUrl, "meetings.error.https" satisfies Key)
    .refine((url) => url === "" || isHttpsUrl(url), "meetings.error.https" satisfies Key)
    .default(""),
  agenda: markdown("meetings.error.agendaLength"),
};

/** The rules between fields, reported on the field a person would fix. */
function meetingRules(input: { startsAt: Date; endsAt: Date; location: string; onlineUrl: string }, ctx: z.RefinementCtx) {
  const issue = (field: string, message: Key) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
  const length = input.endsAt.getTime() - input.startsAt.getTime();
  if (length <= 0) issue("endsAt", "meetings.error.endBeforeStart");
  else if (length > MEETING_LIMITS.hours * HOUR_MS) issue("endsAt", "meetings.error.tooLong");
  if (!input.location && !input.onlineUrl) issue("location", "meetings.error.placeOrUrl");
}

const instant = z.date({ errorMap: () => ({ message: "meetings.error.dateTime" satisfies Key }) });

/** A meeting as the domain takes it: instants, not wall times. */
export const meetingSchema = z
  .object({ ...textFields, startsAt: instant, endsAt: instant })
  .superRefine(meetingRules);
export type MeetingInput = z.input<typeof meetingSchema>;

const wallTime = z.string().trim().refine(isLocalDateTime, "meetings.error.dateTime" satisfies Key);

/**
 * The schedule/edit form: start and end are wall times in `timeZone` (the manager's own zone).
 * `shifted` says a start or end fell in a daylight-saving gap and was moved forward.
 */
export function meetingFormSchema(timeZone: string) {
  return z
    .object({ ...textFields, startsAt: wallTime, endsAt: wallTime })
    .transform(({ startsAt, endsAt, ...rest }) => {
      const start = resolveZonedLocal(startsAt, timeZone);
      const end = resolveZonedLocal(endsAt, timeZone);
      return { ...rest, startsAt: start.date, endsAt: end.date, shifted: start.kind === "skipped" || end.kind === "skipped" };
    })
    .superRefine(meetingRules);
}

export const rsvpSchema = z.object({ response: z.enum(RSVP_RESPONSES) });
export const notesSchema = z.object({ notes: markdown("meetings.error.notesLength") });

/** Something that stopped a write, named so routes can pick the status and message. */
export type MeetingError =
  | "not-found"
  | "group-closed"
  | "invalid"
  | "not-member"
  | "not-upcoming"
  | "not-started"
  | "unknown-member";
export type MeetingResult<T = object> = ({ ok: true } & T) | { ok: false; error: MeetingError; problems?: Record<string, string> };

function problemsOf(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) problems[String(issue.path[0] ?? "form")] ??= issue.message;
  return problems;
}

/** Only active groups change; archived ones stay as a read-only record. */
export const acceptsMeetings = (state: string) => acceptsMembers(state);
const openForWrites = acceptsMeetings;

/** The zone a person enters and reads times in; their profile's, if Intl knows it. */
export function zoneOf(user: { timeZone?: string | null } | null): string {
  return safeTimeZone(user?.timeZone);
}

/** What the schedule form starts with: a week from today, 19:00–20:00 in the manager's zone. */
export function defaultSlot(timeZone: string, now = new Date()) {
  const day = utcToZonedLocalInput(new Date(now.getTime() + 7 * 24 * HOUR_MS), timeZone).slice(0, 10);
  return { startsAt: `${day}T19:00`, endsAt: `${day}T20:00` };
}

async function groupState(groupId: string) {
  return (await db.studyGroup.findUnique({ where: { id: groupId }, select: { state: true } }))?.state ?? null;
}

async function meetingOf(groupId: string, meetingId: string) {
  const meeting = await db.groupMeeting.findUnique({
    where: { id: meetingId },
    select: { id: true, groupId: true, title: true, startsAt: true, endsAt: true, group: { select: { state: true } } },
  });
  return meeting?.groupId === groupId ? meeting : null;
}

function meetingData(input: z.output<typeof meetingSchema>) {
  return {
    title: input.title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.location,
    onlineUrl: input.onlineUrl,
    agenda: input.agenda,
    agendaHtml: input.agenda.trim() ? renderMarkdown(input.agenda) : "",
  };
}

export async function scheduleMeeting(groupId: string, by: { id: string }, input: MeetingInput): Promise<MeetingResult<{ meetingId: string }>> {
  const state = await groupState(groupId);
  if (state === null) return { ok: false, error: "not-found" };
  if (!openForWrites(state)) return { ok: false, error: "group-closed" };
  const parsed = meetingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", problems: problemsOf(parsed.error) };
  const meeting = await db.groupMeeting.create({ data: { groupId, createdById: by.id, ...meetingData(parsed.data) }, select: { id: true } });
  return { ok: true, meetingId: meeting.id };
}

export async function editMeeting(groupId: string, meetingId: string, input: MeetingInput): Promise<MeetingResult> {
  const meeting = await meetingOf(groupId, meetingId);
  if (!meeting) return { ok: false, error: "not-found" };
  if (!openForWrites(meeting.group.state)) return { ok: false, error: "group-closed" };
  const parsed = meetingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid", problems: problemsOf(parsed.error) };
  await db.groupMeeting.update({ where: { id: meetingId }, data: meetingData(parsed.data) });
  return { ok: true };
}

/**
 * Upcoming (not yet ended, soonest first) and past (newest first) meetings. Outsiders get the
 * title and time only; insiders also whether it is online and their own answer.
 */
export async function listMeetings(groupId: string, viewer: { id: string | null; insider: boolean }, now = new Date()) {
  const select = {
    id: true,
    title: true,
    startsAt: true,
    endsAt: true,
    onlineUrl: true,
    location: true,
    attendanceTakenAt: true,
    rsvps: { where: { response: "yes" }, select: { userId: true } },
  } as const;
  const [upcoming, past] = await Promise.all([
    db.groupMeeting.findMany({ where: { groupId, endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select }),
    db.groupMeeting.findMany({ where: { groupId, endsAt: { lte: now } }, orderBy: { startsAt: "desc" }, take: PAST_SHOWN, select }),
  ]);
  const mine = viewer.id && viewer.insider
    ? new Map(
        (await db.meetingRsvp.findMany({ where: { userId: viewer.id, meetingId: { in: upcoming.map((m) => m.id) } }, select: { meetingId: true, response: true } })).map(
          (r) => [r.meetingId, r.response as RsvpResponse],
        ),
      )
    : new Map<string, RsvpResponse>();
  const present = (m: (typeof upcoming)[number]) => ({
    id: m.id,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    inProgress: m.startsAt <= now && now < m.endsAt,
    yesCount: m.rsvps.length,
    mode: viewer.insider ? { online: m.onlineUrl !== "", inPerson: m.location !== "" } : null,
    myResponse: mine.get(m.id) ?? null,
    attendanceTaken: m.attendanceTakenAt !== null,
  });
  return { upcoming: upcoming.map(present), past: past.map(present) };
}

export type MeetingViewer = { id: string | null; insider: boolean; manager: boolean; member: boolean };

/**
 * One meeting as `viewer` may see it: title and time for everyone; place, link, agenda, notes,
 * who is coming and attendance for insiders; the attendance checklist for managers.
 * Null when the meeting is not in this group.
 */
export async function loadMeeting(groupId: string, meetingId: string, viewer: MeetingViewer, now = new Date()) {
  const meeting = await db.groupMeeting.findUnique({
    where: { id: meetingId },
    include: {
      rsvps: { select: { userId: true, response: true, user: { select: { name: true } } }, orderBy: { updatedAt: "asc" } },
      attendance: { select: { userId: true, attended: true } },
    },
  });
  if (!meeting || meeting.groupId !== groupId) return null;
  const started = meeting.startsAt <= now;
  const counts = { yes: 0, maybe: 0, no: 0 } satisfies Record<RsvpResponse, number>;
  for (const rsvp of meeting.rsvps) if (rsvp.response in counts) counts[rsvp.response as RsvpResponse] += 1;
  const base = {
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    updatedAt: meeting.updatedAt,
    started,
    ended: meeting.endsAt <= now,
    counts,
  };
  if (!viewer.insider) return { ...base, inside: null };

  const attendedIds = new Set(meeting.attendance.filter((a) => a.attended).map((a) => a.userId));
  const checklist =
    viewer.manager && started
      ? (
          await db.groupMembership.findMany({
            where: { groupId, status: "active" },
            orderBy: [{ role: "asc" }, { joinedAt: "asc" }],
            select: { userId: true, role: true, user: { select: { name: true } } },
          })
        ).map((m) => {
          const row = meeting.attendance.find((a) => a.userId === m.userId);
          const saidYes = meeting.rsvps.some((r) => r.userId === m.userId && r.response === "yes");
          // Before attendance is taken, those who said they would come are ticked to start with.
          return { userId: m.userId, name: m.user.name, isLeader: m.role === "leader", attended: row ? row.attended : saidYes };
        })
      : null;
  return {
    ...base,
    inside: {
      location: meeting.location,
      onlineUrl: meeting.onlineUrl,
      agenda: meeting.agenda,
      agendaHtml: meeting.agendaHtml,
      notes: meeting.notes,
      notesHtml: meeting.notesHtml,
      going: meeting.rsvps.filter((r) => r.response === "yes").map((r) => ({ id: r.userId, name: r.user.name })),
      myResponse: (meeting.rsvps.find((r) => r.userId === viewer.id)?.response ?? null) as RsvpResponse | null,
      canAnswer: viewer.member && !started,
      attendanceTakenAt: meeting.attendanceTakenAt,
      attendedCount: attendedIds.size,
      checklist,
    },
  };
}

export type LoadedMeeting = NonNullable<Awaited<ReturnType<typeof loadMeeting>>>;

/** A member answers whether they will come. Each distinct answer is one engagement event. */
export async function rsvpToMeeting(
  groupId: string,
  meetingId: string,
  person: Person,
  response: RsvpResponse,
  now = new Date(),
): Promise<MeetingResult> {
  const meeting = await meetingOf(groupId, meetingId);
  if (!meeting) return { ok: false, error: "not-found" };
  if (!openForWrites(meeting.group.state)) return { ok: false, error: "group-closed" };
  if (meeting.startsAt <= now) return { ok: false, error: "not-upcoming" };
  const membership = await db.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId: person.id } }, select: { status: true } });
  if (membership?.status !== "active") return { ok: false, error: "not-member" };
  await db.meetingRsvp.upsert({
    where: { meetingId_userId: { meetingId, userId: person.id } },
    create: { meetingId, userId: person.id, response },
    update: { response },
  });
  await recordEngagement({
    type: GROUP_EVENT.rsvp,
    actor: person,
    subjectType: "meeting",
    subjectId: meetingId,
    idempotencyKey: `${GROUP_EVENT.rsvp}:${meetingId}:${person.id}:${response}`,
    occurredAt: now,
    metadata: { groupId, response },
  });
  return { ok: true };
}

/**
 * Records who came, for every active member (ticked = attended). Submitting again updates the
 * rows; events are keyed per meeting and person, so they are never counted twice. Unticking
 * someone later corrects the row but leaves their event: the engagement log is append-only.
 * The recorder, if a leader of the group, is credited with leading the meeting.
 */
export async function takeAttendance(
  groupId: string,
  meetingId: string,
  recorder: Person,
  attendedUserIds: string[],
  now = new Date(),
): Promise<MeetingResult<{ attended: number }>> {
  const meeting = await meetingOf(groupId, meetingId);
  if (!meeting) return { ok: false, error: "not-found" };
  if (!openForWrites(meeting.group.state)) return { ok: false, error: "group-closed" };
  if (meeting.startsAt > now) return { ok: false, error: "not-started" };
  const members = await db.groupMembership.findMany({
    where: { groupId, status: "active" },
    select: { userId: true, role: true, user: { select: { accountId: true } } },
  });
  const attended = new Set(attendedUserIds);
  const memberIds = new Set(members.map((m) => m.userId));
  if ([...attended].some((id) => !memberIds.has(id))) return { ok: false, error: "unknown-member" };

  await db.$transaction([
    ...members.map((m) =>
      db.meetingAttendance.upsert({
        where: { meetingId_userId: { meetingId, userId: m.userId } },
        create: { meetingId, userId: m.userId, attended: attended.has(m.userId), recordedById: recorder.id, recordedAt: now },
        update: { attended: attended.has(m.userId), recordedById: recorder.id, recordedAt: now },
      }),
    ),
    db.groupMeeting.update({ where: { id: meetingId }, data: { attendanceTakenAt: now } }),
  ]);

  for (const member of members.filter((m) => attended.has(m.userId))) {
    await recordEngagement({
      type: GROUP_EVENT.attended,
      actor: { id: member.userId, accountId: member.user.accountId },
      subjectType: "meeting",
      subjectId: meetingId,
      idempotencyKey: `${GROUP_EVENT.attended}:${meetingId}:${member.userId}`,
      occurredAt: meeting.startsAt,
      metadata: { groupId },
    });
  }
  if (members.some((m) => m.userId === recorder.id && m.role === "leader")) {
    await recordEngagement({
      type: GROUP_EVENT.ledMeeting,
      actor: recorder,
      subjectType: "meeting",
      subjectId: meetingId,
      idempotencyKey: `${GROUP_EVENT.ledMeeting}:${meetingId}:${recorder.id}`,
      occurredAt: meeting.startsAt,
      metadata: { groupId },
    });
  }
  return { ok: true, attended: attended.size };
}

/** Notes and materials, once the meeting has started. Empty notes clear them. */
export async function postMeetingNotes(groupId: string, meetingId: string, notes: string, now = new Date()): Promise<MeetingResult> {
  const meeting = await meetingOf(groupId, meetingId);
  if (!meeting) return { ok: false, error: "not-found" };
  if (!openForWrites(meeting.group.state)) return { ok: false, error: "group-closed" };
  if (meeting.startsAt > now) return { ok: false, error: "not-started" };
  const parsed = notesSchema.safeParse({ notes });
  if (!parsed.success) return { ok: false, error: "invalid", problems: problemsOf(parsed.error) };
  const text = parsed.data.notes;
  await db.groupMeeting.update({ where: { id: meetingId }, data: { notes: text, notesHtml: text.trim() ? renderMarkdown(text) : "" } });
  return { ok: true };
}

/** The meeting as a calendar file's fields; insiders only (the route checks). */
export async function meetingForCalendar(groupId: string, meetingId: string) {
  const meeting = await db.groupMeeting.findUnique({
    where: { id: meetingId },
    select: { id: true, groupId: true, title: true, startsAt: true, endsAt: true, location: true, onlineUrl: true, agenda: true, updatedAt: true, group: { select: { name: true } } },
  });
  return meeting?.groupId === groupId ? meeting : null;
}

/** The HTTP status and message key for a failed write. */
export function meetingErrorResponse(error: MeetingError): { status: number; key: Key } {
  switch (error) {
    case "not-found":
      return { status: 404, key: "meetings.error.notFound" };
    case "group-closed":
      return { status: 409, key: "meetings.error.groupClosed" };
    case "not-member":
      return { status: 403, key: "meetings.error.notMember" };
    case "not-upcoming":
      return { status: 409, key: "meetings.error.notUpcoming" };
    case "not-started":
      return { status: 409, key: "meetings.error.notStarted" };
    case "unknown-member":
      return { status: 400, key: "meetings.error.unknownMember" };
    case "invalid":
      return { status: 400, key: "error.form" };
  }
}
