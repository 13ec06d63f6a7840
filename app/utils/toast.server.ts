// Flash messages: an action redirects with a toast, the next page shows it once.
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { cookiesAreSecure, env } from "~/env.server";
import type { MessageKey } from "~/i18n/messages";

export type Toast = {
  type: "success" | "info" | "error";
  key: MessageKey;
  params?: Record<string, string | number>;
};

const toastStorage = createCookieSessionStorage({
  cookie: {
    name: "kizuna_toast",
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: cookiesAreSecure,
    secrets: [env.SESSION_SECRET],
  },
});

export async function toastHeader(toast: Toast): Promise<string> {
  const session = await toastStorage.getSession();
  session.flash("toast", toast);
  return toastStorage.commitSession(session);
}

export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastHeader(toast));
  return redirect(url, { ...init, headers });
}

/** Reads and clears the pending toast; the returned header must go out with the response. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await toastStorage.getSession(request.headers.get("Cookie"));
  const toast = (session.get("toast") as Toast | undefined) ?? null;
  return { toast, setCookie: toast ? await toastStorage.destroySession(session) : null };
}
