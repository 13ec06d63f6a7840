// Study-group news for members, sent through notify() so each person's in-app and email choices
// apply: a meeting scheduled in a group they belong to, and a group staff recommend to them.
import { db } from "~/db.server";
import { isLocale } from "~/i18n/locales";
import { formatDateTime } from "~/utils/format";
import { notify } from "./notify.server";

export async function notifyMeetingScheduled(groupId: string, meetingId: string, scheduledById: string, baseUrl: string): Promise<number> {
  const meeting = await db.groupMeeting.findUnique({ where: { id: meetingId }, select: { title: true, startsAt: true, group: { select: { name: true } } } });
  if (!meeting) return 0;
  const members = await db.groupMembership.findMany({
    where: { groupId, status: "active", userId: { not: scheduledById } },
    select: { user: { select: { id: true, locale: true, timeZone: true } } },
  });
  for (const { user } of members) {
    // The time is written in each member's own language and time zone.
    const when = formatDateTime(meeting.startsAt, isLocale(user.locale) ? user.locale : "ja", user.timeZone);
    await notify(user.id, "group.meeting_scheduled", { group: meeting.group.name, title: meeting.title, when }, `/groups/${groupId}/meetings/${meetingId}`, baseUrl);
  }
  return members.length;
}

export async function notifyGroupRecommended(groupId: string, recipientEmail: string, recommendedBy: { name: string }, baseUrl: string): Promise<boolean> {
  const [group, recipient] = await Promise.all([
    db.studyGroup.findUnique({ where: { id: groupId }, select: { name: true } }),
    db.user.findUnique({ where: { email: recipientEmail.toLowerCase() }, select: { id: true } }),
  ]);
  if (!group || !recipient) return false;
  await notify(recipient.id, "group.recommended", { name: recommendedBy.name, group: group.name }, "/groups", baseUrl);
  return true;
}
