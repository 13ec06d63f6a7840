// Demo study groups: running, full, request-only, proposed and English-speaking ones, with
// meetings, attendance and a little discussion. Looked up by name, so re-running adds nothing.
import { db } from "~/db.server";
import { createGroupAsStaff, decideProposal, proposeGroup, type GroupInput } from "~/groups/groups.server";
import { createPost } from "~/groups/discussion.server";
import { joinGroup } from "~/groups/membership.server";
import { takeAttendance } from "~/groups/meetings.server";
import { renderMarkdown } from "~/markdown/markdown.server";

const DAY_MS = 24 * 60 * 60 * 1000;

type DemoGroup = GroupInput & {
  liaison: string;
  leader: string;
  members: string[];
  /** Proposed by the leader and left waiting for a staff decision. */
  proposedOnly?: boolean;
  meetings?: Array<{ title: string; inDays: number; hour: number; online?: boolean; agenda: string; attended?: string[] }>;
  posts?: Array<{ author: string; body: string }>;
};

const GROUPS: DemoGroup[] = [
  {
    name: "スコアリング実践分科会",
    challenge: "スコアを作ったのに営業が使ってくれない",
    description:
      "リードスコアの設計と営業へのアラートを、各社の実例を持ち寄って改善する分科会です。\n\n- 月1回、オンラインで60分\n- 毎回1社が自社のスコア設計を共有します\n- 中級以上の方向け（スコアを一度作ったことがある方）",
    level: "intermediate",
    topics: ["lead-scoring", "sales-alignment"],
    capacityPeople: 12,
    capacityCompanies: 6,
    visibility: "open",
    liaison: "misaki.sato@kizuna.example",
    leader: "haruka.tanaka@sakura-commerce.example",
    members: ["takuya.yamamoto@hokuto-logi.example", "ryo.yoshida@hikari-soft.example"],
    meetings: [
      { title: "第3回：営業アラートの文面を見せ合う", inDays: -14, hour: 19, online: true, agenda: "1. 各社のアラート文面の共有（各5分）\n2. 営業からの反応\n3. 次回までの宿題", attended: ["haruka.tanaka@sakura-commerce.example", "takuya.yamamoto@hokuto-logi.example"] },
      { title: "第4回：受注データでスコアを検証する", inDays: 10, hour: 19, online: true, agenda: "1. 北斗ロジスティクスさんの検証事例\n2. 自社データでやってみる\n3. 質疑" },
    ],
    posts: [
      { author: "takuya.yamamoto@hokuto-logi.example", body: "前回話に出た**減衰ルール**、うちは30日で半減にしました。営業からの「古いリードが来る」という声が減りました。" },
      { author: "haruka.tanaka@sakura-commerce.example", body: "ありがとうございます！次回、その前後の数字を少し見せてもらえると嬉しいです。" },
    ],
  },
  {
    name: "ヘルスチェック研究会",
    challenge: "自社の活用度を数字で説明できるようにしたい",
    description: "活用状況の見える化と、経営層への報告の仕方を研究する上級者向けの分科会です。参加は承認制です。",
    level: "advanced",
    topics: ["health-check", "measurement"],
    capacityPeople: 8,
    capacityCompanies: 5,
    visibility: "request",
    liaison: "yuki.mori@kizuna.example",
    leader: "ryo.yoshida@hikari-soft.example",
    members: ["nana.kato@hikari-soft.example"],
    posts: [
      { author: "ryo.yoshida@hikari-soft.example", body: "最初のテーマは「アクティビティとアウトカムの区別」にしましょう。各社、経営会議で使っている指標を1つ持ってきてください。" },
      { author: "nana.kato@hikari-soft.example", body: "了解です。うちはメール経由の商談化数を出しています。" },
    ],
  },
  {
    name: "データ整備もくもく会",
    challenge: "重複リードと表記ゆれを一緒に片づける",
    description: "それぞれが自社のデータ整備を進める、もくもく作業会です。少人数制です。",
    level: "beginner",
    topics: ["data-quality"],
    capacityPeople: 2,
    capacityCompanies: 2,
    visibility: "open",
    liaison: "misaki.sato@kizuna.example",
    leader: "mai.nakamura@hokuto-logi.example",
    members: ["saki.yamada@shinonome-foods.example"],
  },
  {
    name: "はじめてのHibiki分科会",
    challenge: "導入したばかりで、何から手を付ければいいかわからない",
    description: "導入1年目の担当者同士で、最初の小さな成功を目指します。初級者だけの安心できる場です。",
    level: "beginner",
    topics: ["onboarding", "email"],
    capacityPeople: 10,
    capacityCompanies: 6,
    visibility: "open",
    liaison: "misaki.sato@kizuna.example",
    leader: "daiki.sasaki@aoba-edu.example",
    members: ["kaito.kimura@bluefin-travel.example", "rin.shimizu@kestrel-mfg.example"],
    meetings: [{ title: "キックオフ：自己紹介と最初の目標", inDays: 5, hour: 12, online: true, agenda: "- 自己紹介\n- 30日後の目標を1つ決める" }],
  },
  {
    name: "Marketing Ops Circle",
    challenge: "Running Hibiki with a small team in English",
    description: "An English-speaking group for marketing operations people in Japan-based international teams.",
    level: "intermediate",
    topics: ["customer-success", "nurturing"],
    capacityPeople: 10,
    capacityCompanies: 5,
    visibility: "open",
    liaison: "daniel.park@kizuna.example",
    leader: "emma.clarke@northwind-analytics.example",
    members: ["olivia.brown@bluefin-travel.example", "noah.wilson@kestrel-mfg.example"],
  },
  {
    name: "ウェビナー運営分科会",
    challenge: "ウェビナーの集客と、参加後のフォローを仕組みにしたい",
    description: "ウェビナーの企画・集客・フォローメールまでを各社で比べる分科会を提案します。",
    level: "intermediate",
    topics: ["email", "nurturing"],
    capacityPeople: 10,
    capacityCompanies: 6,
    visibility: "open",
    liaison: "misaki.sato@kizuna.example",
    leader: "kana.ishikawa@yamabiko-re.example",
    members: [],
    proposedOnly: true,
  },
];

