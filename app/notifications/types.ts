// The notifications Kizuna sends, with their defaults. Messages live in app/notifications/messages.ts.
export const NOTIFICATION_TYPES = {
  "qa.answered": { inApp: true, email: true },
  "qa.accepted": { inApp: true, email: true },
  "champion.approved": { inApp: true, email: true },
  "champion.declined": { inApp: true, email: true },
  "champion.welcome": { inApp: true, email: true },
} as const;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;

export function isNotificationType(value: string): value is NotificationType {
  return value in NOTIFICATION_TYPES;
}
