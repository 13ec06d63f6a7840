// Merging duplicates: the same person under two addresses, the same company under two names.
// One record is kept; every row that points at the other one is moved onto it (or, where the
// kept record already has the same thing, combined with it), the removed record is deleted,
// an audit entry says what happened, and afterMerge() lets derived data (scores) catch up.
//
// PERSON_REFERENCES and ACCOUNT_REFERENCES name every column in prisma/schema.prisma that
// points at a User or an Account; merge.server.test.ts fails when the schema gains one that is
// not handled here.
import type { DbClient } from "~/api/refs.server";
import { db } from "~/db.server";
import { removeReputation } from "~/qa/reputation.server";
import { afterMerge } from "./after-merge.server";

type Handler = (tx: DbClient, keep: string, remove: string) => Promise<unknown>;

const STATUS_RANK = ["rejected", "left", "requested", "waitlisted", "active"];
const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
const latest = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** Moves rows with a (userId, key) identity: rows the kept person lacks move; clashes are combined. */
async function moveKeyed<Row extends { userId: string }>(
  rows: { keep: Row[]; remove: Row[] },
  key: (row: Row) => string,
  move: (row: Row) => Promise<unknown>,
  combine: (kept: Row, removed: Row) => Promise<unknown>,
) {
  const kept = new Map(rows.keep.map((row) => [key(row), row]));
  for (const row of rows.remove) {
    const twin = kept.get(key(row));
    if (twin) await combine(twin, row);
    else await move(row);
  }
}

