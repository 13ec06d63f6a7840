// The notifications Kizuna sends, with their defaults, the channels a person can choose from and
// who sees the choice. Messages live in app/notifications/messages.ts.
type Channel = "inApp" | "email";
type TypeSpec = { inApp: boolean; email: boolean; channels: readonly Channel[]; audience: "everyone" | "staff" };

export const NOTIFICATION_TYPES = {
  "qa.answered": { inApp: true, email: true, channels: ["inApp", "email"], audience: "everyone" },
  "qa.accepted": { inApp: true, email: true, channels: ["inApp", "email"], audience: "everyone" },
  "champion.approved": { inApp: true, email: true, channels: ["inApp", "email"], audience: "everyone" },
  "champion.declined": { inApp: true, email: true, channels: ["inApp", "email"], audience: "everyone" },
  "champion.welcome": { inApp: true, email: true, channels: ["inApp", "email"], audience: "everyone" },
  "group.meeting_scheduled": { inApp: true, email: true, channels: ["inApp", "email"], audience: "everyone" },
  "group.recommended": { inApp: true, email: true, channels: ["inApp", "email"], audience: "everyone" },
  /** Alerts about the accounts a CS person owns; the alerts inbox is in the CS workspace, so email only. */
  "cs.alert": { inApp: false, email: true, channels: ["email"], audience: "staff" },
  /** One email a day summing up unread notifications, new questions and upcoming meetings; opt-in. */
  "digest.daily": { inApp: false, email: false, channels: ["email"], audience: "everyone" },
} as const satisfies Record<string, TypeSpec>;

export type NotificationType = keyof typeof NOTIFICATION_TYPES;

export function isNotificationType(value: string): value is NotificationType {
  return value in NOTIFICATION_TYPES;
}

/** The types whose choices a person with `role` sees on their profile. */
export function typesFor(role: string): NotificationType[] {
  const staff = role === "cs" || role === "admin";
  return (Object.keys(NOTIFICATION_TYPES) as NotificationType[]).filter((type) => staff || NOTIFICATION_TYPES[type].audience === "everyone");
}

export function offersChannel(type: NotificationType, channel: Channel): boolean {
  return (NOTIFICATION_TYPES[type].channels as readonly Channel[]).includes(channel);
}
