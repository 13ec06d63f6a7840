// One line per group loader/action: who is asking, which group, and what they may do.
import { getOptionalUser, requireUser, type SessionUser } from "~/auth/session.server";
import { loadGroupForViewer, type LoadedGroup } from "./groups.server";

function notFound() {
  return new Response("Group not found", { status: 404, statusText: "Not Found" });
}

/** The group for whoever is asking (visitors included); 404 when it does not exist for them. */
export async function requireGroup(request: Request, groupId: string | undefined): Promise<LoadedGroup & { user: SessionUser | null }> {
  const user = await getOptionalUser(request);
  const loaded = groupId ? await loadGroupForViewer(groupId, user) : null;
  if (!loaded) throw notFound();
  return { ...loaded, user };
}

/** Signed in and allowed inside the group (member or staff), else sign-in redirect or 403. */
export async function requireGroupInsider(request: Request, groupId: string | undefined) {
  const user = await requireUser(request);
  const loaded = groupId ? await loadGroupForViewer(groupId, user) : null;
  if (!loaded) throw notFound();
  if (!loaded.permissions.canSeeInside) throw new Response("Members only", { status: 403, statusText: "Forbidden" });
  return { ...loaded, user };
}

/** Signed in as a leader of the group or staff, else 403. */
export async function requireGroupManager(request: Request, groupId: string | undefined) {
  const loaded = await requireGroupInsider(request, groupId);
  if (!loaded.permissions.canManage) throw new Response("Leaders and staff only", { status: 403, statusText: "Forbidden" });
  return loaded;
}
