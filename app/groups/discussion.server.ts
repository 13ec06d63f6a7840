// A group's discussion thread: top-level posts with one level of replies. Bodies are Markdown,
// rendered and sanitised once when written (both kept). Removing a post is soft: the row stays so
// its replies keep their context, and the thread says whether the author deleted it or a
// moderator hid it. Who may read is settled by requireGroupInsider before anything here runs.
import { z } from "zod";
import { db } from "~/db.server";
import { recordEngagement } from "~/engagement/record.server";
import { renderMarkdown } from "~/markdown/markdown.server";
import { isStaff } from "~/users/roles";
import { GROUP_EVENT } from "./events";
import { acceptsMembers } from "./state";

export const POSTS_PER_PAGE = 20;
export const BODY_MAX_CHARS = 10_000;

// Browsers submit textarea line breaks as CRLF; count what the writer sees.
const body = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, "\n"))
  .pipe(z.string().max(BODY_MAX_CHARS, "discussion.error.tooLong").refine((text) => text.trim().length > 0, "discussion.error.empty"));
const postId = z.string().trim().min(1).max(64);

/** Every form on the discussion page posts one of these intents. */
export const discussionIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("post"), body }),
  z.object({ intent: z.literal("reply"), parentId: postId, body }),
  z.object({ intent: z.literal("edit"), postId, body }),
  z.object({ intent: z.literal("delete"), postId }),
  z.object({ intent: z.literal("hide"), postId }),
]);
export type DiscussionIntent = z.infer<typeof discussionIntentSchema>;

/** Who is writing, and whether they moderate this group (its leaders and staff). */
export type DiscussionActor = { id: string; accountId: string | null; canModerate: boolean };
type GroupRef = { id: string; state: string };

export type Removal = "deleted" | "hidden";

/** Something that went wrong with a write, named so routes can pick the status and message. */
export type WriteError = "not-found" | "forbidden" | "archived" | "removed" | "invisible";
export type WriteResult = { ok: true; postId: string; topId: string } | { ok: false; error: WriteError };

const postSelect = {
  id: true,
  body: true,
  bodyHtml: true,
  createdAt: true,
  editedAt: true,
  removedAt: true,
  removedBy: true,
  authorId: true,
  author: { select: { id: true, name: true, role: true } },
} as const;

type PostRow = {
  id: string;
  body: string;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  removedAt: Date | null;
  removedBy: string | null;
  authorId: string | null;
  author: { id: string; name: string; role: string } | null;
};

export function removalOf(post: { removedAt: Date | null; removedBy: string | null; authorId: string | null }): Removal | null {
  if (!post.removedAt) return null;
  return post.removedBy !== null && post.removedBy === post.authorId ? "deleted" : "hidden";
}

export type ThreadViewer = { id: string; canModerate: boolean };

function present(post: PostRow, viewer: ThreadViewer, leaders: Set<string>, writable: boolean) {
  const removal = removalOf(post);
  const own = post.authorId !== null && post.authorId === viewer.id;
  return {
    id: post.id,
    author: post.author ? { id: post.author.id, name: post.author.name, isLeader: leaders.has(post.author.id), isStaff: isStaff(post.author.role) } : null,
    // Removed text leaves the thread for everyone; only the placeholder remains.
    bodyHtml: removal ? null : post.bodyHtml,
    /** The source, for the author's edit form. */
    body: own && !removal ? post.body : null,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    removal,
    canEdit: writable && own && !removal,
    canDelete: writable && own && !removal,
    canHide: writable && viewer.canModerate && !own && !removal,
  };
}

export type ThreadPost = ReturnType<typeof present>;
export type ThreadEntry = ThreadPost & { replies: ThreadPost[]; canReply: boolean };

/**
 * One page of the thread: top-level posts whose latest activity (the post or its newest reply)
 * is most recent come first; replies read oldest first beneath them.
 */
