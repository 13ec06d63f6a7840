// "Similar questions" while someone types a title. A deliberately simple full-text match (the
// search issue replaces it with the real index): Latin words and, for Japanese, overlapping
// two-character pieces, because Japanese has no spaces between words.
import { db } from "~/db.server";

const STOP = new Set(["the", "a", "an", "to", "of", "in", "on", "for", "and", "or", "is", "how", "what", "can", "do", "i", "my", "with"]);

export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of text.normalize("NFKC").toLowerCase().match(/[a-z0-9]{3,}/g) ?? []) if (!STOP.has(word)) terms.add(word);
  for (const run of text.normalize("NFKC").match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu) ?? []) {
    if (run.length === 1) continue;
    for (let i = 0; i < run.length - 1; i++) {
      const bigram = run.slice(i, i + 2);
      // Bigrams made only of hiragana are mostly particles and endings ("ので", "ます").
      if (!/^[\p{Script=Hiragana}]+$/u.test(bigram)) terms.add(bigram);
    }
  }
  return [...terms].slice(0, 12);
}

export async function similarQuestions(title: string, limit = 5) {
  const terms = searchTerms(title);
  if (terms.length === 0) return [];
  const candidates = await db.question.findMany({
    where: { state: { not: "hidden" }, OR: terms.map((term) => ({ title: { contains: term } })) },
    select: { id: true, title: true, answerCount: true, state: true },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return candidates
    .map((q) => {
      const hay = q.title.normalize("NFKC").toLowerCase();
      return { ...q, matched: terms.filter((term) => hay.includes(term)).length };
    })
    .filter((q) => q.matched >= Math.min(2, terms.length))
    .sort((a, b) => b.matched - a.matched)
    .slice(0, limit)
    .map(({ matched: _matched, ...q }) => q);
}
