// Strings of the study-group discussion pages (merged into app/i18n/messages.ts).
export const discussionEn = {} as const;

export const discussionJa: Record<keyof typeof discussionEn, string> = {};
