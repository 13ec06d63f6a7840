// Q&A vocabulary and limits shared by server and UI.
export const QUESTION_STATES = ["open", "answered", "locked", "hidden"] as const;
export type QuestionState = (typeof QUESTION_STATES)[number];

export const LIMITS = {
  titleMin: 8,
  titleMax: 150,
  bodyMax: 20_000,
  answerMax: 20_000,
  tagsMax: 5,
  tagMax: 30,
  reportReasonMax: 500,
} as const;

export const QUESTION_LISTS = ["newest", "unanswered", "mine"] as const;
export type QuestionList = (typeof QUESTION_LISTS)[number];

export const PAGE_SIZE = 20;

export function questionHref(id: string): string {
  return `/questions/${id}`;
}

/** Tags are compared lower-cased with spaces collapsed; Japanese stays as written. */
export function normaliseTag(raw: string): string {
  return raw.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "-");
}
