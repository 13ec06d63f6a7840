// A group's meetings: upcoming and past, in the viewer's time zone. Leaders and staff schedule
// new ones here, typing times in their own zone.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams, useRouteLoaderData } from "@remix-run/react";
import { FormError } from "~/components/form";
import { requireGroup, requireGroupManager } from "~/groups/access.server";
import { MeetingFields } from "~/groups/meeting-form";
import { acceptsMeetings, defaultSlot, listMeetings, meetingErrorResponse, meetingFormSchema, MEETING_LIMITS, scheduleMeeting, zoneOf } from "~/groups/meetings.server";
import { formatRangeInZone, timeZoneLabel } from "~/groups/time-zone";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { notifyMeetingScheduled } from "~/notifications/group-notices.server";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";
import { appBaseUrl } from "~/utils/url.server";
import type { GroupLayoutData } from "./groups.$groupId";

export const meta: MetaFunction = ({ matches }) => {
  const layout = matches.find((m) => m.id === "routes/groups.$groupId")?.data as GroupLayoutData | undefined;
  return [{ title: layout ? `${layout.group.name} · Kizuna` : "Kizuna" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, permissions, user } = await requireGroup(request, params.groupId);
  const meetings = await listMeetings(group.id, { id: user?.id ?? null, insider: permissions.canSeeInside });
  const canSchedule = permissions.canManage && acceptsMeetings(group.state);
  return {
    ...meetings,
    archived: group.state === "archived",
    schedule: canSchedule ? { timeZone: zoneOf(user), defaults: defaultSlot(zoneOf(user)) } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, user } = await requireGroupManager(request, params.groupId);
  const { t } = await getTranslator(request, user.locale);
  if (!acceptsMeetings(group.state)) return formFailure({ formError: t("meetings.error.groupClosed") }, 409);
  const formData = await readFormData(request, 200_000);
  const form = parseForm(formData, meetingFormSchema(zoneOf(user)), t);
  // The shared helper keeps 2,000 characters of each value; a long agenda comes back whole.
  const agenda = formData.get("agenda");
  const keep = (values: Record<string, string>) => (typeof agenda === "string" ? { ...values, agenda: agenda.slice(0, MEETING_LIMITS.markdown * 2) } : values);
  if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: keep(form.values) });
  const result = await scheduleMeeting(group.id, user, form.data);
  if (!result.ok) {
    const { status, key } = meetingErrorResponse(result.error);
    const submitted = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    return formFailure({ formError: t(key), values: keep(submitted) }, status);
  }
  await notifyMeetingScheduled(group.id, result.meetingId, user.id, appBaseUrl(request));
  return redirectWithToast(`/groups/${group.id}/meetings/${result.meetingId}`, {
    type: "success",
    key: form.data.shifted ? "meetings.scheduledShifted" : "meetings.scheduled",
    params: { title: form.data.title },
  });
}

type MeetingSummary = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

export default function MeetingsPage() {
  const { upcoming, past, archived, schedule } = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<GroupLayoutData>("routes/groups.$groupId");
  const { t, locale } = useTranslation();
  const timeZone = layout?.viewer?.timeZone ?? "Asia/Tokyo";
  return (
    <div className="meetings stack">
      <p className="muted meetings__zone">{t("meetings.timesIn", { zone: timeZoneLabel(timeZone, locale) })}</p>
      {archived ? <p className="alert alert--info">{t("meetings.archived")}</p> : null}

      <section aria-labelledby="upcoming-title" className="section">
        <h2 id="upcoming-title">{t("meetings.upcoming")}</h2>
        {upcoming.length === 0 ? <p className="empty">{t("meetings.noUpcoming")}</p> : <MeetingList meetings={upcoming} timeZone={timeZone} />}
      </section>

      {schedule ? <ScheduleForm timeZone={schedule.timeZone} defaults={schedule.defaults} /> : null}

      <section aria-labelledby="past-title" className="section">
        <h2 id="past-title">{t("meetings.past")}</h2>
        {past.length === 0 ? <p className="empty">{t("meetings.noPast")}</p> : <MeetingList meetings={past} timeZone={timeZone} />}
      </section>
    </div>
  );
}

function MeetingList({ meetings, timeZone }: { meetings: MeetingSummary[]; timeZone: string }) {
  const { t, locale } = useTranslation();
  const { groupId } = useParams();
  return (
    <ul className="meeting-list plain-list">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="card meeting-card">
          <h3 className="meeting-card__title">
            <Link to={`/groups/${groupId}/meetings/${meeting.id}`}>{meeting.title}</Link>
          </h3>
          <p className="meeting-card__time">
            <time dateTime={meeting.startsAt.toISOString()} suppressHydrationWarning>
              {formatRangeInZone(meeting.startsAt, meeting.endsAt, timeZone, locale)}
            </time>{" "}
            <span className="muted" suppressHydrationWarning>
              ({timeZoneLabel(timeZone, locale, meeting.startsAt)})
            </span>
          </p>
          <p className="meeting-card__facts">
            {meeting.inProgress ? <span className="badge badge--state-active">{t("meetings.inProgress")}</span> : null}
            {meeting.mode?.online ? <span className="badge">{t("meetings.online")}</span> : null}
            {meeting.mode?.inPerson ? <span className="badge">{t("meetings.inPerson")}</span> : null}
            <span className="muted">{t("meetings.going", { count: meeting.yesCount })}</span>
            {meeting.myResponse ? <span className="badge badge--muted">{t("meetings.yourAnswer", { answer: t(`meetings.rsvp.${meeting.myResponse}`) })}</span> : null}
            {meeting.attendanceTaken ? <span className="muted">{t("meetings.attendanceTaken")}</span> : null}
          </p>
        </li>
      ))}
    </ul>
  );
}

function ScheduleForm({ timeZone, defaults }: { timeZone: string; defaults: { startsAt: string; endsAt: string } }) {
  const failure = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="schedule-title" className="section card meetings__schedule">
      <h2 id="schedule-title">{t("meetings.schedule.title")}</h2>
      <p className="muted">{t("meetings.schedule.lead", { zone: timeZoneLabel(timeZone, locale) })}</p>
      <FormError message={failure?.formError} />
      <Form method="post" className="stack" noValidate>
        <MeetingFields values={failure?.values ?? defaults} errors={failure?.errors} />
        <p>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("meetings.schedule.submit")}
          </button>
        </p>
      </Form>
    </section>
  );
}
