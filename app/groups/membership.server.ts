// Joining, leaving, waiting and leading. Seats are decided inside one database transaction per
// change (SQLite runs write transactions one at a time), so two people racing for the last seat
// cannot both get it. People count against the people capacity; a company counts once against
// the company capacity however many of its people join.
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import { GROUP_EVENT } from "./events";
import { acceptsMembers } from "./state";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Person = { id: string; accountId: string | null };

export type JoinOutcome = "joined" | "waitlisted" | "requested" | "already-member" | "already-waiting" | "already-requested" | "closed";
export type LeaveOutcome = "left" | "not-member" | "last-leader";

/** Whether one more person from `accountId` fits in the group right now. */
async function hasSeat(tx: Tx, group: { id: string; capacityPeople: number; capacityCompanies: number }, accountId: string | null) {
  const active = await tx.groupMembership.findMany({ where: { groupId: group.id, status: "active" }, select: { accountId: true } });
  if (active.length >= group.capacityPeople) return false;
  const companies = new Set(active.map((m) => m.accountId ?? "none"));
  return companies.has(accountId ?? "none") || companies.size < group.capacityCompanies;
}

/** Fills free seats from the wait list, first come first served (skipping people whose company would not fit). */
async function promoteFromWaitlist(tx: Tx, groupId: string, now: Date): Promise<Person[]> {
  const group = await tx.studyGroup.findUniqueOrThrow({ where: { id: groupId }, select: { id: true, capacityPeople: true, capacityCompanies: true } });
  const waiting = await tx.groupMembership.findMany({
    where: { groupId, status: "waitlisted" },
    orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, accountId: true },
  });
  const promoted: Person[] = [];
  for (const entry of waiting) {
    if (!(await hasSeat(tx, group, entry.accountId))) continue;
    await tx.groupMembership.update({ where: { id: entry.id }, data: { status: "active", joinedAt: now } });
    promoted.push({ id: entry.userId, accountId: entry.accountId });
  }
  return promoted;
}

async function recordJoined(people: Person[], groupId: string, now: Date) {
  for (const person of people) {
    await recordEngagement({
      type: GROUP_EVENT.joined,
      actor: person,
      subjectType: "group",
      subjectId: groupId,
      idempotencyKey: `${GROUP_EVENT.joined}:${person.id}:${groupId}:${now.toISOString()}`,
      occurredAt: now,
    });
  }
}

/**
 * Joins `person` to the group: a seat when one is free, else the wait list. Groups that take
 * requests record a request instead, unless a leader is approving one (`approved`).
 */
export async function joinGroup(groupId: string, person: Person, options: { approved?: boolean; now?: Date } = {}): Promise<JoinOutcome> {
  const now = options.now ?? new Date();
  const outcome = await db.$transaction(async (tx): Promise<JoinOutcome> => {
    const group = await tx.studyGroup.findUnique({ where: { id: groupId } });
    if (!group || !acceptsMembers(group.state)) return "closed";
    const existing = await tx.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId: person.id } } });
    if (existing?.status === "active") return "already-member";
    if (existing?.status === "waitlisted") return "already-waiting";
    if (existing?.status === "requested" && !options.approved) return "already-requested";

    const write = (status: string, joined: boolean) =>
      tx.groupMembership.upsert({
        where: { groupId_userId: { groupId, userId: person.id } },
        create: { groupId, userId: person.id, accountId: person.accountId, status, queuedAt: now, joinedAt: joined ? now : null },
        update: { accountId: person.accountId, status, role: "member", queuedAt: now, joinedAt: joined ? now : null },
      });
    if (group.visibility === "request" && !options.approved) {
      await write("requested", false);
      return "requested";
    }
    if (await hasSeat(tx, group, person.accountId)) {
      await write("active", true);
      return "joined";
    }
    await write("waitlisted", false);
    return "waitlisted";
  });
  if (outcome === "joined") await recordJoined([person], groupId, now);
  return outcome;
}

/** Leaves the group (or its wait list / request queue); a freed seat goes to the wait list. */
export async function leaveGroup(groupId: string, person: Person, now = new Date()): Promise<LeaveOutcome> {
  const result = await db.$transaction(async (tx) => {
    const membership = await tx.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId: person.id } } });
    if (!membership || !["active", "waitlisted", "requested"].includes(membership.status)) return { outcome: "not-member" as const, promoted: [] };
    if (membership.role === "leader" && membership.status === "active") {
      const otherLeaders = await tx.groupMembership.count({ where: { groupId, role: "leader", status: "active", NOT: { userId: person.id } } });
      const others = await tx.groupMembership.count({ where: { groupId, status: "active", NOT: { userId: person.id } } });
      if (otherLeaders === 0 && others > 0) return { outcome: "last-leader" as const, promoted: [] };
    }
    await tx.groupMembership.update({ where: { id: membership.id }, data: { status: "left", role: "member" } });
    const promoted = membership.status === "active" ? await promoteFromWaitlist(tx, groupId, now) : [];
    return { outcome: "left" as const, promoted, wasActive: membership.status === "active" };
  });
  if (result.outcome === "left" && "wasActive" in result && result.wasActive) {
    await recordEngagement({
      type: GROUP_EVENT.left,
      actor: person,
      subjectType: "group",
      subjectId: groupId,
      idempotencyKey: `${GROUP_EVENT.left}:${person.id}:${groupId}:${now.toISOString()}`,
      occurredAt: now,
    });
  }
  await recordJoined(result.promoted, groupId, now);
  return result.outcome;
}

/** A leader (or staff) answers a request to join. Approval still respects capacity. */
export async function decideJoinRequest(groupId: string, userId: string, approve: boolean): Promise<JoinOutcome | "rejected" | "no-request"> {
  const request = await db.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId } } });
  if (request?.status !== "requested") return "no-request";
  if (!approve) {
    await db.groupMembership.update({ where: { id: request.id }, data: { status: "rejected" } });
    return "rejected";
  }
  return joinGroup(groupId, { id: userId, accountId: request.accountId }, { approved: true });
}

/** Makes `toUserId` a leader; when `fromUserId` is given, that leader steps down (hand-over). */
export async function handOverLeadership(groupId: string, toUserId: string, fromUserId?: string): Promise<"ok" | "not-active-member"> {
  return db.$transaction(async (tx) => {
    const target = await tx.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId: toUserId } } });
    if (target?.status !== "active") return "not-active-member";
    await tx.groupMembership.update({ where: { id: target.id }, data: { role: "leader" } });
    if (fromUserId && fromUserId !== toUserId) {
      await tx.groupMembership.updateMany({ where: { groupId, userId: fromUserId }, data: { role: "member" } });
    }
    return "ok";
  });
}

export async function seatsTaken(groupId: string) {
  const active = await db.groupMembership.findMany({ where: { groupId, status: "active" }, select: { accountId: true } });
  return { people: active.length, companies: new Set(active.map((m) => m.accountId ?? "none")).size };
}
