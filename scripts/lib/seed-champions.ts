// The demo champion program: settings and criteria, the current champions (haruka and ryo) with
// public profiles and the nominations that made them, and nominations in every later state — one
// submitted, one in review (a renewal, with a review and an endorsement), one declined with its
// reason — so the review flow and the account watch have something to show. Looked up by nominee
// and cohort, so re-running adds nothing.
import { getProgram, listCriteria } from "~/champions/program.server";
import { nominate, endorse } from "~/champions/nominations.server";
import { decide, saveReview } from "~/champions/review.server";
import { takeEvidenceSnapshot } from "~/champions/evidence.server";
import { saveChampionProfile, type ChampionProfileInput } from "~/champions/directory.server";
import { refreshChampionWatch } from "~/champions/watch.server";
import { db } from "~/db.server";
import { DEMO_CHAMPIONS } from "./seed-learning";
import { withoutOutboxLog } from "./seed-qa";

const BASE_URL = "http://localhost:3000";

type Evidence = [community: string, results: string, mastery: string];

const PROFILES: Record<string, ChampionProfileInput> = {
  "haruka.tanaka@sakura-commerce.example": {
    listed: true,
    bio: "ECのマーケティングを担当しています。リードスコアの設計と、営業に使ってもらえるアラート作りが得意です。スコアリング実践分科会のリーダーをしています。気軽に声をかけてください。",
    topics: ["lead-scoring", "sales-alignment", "nurturing"],
    languages: ["ja"],
  },
  "ryo.yoshida@hikari-soft.example": {
    listed: true,
    bio: "ソフトウェア企業でマーケティングチームを率いています。活用状況の見える化と、経営層への報告の仕方を研究中。English is fine too.",
    topics: ["health-check", "measurement", "lead-scoring"],
    languages: ["ja", "en"],
  },
};

/** The nominations behind the seeded champions, for their history. */
const CHAMPION_EVIDENCE: Record<string, { nominator: string; evidence: Evidence }> = {
  "haruka.tanaka@sakura-commerce.example": {
    nominator: "misaki.sato@kizuna.example",
    evidence: [
      "スコアリング実践分科会を立ち上げ、6社が毎月参加しています。Q&Aでもスコアの減衰について丁寧に回答し、ベストアンサーに選ばれています。",
      "スコアの見直しで営業に渡すリードの商談化率が1.6倍になり、社内の事例発表でも紹介されました。",
      "上級コンテンツを修了し、減衰ルールとシナリオの分岐を組み合わせた独自の運用を設計しています。",
    ],
  },
  "ryo.yoshida@hikari-soft.example": {
    nominator: "yuki.mori@kizuna.example",
    evidence: [
      "ヘルスチェック研究会のリーダーとして、経営層向けの報告方法を参加企業と共有しています。",
      "メール経由の商談数を月次で経営会議に報告する仕組みを作り、マーケティング予算の増額につなげました。",
      "レポートとスコアリングの上級機能を使いこなし、他社の設定相談にも乗っています。",
    ],
  },
};

type DemoNomination = {
  nominee: string;
  nominator: string;
  evidence: Evidence;
  links?: string[];
  /** An earlier, expired term: the nomination is a renewal. */
  formerTerm?: boolean;
  endorsers?: string[];
  review?: { scores: [number, number, number]; comment: string };
  decline?: string;
};

const NOMINATIONS: DemoNomination[] = [
  {
    nominee: "emma.clarke@northwind-analytics.example",
    nominator: "daniel.park@kizuna.example",
    formerTerm: true,
    evidence: [
      "Answers English-speaking customers' questions on imports and reporting within a day; two of her answers were accepted this quarter.",
      "Rebuilt Northwind's monthly funnel report; leadership now reviews pipeline from it every month.",
      "Uses progressive profiling and the duplicate check together; completed the advanced track.",
    ],
    links: ["https://kizuna.example/questions"],
    endorsers: ["misaki.sato@kizuna.example"],
    review: { scores: [4, 4, 5], comment: "Strong renewal case. I would like one more concrete business number before approving." },
  },
  {
    nominee: "noah.wilson@kestrel-mfg.example",
    nominator: "daniel.park@kizuna.example",
    evidence: [
      "Shared Kestrel's trade-show import routine in Q&A; other manufacturers copied it.",
      "Cut duplicate leads after events from 18 % to 3 %.",
      "Runs imports, matching rules and duplicate checks himself without support tickets.",
    ],
  },
  {
    nominee: "daiki.sasaki@aoba-edu.example",
    nominator: "yuki.mori@kizuna.example",
    evidence: [
      "ウェビナー参加ログを使ったシナリオの作り方をQ&Aで紹介しています。",
      "ウェビナー後のフォローを自動化し、個別相談の申し込みが増えました。",
      "シナリオの分岐条件を使いこなしています。",
    ],
    review: { scores: [3, 2, 3], comment: "活動は増えているが、成果の裏付けはこれから。" },
    decline: "Q&Aでの発信は増えていますが、事業成果を示す数字がまだ少ないため今回は見送ります。来年の年期で改めて推薦をお待ちしています。",
  },
];

