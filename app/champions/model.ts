// Shapes and constants of the champion program, shared by the server code, the forms and the pages.
import type { Locale } from "~/i18n/locales";

export const NOMINATION_STATES = ["submitted", "in_review", "approved", "declined"] as const;
export type NominationState = (typeof NOMINATION_STATES)[number];

/** Nominations still waiting for a decision. */
export const OPEN_STATES: readonly NominationState[] = ["submitted", "in_review"];

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const RUBRIC_LEVELS = SCORE_MAX - SCORE_MIN + 1;

/** Days without any engagement after which an account's only champion counts as inactive. */
export const INACTIVE_AFTER_DAYS = 30;

export const WATCH_CONDITIONS = ["champion_inactive", "champion_left"] as const;
export type WatchCondition = (typeof WATCH_CONDITIONS)[number];
export const LEFT_REASONS = ["expired", "revoked", "moved", "removed"] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];

export const CHAMPION_LANGUAGES = ["ja", "en"] as const;

export const LIMITS = {
  evidenceMax: 2_000,
  linksMax: 5,
  linkMax: 500,
  commentMax: 2_000,
  reasonMax: 1_000,
  endorsementMax: 500,
  bioMax: 1_000,
  topicsMax: 5,
  criterionNameMax: 80,
  criterionDescriptionMax: 500,
  rubricLevelMax: 200,
  criteriaMax: 8,
  termMonthsMin: 1,
  termMonthsMax: 36,
  cohortMin: 2000,
  cohortMax: 2100,
} as const;

export type Criterion = {
  id: string;
  position: number;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  /** Five level descriptions, score 1 first. */
  rubricJa: string[];
  rubricEn: string[];
  retired: boolean;
};

/** A criterion in the reader's language. */
export function localizeCriterion(criterion: Criterion, locale: Locale) {
  return {
    id: criterion.id,
    name: locale === "ja" ? criterion.nameJa : criterion.nameEn,
    description: locale === "ja" ? criterion.descriptionJa : criterion.descriptionEn,
    rubric: locale === "ja" ? criterion.rubricJa : criterion.rubricEn,
    retired: criterion.retired,
  };
}

export type LocalizedCriterion = ReturnType<typeof localizeCriterion>;

/** The criteria a fresh program starts with: influence on others, results, and product mastery. */
export const DEFAULT_CRITERIA: Array<Omit<Criterion, "id" | "retired">> = [
  {
    position: 1,
    nameJa: "コミュニティへの貢献と影響力",
    nameEn: "Community contribution and influence",
    descriptionJa: "Q&Aでの回答、分科会の運営や発表などを通じて、ほかのユーザーの成功を後押ししている。",
    descriptionEn: "Helps other customers succeed: answers questions, runs or presents at study groups, shares what works.",
    rubricJa: [
      "コミュニティでの活動はまだほとんどない",
      "ときどき質問に答えたり、分科会に参加したりしている",
      "定期的に回答や発表をしており、頼りにされ始めている",
      "回答がよく採用され、分科会を運営するなど周囲を引っ張っている",
      "多くのユーザーが手本にしており、コミュニティ全体の水準を引き上げている",
    ],
    rubricEn: [
      "Hardly active in the community yet",
      "Answers a question or joins a study group now and then",
      "Answers or presents regularly; others start to rely on them",
      "Answers are often accepted; leads a study group or similar",
      "A role model many customers follow; raises the whole community's level",
    ],
  },
  {
    position: 2,
    nameJa: "ビジネス成果",
    nameEn: "Business results",
    descriptionJa: "製品を使った取り組みで、自社の事業に測定できる成果を出している。",
    descriptionEn: "Has achieved measurable results for their own business with the product.",
    rubricJa: [
      "成果はまだ見えていない",
      "小さな改善が見え始めている",
      "施策の効果を数字で示せる",
      "事業目標に明確に貢献する成果を出している",
      "社内外に紹介できる事例になるほどの大きな成果を出している",
    ],
    rubricEn: [
      "No visible results yet",
      "First small improvements are showing",
      "Can show the effect of their programs in numbers",
      "Clearly contributes to business goals",
      "Results big enough to become a public case study",
    ],
  },
  {
    position: 3,
    nameJa: "製品の習熟",
    nameEn: "Product mastery",
    descriptionJa: "基本から応用まで製品を使いこなし、学習コンテンツも上級まで進めている。",
    descriptionEn: "Uses the product from basics to advanced features and has progressed through the advanced learning track.",
    rubricJa: [
      "基本機能を学んでいるところ",
      "基本機能を自分で使いこなせる",
      "応用機能も業務で使っている",
      "上級の機能を組み合わせて独自の施策を設計できる",
      "製品の可能性を広げる使い方をほかのユーザーに教えられる",
    ],
    rubricEn: [
      "Still learning the basics",
      "Uses the basic features on their own",
      "Uses advanced features in daily work",
      "Combines advanced features to design their own programs",
      "Teaches others uses that stretch what the product can do",
    ],
  },
];

export function nominationHref(id: string): string {
  return `/champions/nominations/${id}`;
}

export function championHref(userId: string): string {
  return `/champions/${userId}`;
}
