// The demo world: a vendor CS team and a dozen customer companies, Japanese and international.
export const DEMO_PASSWORD = "kizuna-demo-2026";

export const DEMO_STAFF = [
  { email: "admin@kizuna.example", name: "高橋 健", role: "admin", title: "CSオペレーション責任者", locale: "ja" },
  { email: "misaki.sato@kizuna.example", name: "佐藤 美咲", role: "cs", title: "カスタマーサクセスマネージャー", locale: "ja" },
  { email: "daniel.park@kizuna.example", name: "Daniel Park", role: "cs", title: "Customer Success Manager", locale: "en" },
  { email: "yuki.mori@kizuna.example", name: "森 由紀", role: "cs", title: "エンタープライズCS", locale: "ja" },
] as const;

type Persona = "practitioner" | "manager" | "executive";
type Level = "beginner" | "intermediate" | "advanced";
type DemoMember = { local: string; name: string; title: string; persona: Persona; level: Level; locale?: "ja" | "en" };

export type DemoAccount = {
  name: string;
  domain: string;
  plan: "starter" | "growth" | "enterprise";
  seats: number;
  arr: number;
  renewalInDays: number;
  stage: string;
  ownerEmail: string;
  members: DemoMember[];
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    name: "株式会社さくらコマース", domain: "sakura-commerce.example", plan: "enterprise", seats: 60, arr: 14_400_000,
    renewalInDays: 45, stage: "L07", ownerEmail: "misaki.sato@kizuna.example",
    members: [
      { local: "haruka.tanaka", name: "田中 遥", title: "マーケティング担当", persona: "practitioner", level: "advanced" },
      { local: "kenji.suzuki", name: "鈴木 健司", title: "マーケティング部長", persona: "manager", level: "intermediate" },
      { local: "aya.ito", name: "伊藤 彩", title: "デジタル推進室", persona: "practitioner", level: "beginner" },
      { local: "hiroshi.watanabe", name: "渡辺 博", title: "取締役 CMO", persona: "executive", level: "beginner" },
    ],
  },
  {
    name: "北斗ロジスティクス株式会社", domain: "hokuto-logi.example", plan: "growth", seats: 25, arr: 4_800_000,
    renewalInDays: 120, stage: "L05", ownerEmail: "misaki.sato@kizuna.example",
    members: [
      { local: "takuya.yamamoto", name: "山本 拓也", title: "営業企画", persona: "practitioner", level: "intermediate" },
      { local: "mai.nakamura", name: "中村 舞", title: "インサイドセールス", persona: "practitioner", level: "beginner" },
      { local: "shota.kobayashi", name: "小林 翔太", title: "営業推進課長", persona: "manager", level: "intermediate" },
    ],
  },
  {
    name: "株式会社ひかりソフトウェア", domain: "hikari-soft.example", plan: "growth", seats: 30, arr: 6_000_000,
    renewalInDays: 200, stage: "L04", ownerEmail: "yuki.mori@kizuna.example",
    members: [
      { local: "nana.kato", name: "加藤 奈々", title: "カスタマーマーケティング", persona: "practitioner", level: "beginner" },
      { local: "ryo.yoshida", name: "吉田 亮", title: "マーケティングマネージャー", persona: "manager", level: "advanced" },
    ],
  },
  {
    name: "東雲フーズ株式会社", domain: "shinonome-foods.example", plan: "starter", seats: 8, arr: 1_440_000,
    renewalInDays: 20, stage: "L02", ownerEmail: "misaki.sato@kizuna.example",
    members: [
      { local: "saki.yamada", name: "山田 咲", title: "EC運営", persona: "practitioner", level: "beginner" },
      { local: "kota.ogawa", name: "小川 航太", title: "店舗運営マネージャー", persona: "manager", level: "beginner" },
    ],
  },
  {
    name: "株式会社あおば教育", domain: "aoba-edu.example", plan: "growth", seats: 15, arr: 3_000_000,
    renewalInDays: 300, stage: "L03", ownerEmail: "yuki.mori@kizuna.example",
    members: [
      { local: "daiki.sasaki", name: "佐々木 大輝", title: "広報・マーケティング", persona: "practitioner", level: "intermediate" },
      { local: "emi.matsumoto", name: "松本 恵美", title: "事業部長", persona: "executive", level: "beginner" },
    ],
  },
  {
    name: "Northwind Analytics K.K.", domain: "northwind-analytics.example", plan: "enterprise", seats: 80, arr: 19_200_000,
    renewalInDays: 75, stage: "L09", ownerEmail: "daniel.park@kizuna.example",
    members: [
      { local: "emma.clarke", name: "Emma Clarke", title: "Marketing Operations Lead", persona: "practitioner", level: "advanced", locale: "en" },
      { local: "liam.oconnor", name: "Liam O'Connor", title: "VP Marketing", persona: "executive", level: "intermediate", locale: "en" },
      { local: "sora.inoue", name: "井上 空", title: "Demand Generation", persona: "practitioner", level: "intermediate" },
    ],
  },
  {
    name: "Bluefin Travel Japan", domain: "bluefin-travel.example", plan: "growth", seats: 20, arr: 4_200_000,
    renewalInDays: 160, stage: "L06", ownerEmail: "daniel.park@kizuna.example",
    members: [
      { local: "olivia.brown", name: "Olivia Brown", title: "CRM Manager", persona: "manager", level: "intermediate", locale: "en" },
      { local: "kaito.kimura", name: "木村 海斗", title: "Webマーケティング", persona: "practitioner", level: "beginner" },
    ],
  },
  {
    name: "合同会社つばめデザイン", domain: "tsubame-design.example", plan: "starter", seats: 5, arr: 900_000,
    renewalInDays: 10, stage: "L05", ownerEmail: "yuki.mori@kizuna.example",
    members: [
      { local: "yui.hayashi", name: "林 結衣", title: "代表", persona: "executive", level: "beginner" },
    ],
  },
  {
    name: "Kestrel Manufacturing Japan", domain: "kestrel-mfg.example", plan: "enterprise", seats: 45, arr: 10_800_000,
    renewalInDays: 240, stage: "L08", ownerEmail: "daniel.park@kizuna.example",
    members: [
      { local: "noah.wilson", name: "Noah Wilson", title: "Digital Marketing Manager", persona: "manager", level: "advanced", locale: "en" },
      { local: "rin.shimizu", name: "清水 凛", title: "展示会・イベント担当", persona: "practitioner", level: "intermediate" },
      { local: "takeshi.mori", name: "森 武", title: "営業本部長", persona: "executive", level: "beginner" },
    ],
  },
  {
    name: "株式会社やまびこ不動産", domain: "yamabiko-re.example", plan: "growth", seats: 12, arr: 2_400_000,
    renewalInDays: 90, stage: "L04", ownerEmail: "misaki.sato@kizuna.example",
    members: [
      { local: "kana.ishikawa", name: "石川 佳奈", title: "集客担当", persona: "practitioner", level: "beginner" },
    ],
  },
  {
    name: "Lumen Health Partners", domain: "lumen-health.example", plan: "growth", seats: 18, arr: 3_600_000,
    renewalInDays: 330, stage: "L01", ownerEmail: "daniel.park@kizuna.example",
    members: [
      { local: "grace.lee", name: "Grace Lee", title: "Marketing Specialist", persona: "practitioner", level: "beginner", locale: "en" },
    ],
  },
  {
    name: "株式会社いろは出版", domain: "iroha-pub.example", plan: "starter", seats: 10, arr: 1_800_000,
    renewalInDays: 150, stage: "L10", ownerEmail: "yuki.mori@kizuna.example",
    members: [
      { local: "shun.fujita", name: "藤田 駿", title: "販促企画", persona: "practitioner", level: "advanced" },
      { local: "mio.okada", name: "岡田 美緒", title: "編集部マネージャー", persona: "manager", level: "intermediate" },
    ],
  },
];

/** The sign-ins the setup command prints. */
export const DEMO_SIGN_INS = [
  { role: "admin", email: "admin@kizuna.example" },
  { role: "CS staff", email: "misaki.sato@kizuna.example" },
  { role: "member", email: "haruka.tanaka@sakura-commerce.example" },
];
