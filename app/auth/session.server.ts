// Who is asking. Every loader and action starts with one of these helpers.
import { redirect } from "@remix-run/node";
import type { Session, User } from "lucia";
import { roleSatisfies, type Role } from "~/users/roles";
import { lucia } from "./lucia.server";

export type SessionUser = User;

type AuthState = { user: SessionUser | null; session: Session | null; setCookie: string | null };

// A document request runs several loaders in parallel; they share one session lookup.
const perRequest = new WeakMap<Request, Promise<AuthState>>();

async function readAuth(request: Request): Promise<AuthState> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) {
    return { user: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  // lucia slid the expiry forward: the browser's cookie must follow.
  const setCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, session, setCookie };
}

export function getAuth(request: Request): Promise<AuthState> {
  let state = perRequest.get(request);
  if (!state) {
    state = readAuth(request);
    perRequest.set(request, state);
  }
  return state;
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await getAuth(request)).user;
}

function signInRedirect(request: Request) {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const target = back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`;
  return redirect(target);
}

/** The signed-in person, or a redirect to sign in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) throw signInRedirect(request);
  return user;
}

/** Signed in and at least `role` (member < cs < admin), else 403. */
export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roleSatisfies(user.role, role)) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

/** Pages like sign-in make no sense when already signed in. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getOptionalUser(request)) throw redirect("/");
}

export async function startSession(userId: string): Promise<string> {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const { session } = await getAuth(request);
  if (session) await lucia.invalidateSession(session.id);
  return lucia.createBlankSessionCookie().serialize();
}
