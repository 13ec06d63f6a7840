// Study groups that are running. Their pages (name, challenge, description) are open to everyone;
// proposals and declined groups exist only for their proposer and staff, archived ones are a
// record: neither is offered by search. Discussions are for members and never indexed.
import { db } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { groupHref } from "~/groups/model";
import { plainText } from "~/markdown/plain-text";
import { docId, type SearchDocument } from "../model";
import { detectLocale, topicLabels, type DocumentSource } from "./source";

const BATCH = 500;

const select = {
  id: true,
  name: true,
  challenge: true,
  description: true,
  level: true,
  state: true,
  visibility: true,
  topics: { select: { topic: true } },
  _count: { select: { memberships: { where: { status: "active" } } } },
} satisfies Prisma.StudyGroupSelect;

type Row = Prisma.StudyGroupGetPayload<{ select: typeof select }>;

function toDocument(g: Row): SearchDocument {
  const topics = g.topics.map((t) => t.topic);
  const description = plainText(g.description);
  return {
    id: docId("group", g.id),
    type: "group",
    key: g.id,
    url: groupHref(g.id),
    title: g.name,
    body: `${g.challenge}\n${description}`,
    tags: topics,
    tagText: topicLabels(topics),
    locale: detectLocale(`${g.name} ${g.challenge} ${description}`),
    tier: g.level,
    state: g.state,
    audience: "public",
    boost: 1,
    meta: { members: g._count.memberships, joinBy: g.visibility },
  };
}

export const groupSource: DocumentSource = {
  type: "group",
  async *loadAll() {
    let cursor: string | undefined;
    for (;;) {
      const rows = await db.studyGroup.findMany({
        where: { state: "active" },
        orderBy: { id: "asc" },
        take: BATCH,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        select,
      });
      if (rows.length === 0) return;
      yield rows.map(toDocument);
      cursor = rows[rows.length - 1]!.id;
    }
  },
  count: () => db.studyGroup.count({ where: { state: "active" } }),
  async loadOne(key) {
    const row = await db.studyGroup.findUnique({ where: { id: key }, select });
    return row && row.state === "active" ? toDocument(row) : null;
  },
  maxAudience: () => 0,
};
