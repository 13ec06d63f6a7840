// The group's discussion thread: members and staff read and write; leaders and staff moderate.
// Every form posts here with an `intent`; one schema validates them all.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData, useLocation, useNavigation, useParams, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { activeChampionIds } from "~/champions/status.server";
import { ChampionBadge } from "~/champions/ui";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError, TextAreaField } from "~/components/form";
import { MarkdownHtml } from "~/components/markdown-html";
import { Pagination } from "~/components/pagination";
import { requireGroupInsider } from "~/groups/access.server";
import { acceptsPosts, BODY_MAX_CHARS, discussionIntentSchema, listThread, runDiscussionIntent, type ThreadEntry, type ThreadPost } from "~/groups/discussion.server";
import { getTranslator } from "~/i18n/i18n.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatDateTime } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, parseForm, readFormData } from "~/utils/validation.server";
import type { GroupLayoutData } from "./groups.$groupId";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, permissions, user } = await requireGroupInsider(request, params.groupId);
  const url = new URL(request.url);
  const thread = await listThread(group, { id: user.id, canModerate: permissions.canManage }, Number(url.searchParams.get("page")) || 1);
  const champions = await activeChampionIds(thread.posts.flatMap((post) => [post.author?.id, ...post.replies.map((reply) => reply.author?.id)]));
  return { ...thread, championIds: [...champions], writable: acceptsPosts(group.state), editing: url.searchParams.get("edit") };
}

const DONE: Record<"post" | "reply" | "edit" | "delete" | "hide", MessageKey> = {
  post: "discussion.toast.posted",
  reply: "discussion.toast.replied",
  edit: "discussion.toast.edited",
  delete: "discussion.toast.deleted",
  hide: "discussion.toast.hidden",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { group, permissions, user } = await requireGroupInsider(request, params.groupId);
  const { t } = await getTranslator(request, user.locale);
  const formData = await readFormData(request, 200_000);
  // The shared helper keeps 2,000 characters of each value; a post that was too long comes back whole.
  const rawBody = formData.get("body");
  const keep = (values: Record<string, string>) => (typeof rawBody === "string" ? { ...values, body: rawBody.slice(0, BODY_MAX_CHARS * 2) } : values);
  const form = parseForm(formData, discussionIntentSchema, t);
  if (!form.ok) return formFailure({ errors: form.errors, formError: form.errors.intent ? t("error.form") : null, values: keep(form.values) });

  const result = await runDiscussionIntent(group, { id: user.id, accountId: user.accountId, canModerate: permissions.canManage }, form.data);
  const values = keep(Object.fromEntries(Object.entries(form.data).map(([key, value]) => [key, String(value)])));
  if (!result.ok) {
    switch (result.error) {
      case "not-found":
        throw new Response("Post not found", { status: 404, statusText: "Not Found" });
      case "forbidden":
        // Answered in the page (not the error screen), which would read as "members only".
        return formFailure({ formError: t("discussion.error.forbidden"), values }, 403);
      case "archived":
        return formFailure({ formError: t("discussion.error.archived"), values }, 409);
      case "removed":
        return formFailure({ formError: t("discussion.error.removed"), values }, 409);
      case "invisible":
        return formFailure({ errors: { body: t("discussion.error.invisible") }, values });
    }
  }
  // New posts and replies bring their thread to the top; other changes stay on the same page.
  const url = new URL(request.url);
  const page = form.data.intent === "post" || form.data.intent === "reply" ? null : url.searchParams.get("page");
  const back = `${url.pathname}${page && page !== "1" ? `?page=${encodeURIComponent(page)}` : ""}#post-${result.postId}`;
  return redirectWithToast(back, { type: "success", key: DONE[form.data.intent] });
}

type Failure = ReturnType<typeof useActionData<typeof action>>;

/** The failed submission, when it came from the form identified by intent (and post id). */
function failureFor(failure: Failure, intent: string, id?: string) {
  if (!failure || failure.values.intent !== intent) return null;
  if (id && failure.values.postId !== id && failure.values.parentId !== id) return null;
  return failure;
}