async function personId(email: string) {
  return (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function actor(email: string) {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, accountId: true, name: true } });
}

async function evidenceInput(texts: Evidence, links: string[] = []) {
  const criteria = await listCriteria();
  return Object.fromEntries(criteria.map((c, i) => [c.id, { text: texts[i] ?? texts[0], links }]));
}

export async function seedChampions(now = new Date()) {
  await withoutOutboxLog(async () => {
    const program = await getProgram(now);
    const cohort = program.cohortYear;
    const admin = await actor("admin@kizuna.example");
    const criteria = await listCriteria();

    // The champions seeded with the learning history: their approved nominations and profiles.
    for (const email of DEMO_CHAMPIONS) {
      const userId = await personId(email);
      const seeded = CHAMPION_EVIDENCE[email]!;
      const term = await db.championTerm.findUnique({ where: { userId_cohort: { userId, cohort } }, select: { id: true, startsAt: true } });
      const exists = await db.championNomination.findUnique({ where: { nomineeId_cohort: { nomineeId: userId, cohort } }, select: { id: true } });
      if (term && !exists) {
        const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { accountId: true } });
        await db.championNomination.create({
          data: {
            nomineeId: userId,
            nominatorId: await personId(seeded.nominator),
            accountId: user.accountId,
            cohort,
            state: "approved",
            snapshot: JSON.stringify(await takeEvidenceSnapshot(userId, { now: term.startsAt })),
            createdAt: new Date(term.startsAt.getTime() - 30 * 24 * 3_600_000),
            reviewStartedAt: new Date(term.startsAt.getTime() - 20 * 24 * 3_600_000),
            decidedAt: term.startsAt,
            decidedById: admin.id,
            decisionReason: "審査委員の全員一致で承認",
            termId: term.id,
            evidence: { create: criteria.map((c, i) => ({ criterionId: c.id, text: seeded.evidence[i] ?? seeded.evidence[0] })) },
          },
        });
      }
      const profile = await db.championProfile.findUnique({ where: { userId }, select: { userId: true } });
      if (!profile) await saveChampionProfile(userId, PROFILES[email]!);
    }
    // Haruka has been a champion before: "2-time champion".
    const haruka = await personId(DEMO_CHAMPIONS[0]!);
    await db.championTerm.upsert({
      where: { userId_cohort: { userId: haruka, cohort: cohort - 1 } },
      create: { userId: haruka, cohort: cohort - 1, startsAt: new Date(Date.UTC(cohort - 1, 0, 1)), endsAt: new Date(Date.UTC(cohort, 0, 1)) },
      update: {},
    });

    let created = 0;
    for (const spec of NOMINATIONS) {
      const nomineeId = await personId(spec.nominee);
      if (spec.formerTerm) {
        await db.championTerm.upsert({
          where: { userId_cohort: { userId: nomineeId, cohort: cohort - 1 } },
          create: { userId: nomineeId, cohort: cohort - 1, startsAt: new Date(Date.UTC(cohort - 1, 0, 1)), endsAt: new Date(Date.UTC(cohort, 0, 1)) },
          update: {},
        });
      }
      if (await db.championNomination.findUnique({ where: { nomineeId_cohort: { nomineeId, cohort } }, select: { id: true } })) continue;
      const result = await nominate(await actor(spec.nominator), { nomineeId, evidence: await evidenceInput(spec.evidence, spec.links) }, { now });
      // A closed window (an admin's choice) leaves the demo without new nominations; nothing else should stop them.
      if (!result.ok) {
        if (result.error === "closed") continue;
        throw new Error(`seed nomination of ${spec.nominee}: ${result.error}`);
      }
      created++;
      for (const email of spec.endorsers ?? []) await endorse(await actor(email), result.nominationId, "");
      if (spec.review) {
        const scores = Object.fromEntries(criteria.map((c, i) => [c.id, spec.review!.scores[i] ?? 3]));
        const saved = await saveReview(admin, result.nominationId, { scores, comment: spec.review.comment }, now);
        if (saved !== "ok") throw new Error(`seed review of ${spec.nominee}: ${saved}`);
      }
      if (spec.decline) {
        const decided = await decide(admin, result.nominationId, { decision: "decline", reason: spec.decline }, BASE_URL, now);
        if (decided !== "ok") throw new Error(`seed decision on ${spec.nominee}: ${decided}`);
      }
    }

    const watch = await refreshChampionWatch(undefined, now);
    console.log(`Champions: cohort ${cohort}, ${created} nominations created; watch: ${watch.open} open across ${watch.accounts} accounts.`);
  });
}
