import { PrismaAdapter } from "@lucia-auth/adapter-prisma";
import { Lucia, TimeSpan } from "lucia";
import { db } from "~/db.server";
import { cookiesAreSecure } from "~/env.server";
import type { Locale } from "~/i18n/locales";
import type { Level, Role } from "~/users/roles";

export const SESSION_COOKIE_NAME = "kizuna_session";

// Sessions last 30 days and slide: lucia extends any session past half its life on validation.
export const lucia = new Lucia(new PrismaAdapter(db.session, db.user), {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: SESSION_COOKIE_NAME,
    attributes: { secure: cookiesAreSecure, sameSite: "lax" },
  },
  getUserAttributes: (row) => ({
    email: row.email,
    name: row.name,
    role: row.role as Role,
    accountId: row.accountId,
    locale: row.locale as Locale,
    timeZone: row.timeZone,
    level: row.level as Level,
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      role: string;
      accountId: string | null;
      locale: string;
      timeZone: string;
      level: string;
    };
  }
}