export async function listThread(group: GroupRef, viewer: ThreadViewer, requestedPage = 1) {
  // Activity order depends on each thread's newest reply, which the post row does not carry, so
  // the order is worked out over ids and dates only (a group writes hundreds of posts, not
  // millions) and just one page of full posts is loaded.
  const [tops, latestReplies] = await Promise.all([
    db.groupPost.findMany({ where: { groupId: group.id, parentId: null }, select: { id: true, createdAt: true } }),
    db.groupPost.groupBy({ by: ["parentId"], where: { groupId: group.id, parentId: { not: null } }, _max: { createdAt: true } }),
  ]);
  const latest = new Map(latestReplies.map((row) => [row.parentId, row._max.createdAt?.getTime() ?? 0]));
  const activity = (top: { id: string; createdAt: Date }) => Math.max(top.createdAt.getTime(), latest.get(top.id) ?? 0);
  const ordered = tops.sort((a, b) => activity(b) - activity(a) || (a.id < b.id ? 1 : -1)).map((top) => top.id);

  const total = ordered.length;
  const pages = Math.max(1, Math.ceil(total / POSTS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages);
  const pageIds = ordered.slice((page - 1) * POSTS_PER_PAGE, page * POSTS_PER_PAGE);

  const [rows, leaderRows] = await Promise.all([
    db.groupPost.findMany({
      where: { id: { in: pageIds } },
      select: { ...postSelect, replies: { select: postSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
    }),
    db.groupMembership.findMany({ where: { groupId: group.id, role: "leader", status: "active" }, select: { userId: true } }),
  ]);
  const leaders = new Set(leaderRows.map((row) => row.userId));
  const writable = acceptsPosts(group.state);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const posts: ThreadEntry[] = pageIds.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const top = present(row, viewer, leaders, writable);
    return [{ ...top, replies: row.replies.map((reply) => present(reply, viewer, leaders, writable)), canReply: writable && !top.removal }];
  });
  return { posts, page, pages, total };
}

/** Only running groups take posts; archived ones stay readable as a record. */
export function acceptsPosts(state: string): boolean {
  return acceptsMembers(state);
}

/** Sanitising drops raw HTML; a post made only of it would show as an empty card. */
function showsSomething(html: string): boolean {
  return /<img\b/.test(html) || html.replace(/<[^>]*>/g, "").replace(/&nbsp;|&#160;/g, " ").trim().length > 0;
}

async function findInGroup(groupId: string, id: string) {
  return db.groupPost.findFirst({ where: { id, groupId }, select: { id: true, parentId: true, authorId: true, removedAt: true } });
}

/**
 * Writes a top-level post, or a reply when `parentId` is given. There is one level of replies:
 * answering a reply attaches to the post that reply belongs to.
 */
export async function createPost(group: GroupRef, actor: DiscussionActor, input: { body: string; parentId?: string }, now = new Date()): Promise<WriteResult> {
  let topId: string | null = null;
  if (input.parentId) {
    const parent = await findInGroup(group.id, input.parentId);
    if (!parent) return { ok: false, error: "not-found" };
    topId = parent.parentId ?? parent.id;
  }
  if (!acceptsPosts(group.state)) return { ok: false, error: "archived" };
  if (topId) {
    const top = await db.groupPost.findUniqueOrThrow({ where: { id: topId }, select: { removedAt: true } });
    if (top.removedAt) return { ok: false, error: "removed" };
  }
  const bodyHtml = renderMarkdown(input.body);
  if (!showsSomething(bodyHtml)) return { ok: false, error: "invisible" };
  const post = await db.groupPost.create({
    data: { groupId: group.id, authorId: actor.id, parentId: topId, body: input.body, bodyHtml, createdAt: now },
    select: { id: true },
  });
  await recordEngagement({
    type: GROUP_EVENT.posted,
    actor,
    subjectType: "group",
    subjectId: group.id,
    idempotencyKey: `${GROUP_EVENT.posted}:${post.id}`,
    occurredAt: now,
    metadata: { postId: post.id, reply: topId !== null },
  });
  return { ok: true, postId: post.id, topId: topId ?? post.id };
}

/** The author rewrites their own post. */
export async function editPost(group: GroupRef, actor: DiscussionActor, id: string, newBody: string, now = new Date()): Promise<WriteResult> {
  const post = await findInGroup(group.id, id);
  if (!post) return { ok: false, error: "not-found" };
  if (!acceptsPosts(group.state)) return { ok: false, error: "archived" };
  if (post.authorId !== actor.id) return { ok: false, error: "forbidden" };
  if (post.removedAt) return { ok: false, error: "removed" };
  const bodyHtml = renderMarkdown(newBody);
  if (!showsSomething(bodyHtml)) return { ok: false, error: "invisible" };
  await db.groupPost.update({ where: { id: post.id }, data: { body: newBody, bodyHtml, editedAt: now } });
  return { ok: true, postId: post.id, topId: post.parentId ?? post.id };
}

/**
 * The author deletes their own post (`how: "delete"`), or a leader or staff member hides anyone's
 * (`how: "hide"`). Either way the row stays; removing a removed post changes nothing.
 */
export async function removePost(group: GroupRef, actor: DiscussionActor, id: string, how: "delete" | "hide", now = new Date()): Promise<WriteResult> {
  const post = await findInGroup(group.id, id);
  if (!post) return { ok: false, error: "not-found" };
  if (!acceptsPosts(group.state)) return { ok: false, error: "archived" };
  const allowed = how === "delete" ? post.authorId === actor.id : actor.canModerate;
  if (!allowed) return { ok: false, error: "forbidden" };
  if (!post.removedAt) {
    await db.groupPost.update({ where: { id: post.id }, data: { removedAt: now, removedBy: actor.id } });
  }
  return { ok: true, postId: post.id, topId: post.parentId ?? post.id };
}

/** Runs one submitted intent from the discussion page. */
export async function runDiscussionIntent(group: GroupRef, actor: DiscussionActor, intent: DiscussionIntent): Promise<WriteResult> {
  switch (intent.intent) {
    case "post":
      return createPost(group, actor, { body: intent.body });
    case "reply":
      return createPost(group, actor, { body: intent.body, parentId: intent.parentId });
    case "edit":
      return editPost(group, actor, intent.postId, intent.body);
    case "delete":
      return removePost(group, actor, intent.postId, "delete");
    case "hide":
      return removePost(group, actor, intent.postId, "hide");
  }
}
