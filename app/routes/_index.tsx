import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/messages";
import { isStaff } from "~/users/roles";
import { myRecommendations } from "~/workspace/recommendations.server";

export const meta: MetaFunction = () => [
  { title: "Kizuna" },
  { name: "description", content: "Customer community and enablement portal" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (!user) return { viewer: null, recommendations: [] };
  const account = user.accountId
    ? await db.account.findUnique({ where: { id: user.accountId }, select: { name: true } })
    : null;
  const recommendations = isStaff(user.role) ? [] : await myRecommendations(user, await resolveLocale(request, user.locale));
  return { viewer: { name: user.name, staff: isStaff(user.role), accountName: account?.name ?? null }, recommendations };
}

// Pillars link to their area once it exists.
const PILLARS: Array<{ title: MessageKey; body: MessageKey; icon: string; to?: string }> = [
  { title: "home.pillar.learn.title", body: "home.pillar.learn.body", icon: "学", to: "/learn" },
  { title: "home.pillar.groups.title", body: "home.pillar.groups.body", icon: "会", to: "/groups" },
  { title: "home.pillar.qa.title", body: "home.pillar.qa.body", icon: "問", to: "/questions" },
  { title: "home.pillar.champions.title", body: "home.pillar.champions.body", icon: "賞", to: "/champions" },
];

export default function Home() {
  const { viewer, recommendations } = useLoaderData<typeof loader>();
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
      {recommendations.length ? (
        <section className="card welcome" aria-labelledby="recommended-title" data-testid="cs-recommendations">
          <h2 id="recommended-title">{t("workspace.home.recommendations")}</h2>
          <ul className="plain-list stack">
            {recommendations.map((rec) => (
              <li key={rec.id} lang={rec.article.locale}>
                <strong>{rec.article.title}</strong>
                <p className="muted">{rec.article.summary}</p>
                {rec.note ? <p>“{rec.note}”</p> : null}
                <p className="muted">{t("workspace.home.recommendedBy", { name: rec.by ?? "CS" })}</p>
                <Form method="post" action={`/recommendations/${rec.id}`} className="toolbar">
                  <button type="submit" name="intent" value="open" className="button button--primary button--small" aria-label={`${t("workspace.home.read")}: ${rec.article.title}`}>
                    {t("workspace.home.read")}
                  </button>
                  <button type="submit" name="intent" value="dismiss" className="button button--ghost button--small" aria-label={`${t("workspace.home.dismiss")}: ${rec.article.title}`}>
                    {t("workspace.home.dismiss")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
