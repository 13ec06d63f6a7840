// One meeting as an iCalendar download, for members and staff only: it carries the place, the
// online link and the agenda.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireGroupInsider } from "~/groups/access.server";
import { buildIcs, icsContentDisposition } from "~/groups/ics";
import { meetingForCalendar } from "~/groups/meetings.server";
import { appBaseUrl } from "~/utils/url.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireGroupInsider(request, params.groupId);
  const meeting = await meetingForCalendar(group.id, params.meetingId ?? "");
  if (!meeting) throw new Response("Meeting not found", { status: 404, statusText: "Not Found" });
  const base = appBaseUrl(request);
  const page = `${base}/groups/${group.id}/meetings/${meeting.id}`;
  // With both a place and a link, the place is the location and the link goes in the description.
  const extraLink = meeting.location && meeting.onlineUrl ? meeting.onlineUrl : "";
  const body = buildIcs({
    uid: `meeting-${meeting.id}@${new URL(base).hostname}`,
    stamp: meeting.updatedAt,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: `${meeting.title}（${meeting.group.name}）`,
    description: [meeting.agenda.trim(), extraLink].filter(Boolean).join("\n\n"),
    location: meeting.location || meeting.onlineUrl,
    url: page,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": icsContentDisposition(meeting.title, meeting.startsAt),
      // Members only: no shared caches.
      "Cache-Control": "private, no-store",
    },
  });
}
