// Who may use the CS workspace. The rule, in one place:
//
//   * Every workspace URL — pages, CSV exports and form posts — is for staff only. A visitor is
//     sent to sign in (and comes back afterwards); a signed-in member gets 403.
//   * Staff means CS staff and admins. Any of them can open every account and every member,
//     whoever owns the account: CSMs cover for each other, and hand-offs between lifecycle stages
//     move accounts between owners. "My accounts" is a filter, not a permission.
//   * Any staff person can write notes and send content or group recommendations on any
//     account. Recommendations only ever go to members of that account.
//   * Staff notes are read only through app/workspace/notes.server.ts, whose functions refuse
//     anyone who is not staff; no member-facing loader imports it.
import { requireRole, type SessionUser } from "~/auth/session.server";
import { isStaff } from "~/users/roles";

/** First line of every workspace loader and action. */
export function requireWorkspaceStaff(request: Request): Promise<SessionUser> {
  return requireRole(request, "cs");
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/** For domain functions called with a person rather than a request. */
export function assertStaff(person: { role: string }): void {
  if (!isStaff(person.role)) throw forbidden();
}
