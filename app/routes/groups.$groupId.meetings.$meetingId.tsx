// One meeting. Everyone sees its title, time and how many are coming; members and staff also
// see the place, the online link, the agenda, who is coming and the notes. Members answer
// before it starts; leaders and staff edit it, take attendance and post notes once it started.
// Every form posts here with an `intent`.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormError, TextAreaField } from "~/components/form";
import { MarkdownHtml } from "~/components/markdown-html";
import { requireGroup, requireGroupInsider } from "~/groups/access.server";
import { MeetingFields } from "~/groups/meeting-form";
import {
  acceptsMeetings,
  editMeeting,
  loadMeeting,
  meetingErrorResponse,
  meetingFormSchema,
  MEETING_LIMITS,
  notesSchema,
  postMeetingNotes,
  rsvpSchema,
  rsvpToMeeting,
  takeAttendance,
  zoneOf,
  type LoadedMeeting,
  type MeetingResult,
} from "~/groups/meetings.server";
import { RSVP_RESPONSES } from "~/groups/model";
import { formatInZone, formatRangeInZone, timeZoneLabel, utcToZonedLocalInput } from "~/groups/time-zone";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";
import type { GroupLayoutData } from "./groups.$groupId";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.meeting.title} · Kizuna` : "Kizuna" }];

function meetingNotFound() {
  return new Response("Meeting not found", { status: 404, statusText: "Not Found" });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, permissions, user } = await requireGroup(request, params.groupId);
  const meeting = await loadMeeting(group.id, params.meetingId ?? "", {
    id: user?.id ?? null,
    insider: permissions.canSeeInside,
    manager: permissions.canManage,
    member: permissions.isMember,
  });
  if (!meeting) throw meetingNotFound();
  const writable = acceptsMeetings(group.state);
  const manage = permissions.canManage && writable && meeting.inside !== null;
  const zone = zoneOf(user);
  return {
    meeting,
    writable,
    // Leaders and staff edit in their own zone, like when scheduling.
    edit:
      manage && meeting.inside
        ? {
            timeZone: zone,
            values: {
              title: meeting.title,
              startsAt: utcToZonedLocalInput(meeting.startsAt, zone),
              endsAt: utcToZonedLocalInput(meeting.endsAt, zone),
              location: meeting.inside.location,
              onlineUrl: meeting.inside.onlineUrl,
              agenda: meeting.inside.agenda,
            },
          }
        : null,
    canTakeAttendance: manage && meeting.started,
  };
}

const attendanceSchema = z.object({ attended: z.array(z.string().min(1).max(64)).max(1000) });
const INTENTS = ["rsvp", "attendance", "notes", "edit"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, permissions, user } = await requireGroupInsider(request, params.groupId);
  const { t } = await getTranslator(request, user.locale);
  const formData = await readFormData(request, 200_000);
  const intent = z.enum(INTENTS).safeParse(formData.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  if (intent.data !== "rsvp" && !permissions.canManage) throw new Response("Leaders and staff only", { status: 403, statusText: "Forbidden" });
  const meetingId = params.meetingId ?? "";
  const here = `/groups/${group.id}/meetings/${meetingId}`;

  // The shared helper keeps 2,000 characters of each value; long Markdown comes back whole.
  const long = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? { [name]: value.slice(0, MEETING_LIMITS.markdown * 2) } : {};
  };
  const values = (parsed: Record<string, string>) => ({ ...parsed, ...long("agenda"), ...long("notes"), intent: intent.data });
  const refused = (result: Extract<MeetingResult, { ok: false }>, submitted: Record<string, string>) => {
    if (result.error === "not-found") throw meetingNotFound();
    const { status, key } = meetingErrorResponse(result.error);
    const errors = Object.fromEntries(Object.entries(result.problems ?? {}).map(([field, message]) => [field, t(message as "error.form")]));
    return formFailure({ errors, formError: t(key), values: values(submitted) }, status);
  };

  switch (intent.data) {
    case "rsvp": {
      const form = parseForm(formData, rsvpSchema, t);
      if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: values(form.values) });
      const result = await rsvpToMeeting(group.id, meetingId, { id: user.id, accountId: user.accountId }, form.data.response);
      if (!result.ok) return refused(result, {});
      return redirectWithToast(here, { type: "success", key: "meetings.rsvp.saved", params: { answer: t(`meetings.rsvp.${form.data.response}`) } });
    }
    case "attendance": {
      const form = attendanceSchema.safeParse({ attended: formData.getAll("attended") });
      if (!form.success) return formFailure({ formError: t("meetings.error.unknownMember"), values: values({}) });
      const result = await takeAttendance(group.id, meetingId, { id: user.id, accountId: user.accountId }, form.data.attended);
      if (!result.ok) return refused(result, {});
      return redirectWithToast(`${here}#attendance-title`, { type: "success", key: "meetings.attendance.saved", params: { count: result.attended } });
    }
    case "notes": {
      const form = parseForm(formData, notesSchema, t);
      if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: values(form.values) });
      const result = await postMeetingNotes(group.id, meetingId, form.data.notes);
      if (!result.ok) return refused(result, {});
      return redirectWithToast(`${here}#notes-title`, { type: "success", key: "meetings.notes.saved" });
    }
    case "edit": {
      const form = parseForm(formData, meetingFormSchema(zoneOf(user)), t);
      if (!form.ok) return formFailure({ errors: form.errors, formError: t("error.form"), values: values(form.values) });
      const result = await editMeeting(group.id, meetingId, form.data);
      const submitted = Object.fromEntries([...formData].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      if (!result.ok) return refused(result, submitted);
      return redirectWithToast(here, { type: "success", key: form.data.shifted ? "meetings.scheduledShifted" : "meetings.updated", params: { title: form.data.title } });
    }
  }
}

