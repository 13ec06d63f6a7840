import { createCookie } from "@remix-run/node";
import { cookiesAreSecure } from "~/env.server";
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from "./locales";
import { translator } from "./messages";

/** Remembers a visitor's language choice; signed-in people keep theirs on their profile. */
export const localeCookie = createCookie("kizuna_locale", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: cookiesAreSecure,
  maxAge: 60 * 60 * 24 * 365,
});

/** The person's own setting first, then an explicit choice made while signed out, then the browser. */
export async function resolveLocale(request: Request, userLocale?: string | null): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}

export async function getTranslator(request: Request, userLocale?: string | null) {
  const locale = await resolveLocale(request, userLocale);
  return { locale, t: translator(locale) };
}
