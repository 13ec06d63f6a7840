// Engagement event names written by study groups (see app/engagement/events.ts for the catalogue).
export const GROUP_EVENT = {
  joined: "group.joined",
  left: "group.left",
  rsvp: "group.rsvp",
  attended: "group.attended",
  posted: "group.posted",
  ledMeeting: "group.meeting_led",
} as const;