export default function DiscussionPage() {
  const { posts, page, pages, total, writable } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const mine = failureFor(failure, "post");
  return (
    <section aria-labelledby="discussion-title" className="discussion">
      <h2 id="discussion-title">{t("discussion.title")}</h2>
      <p className="muted">{t("discussion.lead")}</p>
      {writable ? null : <p className="alert alert--info">{t("discussion.archived")}</p>}
      <FormError message={failure?.formError} />

      {writable ? (
        <Form method="post" className="card stack discussion__new" noValidate key={`new-${total}`} aria-labelledby="discussion-new-title">
          <h3 id="discussion-new-title">{t("discussion.new.title")}</h3>
          <input type="hidden" name="intent" value="post" />
          <TextAreaField label={t("discussion.new.label")} name="body" hint={t("discussion.body.hint")} defaultValue={mine?.values.body} error={mine?.errors.body} />
          <SubmitButton label={t("discussion.new.submit")} primary />
        </Form>
      ) : null}

      {posts.length === 0 ? (
        <p className="empty">{t("discussion.empty")}</p>
      ) : (
        <ol className="discussion__threads plain-list">
          {posts.map((entry) => (
            <li key={entry.id}>
              <Thread entry={entry} page={page} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pages={pages} />
    </section>
  );
}

function Thread({ entry, page }: { entry: ThreadEntry; page: number }) {
  const failure = useActionData<typeof action>();
  const { t } = useTranslation();
  const replyFailure = failureFor(failure, "reply", entry.id);
  return (
    <article className="card discussion__thread" aria-labelledby={`post-${entry.id}-author`}>
      <Post post={entry} page={page} />
      {entry.replies.length > 0 ? (
        <ol className="discussion__replies plain-list" aria-label={t("discussion.replies")}>
          {entry.replies.map((reply) => (
            <li key={reply.id}>
              <Post post={reply} page={page} />
            </li>
          ))}
        </ol>
      ) : null}
      {entry.canReply ? (
        // Remounted when a reply lands, which empties and closes it.
        <details className="discussion__reply" open={replyFailure ? true : undefined} key={`reply-${entry.id}-${entry.replies.length}`}>
          <summary className="button button--ghost button--small">{t("discussion.reply.open")}</summary>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="reply" />
            <input type="hidden" name="parentId" value={entry.id} />
            <TextAreaField label={t("discussion.reply.label")} name="body" rows={3} hint={t("discussion.body.hint")} defaultValue={replyFailure?.values.body} error={replyFailure?.errors.body} />
            <SubmitButton label={t("discussion.reply.submit")} />
          </Form>
        </details>
      ) : null}
    </article>
  );
}

function Post({ post, page }: { post: ThreadPost; page: number }) {
  const { editing, championIds } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const layout = useRouteLoaderData<GroupLayoutData>("routes/groups.$groupId");
  const location = useLocation();
  const { t, locale } = useTranslation();
  const timeZone = layout?.viewer?.timeZone ?? "Asia/Tokyo";
  const editFailure = failureFor(failure, "edit", post.id);
  const here = (extra: Record<string, string> = {}) => {
    const params = new URLSearchParams({ ...(page > 1 ? { page: String(page) } : {}), ...extra });
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ""}#post-${post.id}`;
  };
  const isEditing = post.canEdit && (editing === post.id || editFailure !== null);
  return (
    <div className={post.removal ? "discussion__post discussion__post--removed" : "discussion__post"} id={`post-${post.id}`}>
      <p className="discussion__meta">
        <strong id={`post-${post.id}-author`}>{post.author?.name ?? t("discussion.formerMember")}</strong>
        {post.author?.isLeader ? <span className="badge badge--leader">{t("discussion.leader")}</span> : null}
        {post.author && championIds.includes(post.author.id) ? <ChampionBadge /> : null}
        {post.author?.isStaff ? <span className="badge badge--role-cs">{t("discussion.staff")}</span> : null}
        <time className="muted" dateTime={post.createdAt.toISOString()}>
          {formatDateTime(post.createdAt, locale, timeZone)}
        </time>
        {post.editedAt && !post.removal ? (
          <span className="muted" title={formatDateTime(post.editedAt, locale, timeZone)}>
            ({t("discussion.edited")})
          </span>
        ) : null}
      </p>
      {post.removal ? (
        <p className="discussion__removed muted">{t(post.removal === "deleted" ? "discussion.removed.deleted" : "discussion.removed.hidden")}</p>
      ) : isEditing ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="postId" value={post.id} />
          <TextAreaField label={t("discussion.edit.label")} name="body" hint={t("discussion.body.hint")} defaultValue={editFailure?.values.body ?? post.body ?? ""} error={editFailure?.errors.body} />
          <p className="discussion__actions">
            <SubmitButton label={t("discussion.edit.save")} primary />
            <Link to={here()} className="button button--ghost">
              {t("discussion.edit.cancel")}
            </Link>
          </p>
        </Form>
      ) : (
        <MarkdownHtml html={post.bodyHtml ?? ""} className="discussion__body" />
      )}
      {!isEditing && (post.canEdit || post.canDelete || post.canHide) ? (
        <p className="discussion__actions">
          {post.canEdit ? (
            <Link to={here({ edit: post.id })} className="button button--ghost button--small">
              {t("discussion.edit")}
            </Link>
          ) : null}
          {post.canDelete ? <RemoveButton postId={post.id} intent="delete" label={t("discussion.delete")} confirm={t("discussion.delete.confirm")} /> : null}
          {post.canHide ? <RemoveButton postId={post.id} intent="hide" label={t("discussion.hide")} confirm={t("discussion.hide.confirm")} /> : null}
        </p>
      ) : null}
    </div>
  );
}

function RemoveButton({ postId, intent, label, confirm }: { postId: string; intent: "delete" | "hide"; label: string; confirm: string }) {
  return (
    <Form method="post" className="inline-form" onSubmit={(event) => (window.confirm(confirm) ? undefined : event.preventDefault())}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="postId" value={postId} />
      <button type="submit" className="button button--ghost button--small">
        {label}
      </button>
    </Form>
  );
}

function SubmitButton({ label, primary = false }: { label: string; primary?: boolean }) {
  const busy = useNavigation().state === "submitting";
  return (
    <button type="submit" className={primary ? "button button--primary" : "button button--secondary"} disabled={busy}>
      {label}
    </button>
  );
}

/** Outsiders see why inside the group's page, with the way in; other errors use the shared screen. */
export function ErrorBoundary() {
  const error = useRouteError();
  const { groupId } = useParams();
  const { t } = useTranslation();
  if (!isRouteErrorResponse(error) || error.status !== 403) return <GeneralErrorBoundary />;
  return (
    <section className="card" aria-labelledby="discussion-forbidden-title">
      <h2 id="discussion-forbidden-title">{t("discussion.forbidden.title")}</h2>
      <p>{t("discussion.forbidden.body")}</p>
      <Link to={`/groups/${groupId ?? ""}`} className="button button--primary">
        {t("discussion.forbidden.overview")}
      </Link>
    </section>
  );
}