export const PERSON_REFERENCES: Record<string, Handler> = {
  "Account.owner": (tx, keep, remove) => tx.account.updateMany({ where: { ownerId: remove }, data: { ownerId: keep } }),
  "Password.user": async (tx, keep, remove) => {
    // The kept person's password wins; without one, they sign in with the other record's.
    if (!(await tx.password.findUnique({ where: { userId: keep } }))) await tx.password.updateMany({ where: { userId: remove }, data: { userId: keep } });
  },
  // Sessions and reset links of the removed record end with it (deleted by cascade).
  "Session.user": async () => {},
  "PasswordResetToken.user": async () => {},
  "Invitation.invitedBy": (tx, keep, remove) => tx.invitation.updateMany({ where: { invitedById: remove }, data: { invitedById: keep } }),
  "AuditEntry.actor": (tx, keep, remove) => tx.auditEntry.updateMany({ where: { actorId: remove }, data: { actorId: keep } }),
  "EngagementEvent.actor": (tx, keep, remove) => tx.engagementEvent.updateMany({ where: { actorId: remove }, data: { actorId: keep } }),
  "ContentCompletion.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.contentCompletion.findMany({ where: { userId: keep } }), remove: await tx.contentCompletion.findMany({ where: { userId: remove } }) },
      (row) => row.articleId,
      (row) => tx.contentCompletion.update({ where: { userId_articleId: { userId: remove, articleId: row.articleId } }, data: { userId: keep } }),
      async (kept, removed) => {
        if (removed.completedAt < kept.completedAt) {
          await tx.contentCompletion.update({ where: { userId_articleId: { userId: keep, articleId: kept.articleId } }, data: { completedAt: removed.completedAt, via: removed.via } });
        }
        await tx.contentCompletion.delete({ where: { userId_articleId: { userId: remove, articleId: removed.articleId } } });
      },
    ),
  "VideoProgress.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.videoProgress.findMany({ where: { userId: keep } }), remove: await tx.videoProgress.findMany({ where: { userId: remove } }) },
      (row) => row.articleId,
      (row) => tx.videoProgress.update({ where: { userId_articleId: { userId: remove, articleId: row.articleId } }, data: { userId: keep } }),
      async (kept, removed) => {
        // Seconds watched under either address count as watched.
        const length = Math.max(kept.watchedMask.length, removed.watchedMask.length);
        const mask = Array.from({ length }, (_, i) => (kept.watchedMask[i] === "1" || removed.watchedMask[i] === "1" ? "1" : "0")).join("");
        await tx.videoProgress.update({
          where: { userId_articleId: { userId: keep, articleId: kept.articleId } },
          data: {
            watchedMask: mask,
            watchedSeconds: mask.split("").filter((c) => c === "1").length,
            completedAt: earliest(kept.completedAt, removed.completedAt),
            lastReportAt: latest(kept.lastReportAt, removed.lastReportAt),
          },
        });
        await tx.videoProgress.delete({ where: { userId_articleId: { userId: remove, articleId: removed.articleId } } });
      },
    ),
  "ChampionTerm.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.championTerm.findMany({ where: { userId: keep } }), remove: await tx.championTerm.findMany({ where: { userId: remove } }) },
      (row) => String(row.cohort),
      (row) => tx.championTerm.update({ where: { id: row.id }, data: { userId: keep } }),
      async (kept, removed) => {
        await tx.championTerm.update({
          where: { id: kept.id },
          data: { startsAt: earliest(kept.startsAt, removed.startsAt)!, endsAt: latest(kept.endsAt, removed.endsAt)!, revokedAt: kept.revokedAt && removed.revokedAt ? kept.revokedAt : null },
        });
        await tx.championTerm.delete({ where: { id: removed.id } });
      },
    ),
  "StudyGroup.proposedBy": (tx, keep, remove) => tx.studyGroup.updateMany({ where: { proposedById: remove }, data: { proposedById: keep } }),
  "StudyGroup.liaison": (tx, keep, remove) => tx.studyGroup.updateMany({ where: { liaisonId: remove }, data: { liaisonId: keep } }),
  "GroupMembership.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.groupMembership.findMany({ where: { userId: keep } }), remove: await tx.groupMembership.findMany({ where: { userId: remove } }) },
      (row) => row.groupId,
      (row) => tx.groupMembership.update({ where: { id: row.id }, data: { userId: keep } }),
      async (kept, removed) => {
        // The stronger standing wins: an active seat over a wait-list place, a leader over a member.
        const better = STATUS_RANK.indexOf(removed.status) > STATUS_RANK.indexOf(kept.status) ? removed : kept;
        await tx.groupMembership.update({
          where: { id: kept.id },
          data: {
            status: better.status,
            role: kept.role === "leader" || removed.role === "leader" ? "leader" : "member",
            queuedAt: earliest(kept.queuedAt, removed.queuedAt)!,
            joinedAt: earliest(kept.joinedAt, removed.joinedAt),
            accountId: kept.accountId ?? removed.accountId,
          },
        });
        await tx.groupMembership.delete({ where: { id: removed.id } });
      },
    ),
  "GroupMeeting.createdBy": (tx, keep, remove) => tx.groupMeeting.updateMany({ where: { createdById: remove }, data: { createdById: keep } }),
  "MeetingRsvp.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.meetingRsvp.findMany({ where: { userId: keep } }), remove: await tx.meetingRsvp.findMany({ where: { userId: remove } }) },
      (row) => row.meetingId,
      (row) => tx.meetingRsvp.update({ where: { meetingId_userId: { meetingId: row.meetingId, userId: remove } }, data: { userId: keep } }),
      async (kept, removed) => {
        if (removed.updatedAt > kept.updatedAt) await tx.meetingRsvp.update({ where: { meetingId_userId: { meetingId: kept.meetingId, userId: keep } }, data: { response: removed.response } });
        await tx.meetingRsvp.delete({ where: { meetingId_userId: { meetingId: removed.meetingId, userId: remove } } });
      },
    ),
  "MeetingAttendance.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.meetingAttendance.findMany({ where: { userId: keep } }), remove: await tx.meetingAttendance.findMany({ where: { userId: remove } }) },
      (row) => row.meetingId,
      (row) => tx.meetingAttendance.update({ where: { meetingId_userId: { meetingId: row.meetingId, userId: remove } }, data: { userId: keep } }),
      async (kept, removed) => {
        if (removed.attended && !kept.attended) await tx.meetingAttendance.update({ where: { meetingId_userId: { meetingId: kept.meetingId, userId: keep } }, data: { attended: true } });
        await tx.meetingAttendance.delete({ where: { meetingId_userId: { meetingId: removed.meetingId, userId: remove } } });
      },
    ),
  "MeetingAttendance.recordedById": (tx, keep, remove) => tx.meetingAttendance.updateMany({ where: { recordedById: remove }, data: { recordedById: keep } }),
  "GroupPost.author": (tx, keep, remove) => tx.groupPost.updateMany({ where: { authorId: remove }, data: { authorId: keep } }),
  "GroupPost.removedBy": (tx, keep, remove) => tx.groupPost.updateMany({ where: { removedBy: remove }, data: { removedBy: keep } }),
  "GroupRecommendation.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.groupRecommendation.findMany({ where: { userId: keep } }), remove: await tx.groupRecommendation.findMany({ where: { userId: remove } }) },
      (row) => row.groupId,
      (row) => tx.groupRecommendation.update({ where: { id: row.id }, data: { userId: keep } }),
      (_kept, removed) => tx.groupRecommendation.delete({ where: { id: removed.id } }),
    ),
  "GroupRecommendation.recommendedBy": (tx, keep, remove) => tx.groupRecommendation.updateMany({ where: { recommendedById: remove }, data: { recommendedById: keep } }),
  "Question.author": (tx, keep, remove) => tx.question.updateMany({ where: { authorId: remove }, data: { authorId: keep } }),
  "Question.assignee": (tx, keep, remove) => tx.question.updateMany({ where: { assigneeId: remove }, data: { assigneeId: keep } }),
  "Answer.author": (tx, keep, remove) => tx.answer.updateMany({ where: { authorId: remove }, data: { authorId: keep } }),
  "Vote.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.vote.findMany({ where: { userId: keep } }), remove: await tx.vote.findMany({ where: { userId: remove } }) },
      (row) => `${row.targetType}:${row.targetId}`,
      (row) => tx.vote.update({ where: { id: row.id }, data: { userId: keep } }),
      async (_kept, removed) => {
        // One person, one vote: the kept vote stands; the other is withdrawn with its points.
        await tx.vote.delete({ where: { id: removed.id } });
        if (removed.targetType === "question") await tx.question.update({ where: { id: removed.targetId }, data: { score: { decrement: removed.value } } });
        else await tx.answer.update({ where: { id: removed.targetId }, data: { score: { decrement: removed.value } } });
        await removeReputation(tx, `vote:${removed.id}`);
      },
    ),
  "ReputationEvent.user": (tx, keep, remove) => tx.reputationEvent.updateMany({ where: { userId: remove }, data: { userId: keep } }),
  "Report.reporter": (tx, keep, remove) => tx.report.updateMany({ where: { reporterId: remove }, data: { reporterId: keep } }),
  "Report.resolvedById": (tx, keep, remove) => tx.report.updateMany({ where: { resolvedById: remove }, data: { resolvedById: keep } }),
  "Notification.user": (tx, keep, remove) => tx.notification.updateMany({ where: { userId: remove }, data: { userId: keep } }),
  // The kept person's own choices stand; the removed record's preferences go with it.
  "NotificationPreference.user": async () => {},
  "ApiToken.createdBy": (tx, keep, remove) => tx.apiToken.updateMany({ where: { createdById: remove }, data: { createdById: keep } }),
  "PersonExternalId.user": (tx, keep, remove) => tx.personExternalId.updateMany({ where: { userId: remove }, data: { userId: keep } }),
  "PersonEmailAlias.user": (tx, keep, remove) => tx.personEmailAlias.updateMany({ where: { userId: remove }, data: { userId: keep } }),
  "WebhookEndpoint.createdBy": (tx, keep, remove) => tx.webhookEndpoint.updateMany({ where: { createdById: remove }, data: { createdById: keep } }),
  "ImportJob.createdBy": (tx, keep, remove) => tx.importJob.updateMany({ where: { createdById: remove }, data: { createdById: keep } }),
  "EmailDigestSent.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.emailDigestSent.findMany({ where: { userId: keep } }), remove: await tx.emailDigestSent.findMany({ where: { userId: remove } }) },
      (row) => row.day,
      (row) => tx.emailDigestSent.update({ where: { userId_day: { userId: remove, day: row.day } }, data: { userId: keep } }),
      () => Promise.resolve(),
    ),
  // Champion program. One nomination per person and cohort: the kept person's stands; the other
  // (with its reviews and endorsements) goes, since both judged the same person for the same year.
  "ChampionNomination.nominee": async (tx, keep, remove) =>
    moveKeyed(
      {
        keep: (await tx.championNomination.findMany({ where: { nomineeId: keep }, select: { id: true, cohort: true } })).map((r) => ({ ...r, userId: keep })),
        remove: (await tx.championNomination.findMany({ where: { nomineeId: remove }, select: { id: true, cohort: true } })).map((r) => ({ ...r, userId: remove })),
      },
      (row) => String(row.cohort),
      (row) => tx.championNomination.update({ where: { id: row.id }, data: { nomineeId: keep } }),
      (_kept, removed) => tx.championNomination.delete({ where: { id: removed.id } }),
    ),
  "ChampionNomination.nominator": (tx, keep, remove) => tx.championNomination.updateMany({ where: { nominatorId: remove }, data: { nominatorId: keep } }),
  "ChampionNomination.decidedBy": (tx, keep, remove) => tx.championNomination.updateMany({ where: { decidedById: remove }, data: { decidedById: keep } }),
  "ChampionEndorsement.user": async (tx, keep, remove) =>
    moveKeyed(
      { keep: await tx.championEndorsement.findMany({ where: { userId: keep } }), remove: await tx.championEndorsement.findMany({ where: { userId: remove } }) },
      (row) => row.nominationId,
      (row) => tx.championEndorsement.update({ where: { nominationId_userId: { nominationId: row.nominationId, userId: remove } }, data: { userId: keep } }),
      (_kept, removed) => tx.championEndorsement.delete({ where: { nominationId_userId: { nominationId: removed.nominationId, userId: remove } } }),
    ),
  "ChampionReview.reviewer": async (tx, keep, remove) =>
    moveKeyed(
      {
        keep: (await tx.championReview.findMany({ where: { reviewerId: keep }, select: { id: true, nominationId: true } })).map((r) => ({ ...r, userId: keep })),
        remove: (await tx.championReview.findMany({ where: { reviewerId: remove }, select: { id: true, nominationId: true } })).map((r) => ({ ...r, userId: remove })),
      },
      (row) => row.nominationId,
      (row) => tx.championReview.update({ where: { id: row.id }, data: { reviewerId: keep } }),
      (_kept, removed) => tx.championReview.delete({ where: { id: removed.id } }),
    ),
  // A public champion profile is one per person: the kept person's wins when both wrote one.
  "ChampionProfile.user": async (tx, keep, remove) => {
    const removed = await tx.championProfile.findUnique({ where: { userId: remove }, select: { userId: true } });
    if (!removed) return;
    if (await tx.championProfile.findUnique({ where: { userId: keep }, select: { userId: true } })) await tx.championProfile.delete({ where: { userId: remove } });
    else await tx.championProfile.update({ where: { userId: remove }, data: { userId: keep } });
  },
  "AccountChampionWatch.champion": (tx, keep, remove) => tx.accountChampionWatch.updateMany({ where: { championId: remove }, data: { championId: keep } }),
  // CS workspace.
  "AccountNote.author": (tx, keep, remove) => tx.accountNote.updateMany({ where: { authorId: remove }, data: { authorId: keep } }),
  "ContentRecommendation.byUser": (tx, keep, remove) => tx.contentRecommendation.updateMany({ where: { byUserId: remove }, data: { byUserId: keep } }),
  "ContentRecommendation.toUser": async (tx, keep, remove) =>
    moveKeyed(
      {
        keep: (await tx.contentRecommendation.findMany({ where: { toUserId: keep }, select: { id: true, articleId: true } })).map((r) => ({ ...r, userId: keep })),
        remove: (await tx.contentRecommendation.findMany({ where: { toUserId: remove }, select: { id: true, articleId: true } })).map((r) => ({ ...r, userId: remove })),
      },
      (row) => row.articleId,
      (row) => tx.contentRecommendation.update({ where: { id: row.id }, data: { toUserId: keep } }),
      (_kept, removed) => tx.contentRecommendation.delete({ where: { id: removed.id } }),
    ),
  // Scoring. Member engagement is derived from the events (moved above) and recomputed after the merge.
  "MemberEngagement.user": (tx, _keep, remove) => tx.memberEngagement.deleteMany({ where: { userId: remove } }),
  "HealthModelVersion.createdBy": (tx, keep, remove) => tx.healthModelVersion.updateMany({ where: { createdById: remove }, data: { createdById: keep } }),
  "HealthAlert.owner": (tx, keep, remove) => tx.healthAlert.updateMany({ where: { ownerId: remove }, data: { ownerId: keep } }),
  "HealthAlert.acknowledgedBy": (tx, keep, remove) => tx.healthAlert.updateMany({ where: { acknowledgedById: remove }, data: { acknowledgedById: keep } }),
  "HealthAlert.resolvedBy": (tx, keep, remove) => tx.healthAlert.updateMany({ where: { resolvedById: remove }, data: { resolvedById: keep } }),
  "AccountStageChange.actor": (tx, keep, remove) => tx.accountStageChange.updateMany({ where: { actorId: remove }, data: { actorId: keep } }),
};

