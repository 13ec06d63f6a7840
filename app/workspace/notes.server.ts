// Private staff notes on an account. Both functions take the person asking and refuse anyone who
// is not staff, so a note cannot leak through a loader that forgot to check.
import { z } from "zod";
import { db } from "~/db.server";
import { renderMarkdown } from "~/markdown/markdown.server";
import { assertStaff } from "./access.server";

export const NOTE_MAX = 5000;

export const noteSchema = z.object({
  intent: z.literal("add-note"),
  body: z.string().trim().min(1).max(NOTE_MAX),
});

export async function addAccountNote(author: { id: string; role: string }, accountId: string, body: string) {
  assertStaff(author);
  return db.accountNote.create({
    data: { accountId, authorId: author.id, body, bodyHtml: renderMarkdown(body) },
    select: { id: true },
  });
}

export async function listAccountNotes(viewer: { role: string }, accountId: string, take = 50) {
  assertStaff(viewer);
  const notes = await db.accountNote.findMany({
    where: { accountId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, bodyHtml: true, createdAt: true, author: { select: { name: true } } },
  });
  return notes.map((n) => ({ id: n.id, bodyHtml: n.bodyHtml, createdAt: n.createdAt.toISOString(), authorName: n.author?.name ?? null }));
}
