// Names of the preference checkboxes on the profile page, shared by the form and its schema.
import type { NotificationType } from "./types";

/** "<type>.inApp" and "<type>.email"; a ticked box sends "on", an unticked one nothing. */
export function preferenceField(type: NotificationType, channel: "inApp" | "email"): string {
  return `${type}.${channel}`;
}