export const ACCOUNT_REFERENCES: Record<string, Handler> = {
  "AccountDomain.account": (tx, keep, remove) => tx.accountDomain.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "User.account": (tx, keep, remove) => tx.user.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "Invitation.account": (tx, keep, remove) => tx.invitation.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "EngagementEvent.account": (tx, keep, remove) => tx.engagementEvent.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "AccountUsageDay.account": async (tx, keep, remove) => {
    const kept = new Map((await tx.accountUsageDay.findMany({ where: { accountId: keep } })).map((row) => [row.day.getTime(), row]));
    for (const row of await tx.accountUsageDay.findMany({ where: { accountId: remove } })) {
      const twin = kept.get(row.day.getTime());
      if (!twin) {
        await tx.accountUsageDay.update({ where: { accountId_day: { accountId: remove, day: row.day } }, data: { accountId: keep } });
        continue;
      }
      // Both names reported the same day (from different systems): the larger figures are the truer ones.
      const counts = { ...parseCounts(twin.featureCounts) };
      for (const [feature, count] of Object.entries(parseCounts(row.featureCounts))) counts[feature] = Math.max(counts[feature] ?? 0, count);
      await tx.accountUsageDay.update({
        where: { accountId_day: { accountId: keep, day: row.day } },
        data: { activeUsers: Math.max(twin.activeUsers, row.activeUsers), featureCounts: JSON.stringify(counts) },
      });
      await tx.accountUsageDay.delete({ where: { accountId_day: { accountId: remove, day: row.day } } });
    }
  },
  "AccountExternalId.account": (tx, keep, remove) => tx.accountExternalId.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "GroupMembership.accountId": (tx, keep, remove) => tx.groupMembership.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "Question.accountId": (tx, keep, remove) => tx.question.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "ChampionNomination.account": (tx, keep, remove) => tx.championNomination.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "ChampionTermAccount.account": (tx, keep, remove) => tx.championTermAccount.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  // Watch rows are re-derived for the kept account by the champion watch refresh after the merge.
  "AccountChampionWatch.account": (tx, _keep, remove) => tx.accountChampionWatch.deleteMany({ where: { accountId: remove } }),
  "AccountNote.account": (tx, keep, remove) => tx.accountNote.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "ContentRecommendation.account": (tx, keep, remove) => tx.contentRecommendation.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  "AccountStageChange.account": (tx, keep, remove) => tx.accountStageChange.updateMany({ where: { accountId: remove }, data: { accountId: keep } }),
  // Alerts are history and move; the removed name's unresolved ones close, since the next scoring
  // run judges the merged account afresh (and an open key names the removed account).
  "HealthAlert.account": async (tx, keep, remove) => {
    await tx.healthAlert.updateMany({
      where: { accountId: remove, resolvedAt: null },
      data: { status: "resolved", resolvedAt: new Date(), openKey: null, resolutionNote: "Closed by an account merge" },
    });
    await tx.healthAlert.updateMany({ where: { accountId: remove }, data: { accountId: keep } });
  },
  // Snapshots are computed from the (now moved) events and usage; the kept account's are recomputed.
  "HealthSnapshot.account": (tx, _keep, remove) => tx.healthSnapshot.deleteMany({ where: { accountId: remove } }),
  "ScoringQueue.account": async (tx, keep, remove) => {
    await tx.scoringQueue.deleteMany({ where: { accountId: remove } });
    await tx.scoringQueue.upsert({ where: { accountId: keep }, create: { accountId: keep }, update: {} });
  },
};

