// The engagement timeline of an account or a person: the event log, newest first, filterable by
// type and paged, with each event's subject (article, question, group…) resolved to a title and a
// link in a handful of batched lookups.
import { getCatalog } from "~/content/catalog.server";
import { articleHref } from "~/content/model";
import { db } from "~/db.server";
import { EVENT_TYPES, type EventType } from "~/engagement/events";

export const TIMELINE_PAGE_SIZE = 20;

export type TimelineScope = { accountId: string } | { actorId: string };
export type TimelineFilter = { type: EventType | null; page: number };

export function isEventType(value: string | null): value is EventType {
  return value !== null && Object.prototype.hasOwnProperty.call(EVENT_TYPES, value);
}

/** ?type= and ?tpage= (the timeline pages on its own, apart from other lists on the page). */
export function timelineFilterFromUrl(url: URL): TimelineFilter {
  const type = url.searchParams.get("type");
  const page = Number(url.searchParams.get("tpage"));
  return { type: isEventType(type) ? type : null, page: Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1 };
}

export type TimelineEntry = {
  id: string;
  type: string;
  occurredAt: string;
  actor: { id: string; name: string; role: string } | null;
  subject: { label: string; href: string | null } | null;
  /** For staff touches (cs.recommended): the member it was for. */
  recipient: { id: string; name: string } | null;
};

function metadataOf(raw: string | null): Record<string, unknown> {
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function loadTimeline(scope: TimelineScope, filter: TimelineFilter) {
  const where = { ...scope, ...(filter.type ? { type: filter.type } : {}) };
  const total = await db.engagementEvent.count({ where });
  const pages = Math.max(1, Math.ceil(total / TIMELINE_PAGE_SIZE));
  const page = Math.min(filter.page, pages);
  const events = await db.engagementEvent.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * TIMELINE_PAGE_SIZE,
    take: TIMELINE_PAGE_SIZE,
    select: {
      id: true,
      type: true,
      occurredAt: true,
      subjectType: true,
      subjectId: true,
      metadata: true,
      actor: { select: { id: true, name: true, role: true } },
    },
  });
  const subjects = await resolveSubjects(events);
  const recipientIds = events.flatMap((e) => {
    const to = metadataOf(e.metadata).toUserId;
    return typeof to === "string" ? [to] : [];
  });
  const recipients = recipientIds.length
    ? new Map((await db.user.findMany({ where: { id: { in: recipientIds } }, select: { id: true, name: true } })).map((u) => [u.id, u]))
    : new Map<string, { id: string; name: string }>();
  const entries: TimelineEntry[] = events.map((e) => {
    const to = metadataOf(e.metadata).toUserId;
    return {
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      actor: e.actor,
      subject: subjects.get(`${e.subjectType}:${e.subjectId}`) ?? null,
      recipient: typeof to === "string" ? (recipients.get(to) ?? null) : null,
    };
  });
  return { entries, total, page, pages, type: filter.type };
}

type Subject = { label: string; href: string | null };

async function resolveSubjects(events: Array<{ subjectType: string; subjectId: string }>): Promise<Map<string, Subject>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.subjectType === type).map((e) => e.subjectId))];
  const found = new Map<string, Subject>();
  const catalog = getCatalog();
  for (const id of ids("article")) {
    const article = catalog.byId.get(id);
    found.set(`article:${id}`, article ? { label: article.title, href: articleHref(article) } : { label: id, href: null });
  }
  const [questions, answers, groups, meetings] = await Promise.all([
    ids("question").length ? db.question.findMany({ where: { id: { in: ids("question") } }, select: { id: true, title: true } }) : [],
    ids("answer").length
      ? db.answer.findMany({ where: { id: { in: ids("answer") } }, select: { id: true, question: { select: { id: true, title: true } } } })
      : [],
    ids("group").length ? db.studyGroup.findMany({ where: { id: { in: ids("group") } }, select: { id: true, name: true } }) : [],
    ids("meeting").length
      ? db.groupMeeting.findMany({ where: { id: { in: ids("meeting") } }, select: { id: true, title: true, group: { select: { id: true, name: true } } } })
      : [],
  ]);
  for (const q of questions) found.set(`question:${q.id}`, { label: q.title, href: `/questions/${q.id}` });
  for (const a of answers) found.set(`answer:${a.id}`, { label: a.question.title, href: `/questions/${a.question.id}` });
  for (const g of groups) found.set(`group:${g.id}`, { label: g.name, href: `/groups/${g.id}` });
  for (const m of meetings) found.set(`meeting:${m.id}`, { label: `${m.group.name} · ${m.title}`, href: `/groups/${m.group.id}/meetings/${m.id}` });
  return found;
}