type Failure = ReturnType<typeof useActionData<typeof action>>;

/** The failed submission, when it came from the form with this intent. */
function failureFor(failure: Failure, intent: (typeof INTENTS)[number]) {
  return failure && failure.values.intent === intent ? failure : null;
}

export default function MeetingPage() {
  const { meeting, writable, edit, canTakeAttendance } = useLoaderData<typeof loader>();
  const layout = useRouteLoaderData<GroupLayoutData>("routes/groups.$groupId");
  const { t, locale } = useTranslation();
  const timeZone = layout?.viewer?.timeZone ?? "Asia/Tokyo";
  const groupId = layout?.group.id ?? "";
  const base = `/groups/${groupId}/meetings`;
  const inside = meeting.inside;
  return (
    <article className="meeting stack" aria-labelledby="meeting-title">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to={base}>{t("meetings.back")}</Link>
      </nav>
      <header className="meeting__header">
        <h2 id="meeting-title">{meeting.title}</h2>
        {writable ? null : <p className="alert alert--info">{t("meetings.archived")}</p>}
      </header>

      <div className="meeting__card card">
        <dl className="meeting__facts">
          <div>
            <dt>{t("meetings.when")}</dt>
            <dd>
              <time dateTime={meeting.startsAt.toISOString()} suppressHydrationWarning>
                {formatRangeInZone(meeting.startsAt, meeting.endsAt, timeZone, locale)}
              </time>
              <br />
              <span className="muted" suppressHydrationWarning>
                {t("meetings.timeZone", { zone: timeZoneLabel(timeZone, locale, meeting.startsAt) })}
              </span>
            </dd>
          </div>
          {inside?.location ? (
            <div>
              <dt>{t("meetings.where")}</dt>
              <dd>{inside.location}</dd>
            </div>
          ) : null}
          {inside?.onlineUrl ? (
            <div>
              <dt>{t("meetings.link")}</dt>
              <dd>
                <a href={inside.onlineUrl} target="_blank" rel="noopener noreferrer" className="meeting__link">
                  {t("meetings.joinOnline")}
                </a>{" "}
                <span className="muted meeting__url">{inside.onlineUrl}</span>
              </dd>
            </div>
          ) : null}
        </dl>
        {inside ? (
          <p className="meeting__download">
            <a href={`${base}/${meeting.id}.ics`} download className="button button--secondary button--small">
              {t("meetings.download")}
            </a>
          </p>
        ) : null}
      </div>
      {inside ? null : <p className="muted">{t("meetings.outsider")}</p>}

      <Answers />

      {inside ? (
        <section aria-labelledby="agenda-title" className="section">
          <h3 id="agenda-title">{t("meetings.agenda")}</h3>
          {inside.agendaHtml ? <MarkdownHtml html={inside.agendaHtml} /> : <p className="empty">{t("meetings.noAgenda")}</p>}
        </section>
      ) : null}

      {inside && meeting.started ? <Attendance meeting={meeting} editable={canTakeAttendance} timeZone={timeZone} /> : null}

      {inside && meeting.started ? <Notes inside={inside} editable={canTakeAttendance} /> : null}
      {edit && !meeting.started ? <p className="muted">{t("meetings.notes.afterStart")}</p> : null}

      {edit ? <EditMeeting timeZone={edit.timeZone} values={edit.values} /> : null}
    </article>
  );
}