function parseCounts(json: string): Record<string, number> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === "number")) : {};
  } catch {
    return {};
  }
}

/** Votes on one's own posts are not allowed; a merge can create them (A voted for B's answer). */
async function withdrawSelfVotes(tx: DbClient, userId: string) {
  const votes = await tx.vote.findMany({ where: { userId } });
  if (!votes.length) return;
  const [questions, answers] = await Promise.all([
    tx.question.findMany({ where: { authorId: userId, id: { in: votes.filter((v) => v.targetType === "question").map((v) => v.targetId) } }, select: { id: true } }),
    tx.answer.findMany({ where: { authorId: userId, id: { in: votes.filter((v) => v.targetType === "answer").map((v) => v.targetId) } }, select: { id: true } }),
  ]);
  const own = new Set([...questions.map((q) => `question:${q.id}`), ...answers.map((a) => `answer:${a.id}`)]);
  for (const vote of votes.filter((v) => own.has(`${v.targetType}:${v.targetId}`))) {
    await tx.vote.delete({ where: { id: vote.id } });
    if (vote.targetType === "question") await tx.question.update({ where: { id: vote.targetId }, data: { score: { decrement: vote.value } } });
    else await tx.answer.update({ where: { id: vote.targetId }, data: { score: { decrement: vote.value } } });
    await removeReputation(tx, `vote:${vote.id}`);
  }
}