async function person(email: string) {
  return db.user.findUniqueOrThrow({ where: { email }, select: { id: true, accountId: true, role: true } });
}

export async function seedGroups(now = new Date()) {
  let created = 0;
  for (const spec of GROUPS) {
    if (await db.studyGroup.findFirst({ where: { name: spec.name }, select: { id: true } })) continue;
    const liaison = await person(spec.liaison);
    const leader = await person(spec.leader);
    const groupId = (await proposeGroup(leader, spec)).id;
    created++;
    if (spec.proposedOnly) continue;
    await decideProposal(liaison, groupId, true, "");
    // Seeded members are already in, also in groups that take requests (as if a leader approved them).
    for (const email of spec.members) await joinGroup(groupId, await person(email), { approved: true, now: new Date(now.getTime() - 30 * DAY_MS) });
    for (const meeting of spec.meetings ?? []) {
      const start = new Date(now.getTime() + meeting.inDays * DAY_MS);
      start.setUTCHours(meeting.hour - 9, 0, 0, 0); // the hour in Japan time
      const row = await db.groupMeeting.create({
        data: {
          groupId,
          title: meeting.title,
          startsAt: start,
          endsAt: new Date(start.getTime() + 60 * 60 * 1000),
          onlineUrl: meeting.online ? `https://meet.kizuna.example/${groupId.slice(-8)}` : "",
          location: meeting.online ? "" : "東京都千代田区（会議室）",
          agenda: meeting.agenda,
          agendaHtml: renderMarkdown(meeting.agenda),
          createdById: leader.id,
        },
      });
      if (meeting.attended) {
        // Through the app's own rule, so the engagement events match what a leader's form records.
        const attendees = await Promise.all(meeting.attended.map(async (email) => (await person(email)).id));
        await takeAttendance(groupId, row.id, leader, attendees, new Date(start.getTime() + 2 * 60 * 60 * 1000));
      }
    }
    let minutesAgo = 60 * 24 * 3;
    for (const post of spec.posts ?? []) {
      const author = await person(post.author);
      await createPost({ id: groupId, state: "active" }, { ...author, canModerate: false }, { body: post.body }, new Date(now.getTime() - minutesAgo * 60_000));
      minutesAgo -= 90;
    }
  }
  console.log(`Study groups: ${created} created, ${GROUPS.length - created} already there.`);
}