function Answers() {
  const { meeting, writable } = useLoaderData<typeof loader>();
  const failure = failureFor(useActionData<typeof action>(), "rsvp");
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const inside = meeting.inside;
  return (
    <section aria-labelledby="rsvp-title" className="section card meeting__rsvp">
      <h3 id="rsvp-title">{meeting.started ? t("meetings.rsvp.counts") : t("meetings.rsvp.title")}</h3>
      <FormError message={failure?.formError} />
      {inside?.canAnswer && writable ? (
        <Form method="post" className="meeting__answers" aria-label={t("meetings.rsvp.title")}>
          <input type="hidden" name="intent" value="rsvp" />
          {RSVP_RESPONSES.map((response) => (
            <button
              key={response}
              type="submit"
              name="response"
              value={response}
              disabled={busy}
              aria-pressed={inside.myResponse === response}
              className={inside.myResponse === response ? "button button--primary" : "button button--secondary"}
            >
              {t(`meetings.rsvp.${response}`)}
            </button>
          ))}
        </Form>
      ) : meeting.started ? (
        <p className="muted">{t("meetings.rsvp.closed")}</p>
      ) : (
        <p className="muted">{t("meetings.rsvp.membersOnly")}</p>
      )}
      <ul className="meeting__counts plain-list" aria-label={t("meetings.rsvp.counts")}>
        {RSVP_RESPONSES.map((response) => (
          <li key={response} data-response={response}>
            {t("meetings.rsvp.count", { label: t(`meetings.rsvp.${response}`), count: meeting.counts[response] })}
          </li>
        ))}
      </ul>
      {inside ? (
        <>
          <h4>{t("meetings.rsvp.going")}</h4>
          {inside.going.length === 0 ? (
            <p className="empty">{t("meetings.rsvp.nobody")}</p>
          ) : (
            <ul className="meeting__going plain-list" aria-label={t("meetings.rsvp.going")}>
              {inside.going.map((person) => (
                <li key={person.id}>{person.name}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

function Attendance({ meeting, editable, timeZone }: { meeting: LoadedMeeting; editable: boolean; timeZone: string }) {
  const failure = failureFor(useActionData<typeof action>(), "attendance");
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const inside = meeting.inside!;
  return (
    <section aria-labelledby="attendance-title" className="section card meeting__attendance">
      <h3 id="attendance-title">{t("meetings.attendance.title")}</h3>
      {inside.attendanceTakenAt ? (
        <p className="muted">
          {t("meetings.attendance.summary", { count: inside.attendedCount })}{" "}
          <span suppressHydrationWarning>{t("meetings.attendance.takenAt", { date: formatInZone(inside.attendanceTakenAt, timeZone, locale) })}</span>
        </p>
      ) : (
        <p className="muted">{t("meetings.attendance.notYet")}</p>
      )}
      {editable && inside.checklist ? (
        <Form method="post" className="stack">
          <FormError message={failure?.formError} />
          <input type="hidden" name="intent" value="attendance" />
          <fieldset className="meeting__checklist">
            <legend>{t("meetings.attendance.lead")}</legend>
            {inside.checklist.map((member) => (
              <label key={member.userId} className="meeting__check">
                <input type="checkbox" name="attended" value={member.userId} defaultChecked={member.attended} />
                <span>{member.name}</span>
                {member.isLeader ? <span className="badge badge--muted">{t("meetings.attendance.leader")}</span> : null}
              </label>
            ))}
          </fieldset>
          <p>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("meetings.attendance.submit")}
            </button>
          </p>
        </Form>
      ) : null}
    </section>
  );
}

function Notes({ inside, editable }: { inside: NonNullable<LoadedMeeting["inside"]>; editable: boolean }) {
  const failure = failureFor(useActionData<typeof action>(), "notes");
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="notes-title" className="section meeting__notes">
      <h3 id="notes-title">{t("meetings.notes.title")}</h3>
      {inside.notesHtml ? <MarkdownHtml html={inside.notesHtml} /> : <p className="empty">{t("meetings.notes.none")}</p>}
      {editable ? (
        <Form method="post" className="stack card" noValidate>
          <FormError message={failure?.formError} />
          <input type="hidden" name="intent" value="notes" />
          <TextAreaField
            label={t("meetings.field.notes")}
            name="notes"
            hint={t("meetings.field.notesHint")}
            defaultValue={failure?.values.notes ?? inside.notes}
            error={failure?.errors.notes}
          />
          <p>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("meetings.notes.submit")}
            </button>
          </p>
        </Form>
      ) : null}
    </section>
  );
}

function EditMeeting({ timeZone, values }: { timeZone: string; values: Record<string, string> }) {
  const failure = failureFor(useActionData<typeof action>(), "edit");
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  return (
    <details className="card meeting__edit" open={failure ? true : undefined}>
      <summary>{t("meetings.edit.title")}</summary>
      <p className="muted">{t("meetings.schedule.lead", { zone: timeZoneLabel(timeZone, locale) })}</p>
      <FormError message={failure?.formError} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="edit" />
        <MeetingFields values={failure?.values ?? values} errors={failure?.errors} />
        <p>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("meetings.edit.submit")}
          </button>
        </p>
      </Form>
    </details>
  );
}