export type MergeRefusal = "not-found" | "same" | "staff" | "different-accounts";
export type MergeResult = { ok: true; keptId: string; removedId: string } | { ok: false; reason: MergeRefusal };

/** Merges person `removeId` into person `keepId` (both customer members). */
export async function mergePeople(keepId: string, removeId: string, actorId: string | null): Promise<MergeResult> {
  if (keepId === removeId) return { ok: false, reason: "same" };
  const select = { id: true, email: true, name: true, role: true, accountId: true, title: true } as const;
  const [keep, remove] = await Promise.all([db.user.findUnique({ where: { id: keepId }, select }), db.user.findUnique({ where: { id: removeId }, select })]);
  if (!keep || !remove) return { ok: false, reason: "not-found" };
  if (keep.role !== "member" || remove.role !== "member") return { ok: false, reason: "staff" };
  if (keep.accountId && remove.accountId && keep.accountId !== remove.accountId) return { ok: false, reason: "different-accounts" };

  await db.$transaction(
    async (tx) => {
      for (const handler of Object.values(PERSON_REFERENCES)) await handler(tx, keep.id, remove.id);
      await withdrawSelfVotes(tx, keep.id);
      const { _sum } = await tx.reputationEvent.aggregate({ where: { userId: keep.id }, _sum: { delta: true } });
      await tx.user.delete({ where: { id: remove.id } });
      await tx.user.update({
        where: { id: keep.id },
        data: { reputation: _sum.delta ?? 0, accountId: keep.accountId ?? remove.accountId, ...(keep.title ? {} : { title: remove.title }) },
      });
      // Data sent in later under the old address still finds the person.
      await tx.personEmailAlias.upsert({ where: { email: remove.email }, create: { email: remove.email, userId: keep.id }, update: { userId: keep.id } });
      await tx.auditEntry.create({
        data: { actorId, action: "person.merged", targetType: "user", targetId: keep.id, detail: JSON.stringify({ removedId: remove.id, removedEmail: remove.email, removedName: remove.name }) },
      });
    },
    { timeout: 60_000 },
  );
  const accountIds = [...new Set([keep.accountId, remove.accountId].filter((id): id is string => id !== null))];
  await afterMerge({ kind: "person", keptId: keep.id, removedId: remove.id, accountIds });
  return { ok: true, keptId: keep.id, removedId: remove.id };
}

