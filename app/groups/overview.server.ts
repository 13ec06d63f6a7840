// What the group overview page shows and what its buttons do.
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { isStaff } from "~/users/roles";
import type { LoadedGroup } from "./groups.server";
import { decideProposal, setGroupArchived } from "./groups.server";
import { decideJoinRequest, handOverLeadership, joinGroup, leaveGroup } from "./membership.server";
import type { z } from "zod";
import type { overviewActionSchema } from "./forms.server";

export async function loadOverview(loaded: LoadedGroup, user: SessionUser | null) {
  const { group, permissions } = loaded;
  const people = await db.groupMembership.findMany({
    where: { groupId: group.id, status: { in: permissions.canManage ? ["active", "waitlisted", "requested"] : ["active"] } },
    orderBy: [{ role: "asc" }, { queuedAt: "asc" }],
    select: { status: true, role: true, queuedAt: true, user: { select: { id: true, name: true, account: { select: { name: true } } } } },
  });
  const member = (p: (typeof people)[number]) => ({ id: p.user.id, name: p.user.name, company: p.user.account?.name ?? null, role: p.role });
  const waiting = people.filter((p) => p.status === "waitlisted");
  const myPlace = user ? waiting.findIndex((p) => p.user.id === user.id) : -1;
  return {
    descriptionHtml: group.descriptionHtml,
    proposedBy: group.proposedBy?.name ?? null,
    members: people.filter((p) => p.status === "active").map(member),
    waitlist: permissions.canManage ? waiting.map(member) : [],
    requests: permissions.canManage ? people.filter((p) => p.status === "requested").map(member) : [],
    waitlistCount: waiting.length,
    myWaitlistPosition: myPlace === -1 ? null : myPlace + 1,
  };
}

export type OverviewAction = z.infer<typeof overviewActionSchema>;

/** Outcome keys are message keys: the route turns them into a toast or a 4xx message. */
export async function runOverviewAction(loaded: LoadedGroup & { user: SessionUser }, action: OverviewAction) {
  const { group, permissions, user } = loaded;
  const me = { id: user.id, accountId: user.accountId };
  const manage = permissions.canManage;
  const staff = isStaff(user.role);
  switch (action.intent) {
    case "join": {
      if (staff) return { ok: false as const, status: 400, key: "groups.error.staffJoin" as const };
      const outcome = await joinGroup(group.id, me);
      if (outcome === "closed") return { ok: false as const, status: 409, key: "groups.error.closed" as const };
      return { ok: true as const, key: `groups.join.${outcome}` as const };
    }
    case "leave": {
      const outcome = await leaveGroup(group.id, me);
      if (outcome === "last-leader") return { ok: false as const, status: 409, key: "groups.error.lastLeader" as const };
      if (outcome === "not-member") return { ok: false as const, status: 409, key: "groups.error.notMember" as const };
      return { ok: true as const, key: "groups.leave.done" as const };
    }
    case "approve-request":
    case "reject-request": {
      if (!manage) return { ok: false as const, status: 403, key: "groups.error.leadersOnly" as const };
      const outcome = await decideJoinRequest(group.id, action.userId, action.intent === "approve-request");
      if (outcome === "no-request") return { ok: false as const, status: 404, key: "groups.error.noRequest" as const };
      if (outcome === "closed") return { ok: false as const, status: 409, key: "groups.error.closed" as const };
      return { ok: true as const, key: outcome === "rejected" ? ("groups.request.rejected" as const) : ("groups.request.approved" as const) };
    }
    case "make-leader": {
      if (!manage) return { ok: false as const, status: 403, key: "groups.error.leadersOnly" as const };
      const stepDown = action.stepDown === "yes" && permissions.isLeader ? user.id : undefined;
      const outcome = await handOverLeadership(group.id, action.userId, stepDown);
      if (outcome !== "ok") return { ok: false as const, status: 400, key: "groups.error.notMember" as const };
      return { ok: true as const, key: "groups.leader.done" as const };
    }
    case "approve-group":
    case "decline-group": {
      if (!staff) return { ok: false as const, status: 403, key: "groups.error.staffOnly" as const };
      const reason = action.intent === "decline-group" ? action.reason : "";
      const outcome = await decideProposal(user, group.id, action.intent === "approve-group", reason);
      if (outcome !== "ok") return { ok: false as const, status: 409, key: "groups.error.transition" as const };
      return { ok: true as const, key: action.intent === "approve-group" ? ("groups.decision.approved" as const) : ("groups.decision.declined" as const) };
    }
    case "archive":
    case "reopen": {
      if (!staff) return { ok: false as const, status: 403, key: "groups.error.staffOnly" as const };
      const outcome = await setGroupArchived(group.id, action.intent === "archive");
      if (outcome !== "ok") return { ok: false as const, status: 409, key: "groups.error.transition" as const };
      return { ok: true as const, key: action.intent === "archive" ? ("groups.archived" as const) : ("groups.reopened" as const) };
    }
    case "recommend": {
      if (!staff) return { ok: false as const, status: 403, key: "groups.error.staffOnly" as const };
      if (group.state !== "active") return { ok: false as const, status: 409, key: "groups.error.closed" as const };
      const target = await db.user.findUnique({ where: { email: action.email }, select: { id: true, role: true } });
      if (!target || target.role !== "member") return { ok: false as const, status: 404, key: "groups.error.noSuchMember" as const };
      await recommendGroupTo(group.id, target.id, user.id, action.note);
      return { ok: true as const, key: "groups.recommend.sent" as const };
    }
  }
}

/**
 * Staff suggest a group to one member (callers check the group is active and the person is a
 * member). Sending it again refreshes the suggestion and asks for a new answer.
 */
export async function recommendGroupTo(groupId: string, userId: string, staffId: string, note: string) {
  return db.groupRecommendation.upsert({
    where: { groupId_userId: { groupId, userId } },
    create: { groupId, userId, recommendedById: staffId, note },
    update: { recommendedById: staffId, note, response: null, respondedAt: null, createdAt: new Date() },
    select: { id: true },
  });
}

/** The member's answer to a staff suggestion; accepting joins (or queues, or requests). */
export async function answerRecommendation(user: SessionUser, recommendationId: string, accept: boolean) {
  const rec = await db.groupRecommendation.findUnique({ where: { id: recommendationId } });
  if (!rec || rec.userId !== user.id) return { ok: false as const, status: 404 };
  await db.groupRecommendation.update({ where: { id: rec.id }, data: { response: accept ? "accepted" : "dismissed", respondedAt: new Date() } });
  if (!accept) return { ok: true as const, outcome: "dismissed" as const, groupId: rec.groupId };
  const outcome = await joinGroup(rec.groupId, { id: user.id, accountId: user.accountId });
  return { ok: true as const, outcome, groupId: rec.groupId };
}
