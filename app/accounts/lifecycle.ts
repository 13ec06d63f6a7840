// The customer lifecycle, split into explicit stages L01–L10 as in the source practice: each
// stage names a change in the customer's behaviour, and crossing a stage is a hand-off.
export const LIFECYCLE_STAGES = [
  { code: "L01", ja: "契約・キックオフ", en: "Signed & kickoff" },
  { code: "L02", ja: "初期設定", en: "Initial setup" },
  { code: "L03", ja: "データ連携", en: "Data integration" },
  { code: "L04", ja: "初回施策の実行", en: "First campaign live" },
  { code: "L05", ja: "定常運用", en: "Routine operation" },
  { code: "L06", ja: "活用拡大", en: "Broadening use" },
  { code: "L07", ja: "成果創出", en: "Producing results" },
  { code: "L08", ja: "更新準備", en: "Renewal preparation" },
  { code: "L09", ja: "拡張・アップセル", en: "Expansion" },
  { code: "L10", ja: "推奨・アドボカシー", en: "Advocacy" },
] as const;

export type LifecycleStageCode = (typeof LIFECYCLE_STAGES)[number]["code"];

export const LIFECYCLE_STAGE_CODES = LIFECYCLE_STAGES.map((s) => s.code) as [
  LifecycleStageCode,
  ...LifecycleStageCode[],
];

export function stageLabel(code: string, locale: "ja" | "en"): string {
  const stage = LIFECYCLE_STAGES.find((s) => s.code === code);
  return stage ? `${stage.code} ${stage[locale]}` : code;
}

export const PLANS = ["starter", "growth", "enterprise"] as const;
export type Plan = (typeof PLANS)[number];
