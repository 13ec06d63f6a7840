// Strings of the study-group pages (merged into app/i18n/messages.ts).
export const groupsEn = {
  "nav.groups": "Study groups",
} as const;

export const groupsJa: Record<keyof typeof groupsEn, string> = {
  "nav.groups": "分科会",
};
