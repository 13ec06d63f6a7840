// The large data set from PRODUCT.md (2,000 accounts, 50,000 members, and through
// scale-activity.ts 5,000,000 engagement events) for benchmarks and load checks. Rows get
// deterministic ids and addresses, so a re-run inserts only what is missing.
import { hashPassword } from "~/auth/password.server";
import { db } from "~/db.server";
import { LIFECYCLE_STAGE_CODES, PLANS } from "~/accounts/lifecycle";
import { createProgress } from "./progress";
import { seedScaleActivity } from "./scale-activity";

export const SCALE = { accounts: 2_000, members: 50_000 };
const BATCH = 1_000;

const JA_PREFIXES = ["さくら", "みなと", "ひかり", "あおい", "こだま", "つばさ", "はるか", "やまと", "みどり", "あさひ", "いぶき", "かなで", "しらかば", "たちばな", "ときわ", "なごみ", "のぞみ", "はやぶさ", "ふたば", "ほくと"];
const JA_INDUSTRIES = ["商事", "物流", "ソフトウェア", "フーズ", "製作所", "不動産", "出版", "メディカル", "エナジー", "トラベル", "建設", "電機", "化学", "アパレル", "教育", "銀行", "保険", "通信", "薬品", "システムズ"];
const EN_PREFIXES = ["Northwind", "Bluefin", "Kestrel", "Lumen", "Harbor", "Summit", "Cedar", "Atlas", "Beacon", "Juniper"];
const EN_INDUSTRIES = ["Analytics", "Travel", "Manufacturing", "Health", "Logistics", "Retail", "Media", "Robotics", "Finance", "Foods"];
const SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "松本", "井上", "木村", "林", "清水", "山崎", "森"];
const GIVEN = ["陽菜", "蓮", "結衣", "湊", "葵", "大翔", "美咲", "悠真", "さくら", "颯太", "凛", "健", "彩", "翔", "舞", "亮", "奈々", "拓也", "恵美", "海斗"];
const PERSONAS = ["practitioner", "practitioner", "practitioner", "manager", "executive"] as const;
const LEVELS = ["beginner", "beginner", "intermediate", "intermediate", "advanced"] as const;

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

export function scaleAccountName(i: number): string {
  if (i % 5 === 4) return `${pick(EN_PREFIXES, i)} ${pick(EN_INDUSTRIES, Math.floor(i / 10))} ${Math.floor(i / 100) + 1}`;
  const name = `${pick(JA_PREFIXES, i)}${pick(JA_INDUSTRIES, Math.floor(i / 20))}`;
  return i % 2 === 0 ? `株式会社${name}` : `${name}株式会社`;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export async function seedScale() {
  const staff = await db.user.findMany({ where: { role: "cs" }, select: { id: true } });
  const today = Date.now();

  const existingAccounts = new Set(
    (await db.account.findMany({ where: { id: { startsWith: "scale_acc_" } }, select: { id: true } })).map((a) => a.id),
  );
  const accountProgress = createProgress("accounts", SCALE.accounts);
  for (let start = 0; start < SCALE.accounts; start += BATCH) {
    const rows = [];
    const domains = [];
    for (let i = start; i < Math.min(SCALE.accounts, start + BATCH); i++) {
      const id = `scale_acc_${pad(i, 4)}`;
      if (existingAccounts.has(id)) continue;
      rows.push({
        id,
        name: scaleAccountName(i),
        plan: pick(PLANS, i),
        seatsLicensed: 5 + (i % 60),
        arr: (5 + (i % 60)) * 240_000,
        renewalDate: new Date(today + ((i * 7) % 365) * 86_400_000),
        lifecycleStage: pick(LIFECYCLE_STAGE_CODES, i),
        ownerId: staff.length ? pick(staff, i).id : null,
      });
      domains.push({ domain: `scale-${pad(i, 4)}.example`, accountId: id });
    }
    if (rows.length) {
      await db.$transaction([db.account.createMany({ data: rows }), db.accountDomain.createMany({ data: domains })]);
    }
    accountProgress.update(Math.min(SCALE.accounts, start + BATCH));
  }
  accountProgress.done();

  // One shared hash: hashing 50,000 passwords one by one would take most of an hour.
  const passwordHash = await hashPassword("kizuna-scale-member");
  const existingMembers = new Set(
    (await db.user.findMany({ where: { id: { startsWith: "scale_usr_" } }, select: { id: true } })).map((u) => u.id),
  );
  const memberProgress = createProgress("members", SCALE.members);
  for (let start = 0; start < SCALE.members; start += BATCH) {
    const users = [];
    for (let i = start; i < Math.min(SCALE.members, start + BATCH); i++) {
      const id = `scale_usr_${pad(i, 5)}`;
      if (existingMembers.has(id)) continue;
      const accountIndex = i % SCALE.accounts;
      users.push({
        id,
        email: `member${pad(i, 5)}@scale-${pad(accountIndex, 4)}.example`,
        name: `${pick(SURNAMES, i)} ${pick(GIVEN, Math.floor(i / 20))}`,
        role: "member",
        accountId: `scale_acc_${pad(accountIndex, 4)}`,
        persona: pick(PERSONAS, i),
        level: pick(LEVELS, Math.floor(i / 3)),
        locale: i % 7 === 0 ? "en" : "ja",
      });
    }
    if (users.length) {
      await db.$transaction([
        db.user.createMany({ data: users }),
        db.password.createMany({ data: users.map((u) => ({ userId: u.id, hash: passwordHash })) }),
      ]);
    }
    memberProgress.update(Math.min(SCALE.members, start + BATCH));
  }
  memberProgress.done();
  // 5,000,000 events, usage days, completions and champions for these accounts and members.
  await seedScaleActivity();
}
