import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getOptionalUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { localeCookie } from "~/i18n/i18n.server";
import { isLocale } from "~/i18n/locales";
import { safeRedirect } from "~/utils/safe-redirect";
import { readFormData } from "~/utils/validation.server";

export async function loader() {
  return redirect("/");
}

/** Switches the interface language: saved on the profile when signed in, in a cookie otherwise. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getOptionalUser(request);
  const formData = await readFormData(request);
  const locale = formData.get("locale");
  if (!isLocale(locale)) throw new Response("Unsupported language", { status: 400 });
  if (user) await db.user.update({ where: { id: user.id }, data: { locale } });
  return redirect(safeRedirect(formData.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
