import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/messages";
import { isStaff } from "~/users/roles";

export const meta: MetaFunction = () => [
  { title: "Kizuna" },
  { name: "description", content: "Customer community and enablement portal" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (!user) return { viewer: null };
  const account = user.accountId
    ? await db.account.findUnique({ where: { id: user.accountId }, select: { name: true } })
    : null;
  return { viewer: { name: user.name, staff: isStaff(user.role), accountName: account?.name ?? null } };
}

// Pillars link to their area once it exists.
const PILLARS: Array<{ title: MessageKey; body: MessageKey; icon: string; to?: string }> = [
  { title: "home.pillar.learn.title", body: "home.pillar.learn.body", icon: "学", to: "/learn" },
  { title: "home.pillar.groups.title", body: "home.pillar.groups.body", icon: "会", to: "/groups" },
  { title: "home.pillar.qa.title", body: "home.pillar.qa.body", icon: "問", to: "/questions" },
  { title: "home.pillar.champions.title", body: "home.pillar.champions.body", icon: "賞", to: "/champions" },
];

export default function Home() {
  const { viewer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      {viewer ? (
        <section className="welcome card" aria-labelledby="welcome-title">
          <h1 id="welcome-title">{t("home.welcome", { name: viewer.name })}</h1>
          {viewer.staff ? (
            <>
              <p>{t("home.staffIntro")}</p>
              <Link to="/workspace" className="button button--primary">
                {t("home.openWorkspace")}
              </Link>
            </>
          ) : (
            <>
              <p>{viewer.accountName ? t("home.memberOf", { account: viewer.accountName }) : t("home.noAccount")}</p>
              <Link to="/profile" className="button button--secondary">
                {t("home.editProfile")}
              </Link>
            </>
          )}
        </section>
      ) : (
        <section className="hero" aria-labelledby="hero-title">
          <p className="hero__eyebrow">{t("app.tagline")}</p>
          <h1 id="hero-title">{t("home.hero.title")}</h1>
          <p className="hero__body">{t("home.hero.body")}</p>
          <div className="hero__actions">
            <Link to="/signup" className="button button--primary button--large">
              {t("home.hero.cta")}
            </Link>
            <Link to="/login" className="button button--secondary button--large">
              {t("home.hero.signIn")}
            </Link>
          </div>
        </section>
      )}
      <ul className="pillars">
        {PILLARS.map((pillar) => (
          <li key={pillar.title} className="pillar card">
            <span className="pillar__icon" aria-hidden="true">
              {pillar.icon}
            </span>
            <h2>{pillar.to ? <Link to={pillar.to}>{t(pillar.title)}</Link> : t(pillar.title)}</h2>
            <p>{t(pillar.body)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
