// Finding likely duplicates for the merge tool. People: customer members with the same name
// (ignoring spaces, width and case) in the same account, or with the same address before the @
// in one account. Accounts: the same company name once legal forms (株式会社, (株), K.K., Inc. …)
// and punctuation are set aside. These are suggestions; an admin reviews each merge.
import { db } from "~/db.server";

/** Japanese legal forms, removed wherever they appear (before or after the name). */
const JA_LEGAL_FORMS = ["株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人", "一般財団法人", "(株)", "(有)", "(同)", "㈱", "㈲"];
/** Latin legal forms, removed only as whole words ("kk" in "Hokkaido" stays). */
const LATIN_LEGAL_WORDS = new Set(["kk", "k.k.", "k.k", "kabushiki", "kaisha", "kabushikikaisha", "inc", "inc.", "incorporated", "corp", "corp.", "corporation", "co", "co.", "company", "ltd", "ltd.", "limited", "llc", "gmbh", "plc"]);

/** "株式会社さくらコマース", "さくらコマース(株)" and "Sakura Commerce K.K." vs "SAKURA COMMERCE Inc." → comparable keys. */
export function companyKey(name: string): string {
  let key = name.normalize("NFKC").toLowerCase();
  for (const form of JA_LEGAL_FORMS) key = key.split(form.normalize("NFKC")).join(" ");
  const words = key.split(/[\s,()]+/).filter((word) => word && !LATIN_LEGAL_WORDS.has(word));
  return words.join("").replace(/[\p{P}\p{S}]+/gu, "");
}

export function personKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/[\s\p{P}]+/gu, "");
}

export type PersonPair = { a: { id: string; name: string; email: string }; b: { id: string; name: string; email: string }; account: string | null; why: "sameName" | "sameLocalPart" };
export type AccountPair = { a: { id: string; name: string }; b: { id: string; name: string }; why: "sameCompanyName" };

const LIMIT = 100;

export async function findDuplicatePeople(): Promise<PersonPair[]> {
  const people = await db.user.findMany({
    where: { role: "member" },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, accountId: true, account: { select: { name: true } } },
  });
  const pairs: PersonPair[] = [];
  const seen = new Set<string>();
  const groups = new Map<string, typeof people>();
  for (const person of people) {
    const local = person.email.slice(0, person.email.lastIndexOf("@"));
    for (const [why, key] of [
      ["sameName", `n:${person.accountId ?? "-"}:${personKey(person.name)}`],
      ["sameLocalPart", person.accountId ? `l:${person.accountId}:${local}` : null],
    ] as const) {
      if (!key || key.endsWith(":")) continue;
      const group = groups.get(key) ?? [];
      for (const other of group) {
        const id = [other.id, person.id].sort().join("|");
        if (seen.has(id) || pairs.length >= LIMIT) continue;
        seen.add(id);
        pairs.push({ a: other, b: person, account: person.account?.name ?? null, why });
      }
      group.push(person);
      groups.set(key, group);
    }
  }
  return pairs.map(({ a, b, account, why }) => ({ a: { id: a.id, name: a.name, email: a.email }, b: { id: b.id, name: b.name, email: b.email }, account, why }));
}

export async function findDuplicateAccounts(): Promise<AccountPair[]> {
  const accounts = await db.account.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
  const groups = new Map<string, typeof accounts>();
  const pairs: AccountPair[] = [];
  for (const account of accounts) {
    const key = companyKey(account.name);
    if (!key) continue;
    const group = groups.get(key) ?? [];
    for (const other of group) if (pairs.length < LIMIT) pairs.push({ a: other, b: account, why: "sameCompanyName" });
    group.push(account);
    groups.set(key, group);
  }
  return pairs;
}
