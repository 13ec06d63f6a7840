// Creating and deciding on groups, and reading them for pages.
import { db } from "~/db.server";
import { renderMarkdown } from "~/markdown/markdown.server";
import { indexing } from "~/search/indexing.server";
import { isStaff } from "~/users/roles";
import { canTransition } from "./state";
import type { GroupVisibility } from "./model";

export type GroupInput = {
  name: string;
  challenge: string;
  description: string;
  level: "beginner" | "intermediate" | "advanced";
  topics: string[];
  capacityPeople: number;
  capacityCompanies: number;
  visibility: GroupVisibility;
};

function fields(input: GroupInput) {
  return {
    name: input.name,
    challenge: input.challenge,
    description: input.description,
    descriptionHtml: renderMarkdown(input.description),
    level: input.level,
    capacityPeople: input.capacityPeople,
    capacityCompanies: input.capacityCompanies,
    visibility: input.visibility,
  };
}

/** A member proposes a group; they will lead it once staff approve. */
export async function proposeGroup(proposer: { id: string; accountId: string | null }, input: GroupInput) {
  const group = await db.studyGroup.create({
    data: {
      ...fields(input),
      state: "proposed",
      proposedById: proposer.id,
      topics: { create: input.topics.map((topic) => ({ topic })) },
      memberships: { create: { userId: proposer.id, accountId: proposer.accountId, role: "leader", status: "active", joinedAt: new Date() } },
    },
    select: { id: true },
  });
  await indexing.group(group.id);
  return group;
}

/** Staff open a group directly, as its CS liaison; an optional member leads it from the start. */
export async function createGroupAsStaff(staff: { id: string }, input: GroupInput, leader?: { id: string; accountId: string | null }) {
  const group = await db.studyGroup.create({
    data: {
      ...fields(input),
      state: "active",
      liaisonId: staff.id,
      decidedAt: new Date(),
      topics: { create: input.topics.map((topic) => ({ topic })) },
      ...(leader ? { memberships: { create: { userId: leader.id, accountId: leader.accountId, role: "leader", status: "active", joinedAt: new Date() } } } : {}),
    },
    select: { id: true },
  });
  await indexing.group(group.id);
  return group;
}

export async function updateGroup(groupId: string, input: GroupInput) {
  await db.$transaction([
    db.studyGroup.update({ where: { id: groupId }, data: fields(input) }),
    db.groupTopic.deleteMany({ where: { groupId } }),
    db.groupTopic.createMany({ data: input.topics.map((topic) => ({ groupId, topic })) }),
  ]);
  await indexing.group(groupId);
}

export type DecisionResult = "ok" | "invalid-transition" | "reason-required" | "not-found";

/** Staff approve (becoming liaison if there is none) or decline a proposal with a reason. */
export async function decideProposal(staff: { id: string }, groupId: string, approve: boolean, reason: string): Promise<DecisionResult> {
  const group = await db.studyGroup.findUnique({ where: { id: groupId }, select: { state: true, liaisonId: true } });
  if (!group) return "not-found";
  const to = approve ? "active" : "declined";
  if (!canTransition(group.state, to)) return "invalid-transition";
  if (!approve && !reason.trim()) return "reason-required";
  await db.studyGroup.update({
    where: { id: groupId },
    data: { state: to, decidedAt: new Date(), declineReason: approve ? null : reason.trim(), liaisonId: group.liaisonId ?? staff.id },
  });
  await indexing.group(groupId);
  return "ok";
}

export async function setGroupArchived(groupId: string, archived: boolean): Promise<DecisionResult> {
  const group = await db.studyGroup.findUnique({ where: { id: groupId }, select: { state: true } });
  if (!group) return "not-found";
  const to = archived ? "archived" : "active";
  if (!canTransition(group.state, to)) return "invalid-transition";
  await db.studyGroup.update({ where: { id: groupId }, data: { state: to, archivedAt: archived ? new Date() : null } });
  await indexing.group(groupId);
  return "ok";
}

export type GroupViewer = { id: string; role: string; accountId: string | null } | null;

/**
 * The group as `viewer` may see it, with what they may do. Proposed and declined groups exist
 * only for their proposer and staff; everyone else gets null (a 404).
 */
export async function loadGroupForViewer(groupId: string, viewer: GroupViewer) {
  const group = await db.studyGroup.findUnique({
    where: { id: groupId },
    include: { topics: { select: { topic: true } }, liaison: { select: { id: true, name: true } }, proposedBy: { select: { id: true, name: true } } },
  });
  if (!group) return null;
  const staff = viewer !== null && isStaff(viewer.role);
  const membership = viewer
    ? await db.groupMembership.findUnique({ where: { groupId_userId: { groupId, userId: viewer.id } }, select: { status: true, role: true } })
    : null;
  const isProposer = viewer !== null && group.proposedById === viewer.id;
  if ((group.state === "proposed" || group.state === "declined") && !staff && !isProposer) return null;
  const isMember = membership?.status === "active";
  const isLeader = isMember && membership?.role === "leader";
  return {
    group,
    membership,
    permissions: {
      staff,
      isMember,
      isLeader,
      /** Leaders and staff run the group: meetings, attendance, requests, moderation. */
      canManage: isLeader || staff,
      /** The discussion and meeting details are for members and staff only. */
      canSeeInside: isMember || staff,
    },
  };
}

export type LoadedGroup = NonNullable<Awaited<ReturnType<typeof loadGroupForViewer>>>;