/** Merges account `removeId` into account `keepId`. */
export async function mergeAccounts(keepId: string, removeId: string, actorId: string | null): Promise<MergeResult> {
  if (keepId === removeId) return { ok: false, reason: "same" };
  const select = { id: true, name: true, ownerId: true, renewalDate: true } as const;
  const [keep, remove] = await Promise.all([db.account.findUnique({ where: { id: keepId }, select }), db.account.findUnique({ where: { id: removeId }, select })]);
  if (!keep || !remove) return { ok: false, reason: "not-found" };
  await db.$transaction(
    async (tx) => {
      for (const handler of Object.values(ACCOUNT_REFERENCES)) await handler(tx, keep.id, remove.id);
      await tx.account.delete({ where: { id: remove.id } });
      await tx.account.update({ where: { id: keep.id }, data: { ownerId: keep.ownerId ?? remove.ownerId, renewalDate: keep.renewalDate ?? remove.renewalDate } });
      await tx.auditEntry.create({
        data: { actorId, action: "account.merged", targetType: "account", targetId: keep.id, detail: JSON.stringify({ removedId: remove.id, removedName: remove.name }) },
      });
    },
    { timeout: 120_000 },
  );
  await afterMerge({ kind: "account", keptId: keep.id, removedId: remove.id, accountIds: [keep.id] });
  return { ok: true, keptId: keep.id, removedId: remove.id };
}

