import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession } from "~/auth/session.server";
import { redirectWithToast } from "~/utils/toast.server";

// Signing out is a POST (from the header form); a GET just goes home so links cannot sign you out.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const cookie = await endSession(request);
  return redirectWithToast("/", { type: "info", key: "auth.signedOut" }, { headers: { "Set-Cookie": cookie } });
}
