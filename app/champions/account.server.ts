// One account's champions for the staff account page: who champions it now, who did before, and
// the open watch condition (its only champion inactive or gone) that the alerts work picks up.
import { db } from "~/db.server";
import { championTimes, termStatus } from "./terms";
import { openChampionWatches } from "./watch.server";

export async function accountChampions(accountId: string, now = new Date()) {
  const attributed = await db.championTermAccount.findMany({ where: { accountId }, select: { termId: true } });
  const [terms, watches] = await Promise.all([
    db.championTerm.findMany({
      where: { OR: [{ id: { in: attributed.map((r) => r.termId) } }, { user: { accountId } }] },
      orderBy: { startsAt: "asc" },
      select: { id: true, userId: true, cohort: true, startsAt: true, endsAt: true, revokedAt: true, user: { select: { name: true, title: true, accountId: true } } },
    }),
    openChampionWatches(accountId),
  ]);
  const people = new Map<string, { userId: string; name: string; title: string; inAccount: boolean; terms: typeof terms }>();
  for (const term of terms) {
    const entry = people.get(term.userId) ?? { userId: term.userId, name: term.user.name, title: term.user.title, inAccount: term.user.accountId === accountId, terms: [] };
    entry.terms.push(term);
    people.set(term.userId, entry);
  }
  const champions = [...people.values()].map((person) => {
    const latest = person.terms[person.terms.length - 1]!;
    const active = person.terms.find((t) => termStatus(t, now) === "active") ?? null;
    const upcoming = person.terms.find((t) => termStatus(t, now) === "upcoming") ?? null;
    return {
      userId: person.userId,
      name: person.name,
      title: person.title,
      inAccount: person.inAccount,
      current: active !== null && person.inAccount,
      cohort: (active ?? latest).cohort,
      endsAt: (active ?? latest).endsAt,
      status: active ? "active" : termStatus(latest, now),
      /** A term approved but not started yet (a renewal after a gap, or next year's cohort). */
      startsAt: !active && upcoming && person.inAccount ? upcoming.startsAt : null,
      times: championTimes(person.terms),
    };
  });
  return {
    current: champions.filter((c) => c.current),
    upcoming: champions.filter((c) => !c.current && c.startsAt !== null),
    former: champions.filter((c) => !c.current && c.startsAt === null && c.status !== "upcoming"),
    watch: watches[0] ?? null,
  };
}
