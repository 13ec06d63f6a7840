// Strings of the study-group meetings pages (merged into app/i18n/messages.ts).
export const meetingsEn = {} as const;

export const meetingsJa: Record<keyof typeof meetingsEn, string> = {};