/** What each side of a proposed merge holds, for the review page. */
export async function personHistory(userId: string) {
  const [events, completions, groups, posts, questions, answers, votes, notifications, user] = await Promise.all([
    db.engagementEvent.count({ where: { actorId: userId } }),
    db.contentCompletion.count({ where: { userId } }),
    db.groupMembership.count({ where: { userId, status: "active" } }),
    db.groupPost.count({ where: { authorId: userId } }),
    db.question.count({ where: { authorId: userId } }),
    db.answer.count({ where: { authorId: userId } }),
    db.vote.count({ where: { userId } }),
    db.notification.count({ where: { userId } }),
    db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, title: true, persona: true, createdAt: true, reputation: true, account: { select: { id: true, name: true } } } }),
  ]);
  if (!user) return null;
  return { ...user, counts: { events, completions, groups, posts, questions, answers, votes, reputation: user.reputation, notifications } };
}

export async function accountHistory(accountId: string) {
  const account = await db.account.findUnique({
    where: { id: accountId },
    select: { id: true, name: true, plan: true, lifecycleStage: true, createdAt: true, owner: { select: { name: true } }, domains: { select: { domain: true } } },
  });
  if (!account) return null;
  const [members, events, usageDays] = await Promise.all([
    db.user.count({ where: { accountId } }),
    db.engagementEvent.count({ where: { accountId } }),
    db.accountUsageDay.count({ where: { accountId } }),
  ]);
  return { ...account, domains: account.domains.map((d) => d.domain), counts: { members, domains: account.domains.length, events, usageDays } };
}
