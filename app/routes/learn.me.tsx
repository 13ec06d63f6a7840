import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { loadMyLearning } from "~/content/pages.server";
import { ArticleFacts, ProgressBar } from "~/content/ui";
import { resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "My learning · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return loadMyLearning(user, await resolveLocale(request, user.locale));
}

export default function MyLearning() {
  const { completions, paths } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/learn">{t("learn.title")}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t("me.title")}</h1>
          <p className="lead">{t("me.lead")}</p>
        </div>
      </header>

      <section className="section" aria-labelledby="my-paths-title">
        <h2 id="my-paths-title">{t("me.paths")}</h2>
        <ul className="card-grid card-grid--wide">
          {paths.map((path) => (
            <li key={path.id} className="path-card card" lang={path.locale}>
              <h3 className="article-card__title">
                <Link to={path.href}>{path.title}</Link>
              </h3>
              <ProgressBar percent={path.progress.percent} label={t("path.progress", { done: path.progress.done, total: path.progress.total })} />
              {path.next ? (
                <Link to={path.next.href} className="button button--secondary button--small">
                  {path.progress.done === 0 ? t("path.start") : t("path.continueWith", { title: path.next.title })}
                </Link>
              ) : (
                <p className="completion__done">✓ {t("path.complete")}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section className="section" aria-labelledby="completed-title">
        <h2 id="completed-title">
          {t("me.completed")} <span className="muted">({t("me.completedCount", { count: completions.length })})</span>
        </h2>
        {completions.length ? (
          <ul className="completed-list">
            {completions.map((item) => (
              <li key={item.id} className="completed-list__item card" lang={item.locale}>
                <ArticleFacts article={item} />
                <Link to={item.href} className="completed-list__title">
                  {item.title}
                </Link>
                <p className="muted">
                  {t("me.completedAt", { date: formatDate(item.completedAt, locale) })}
                  {item.via === "video" ? ` · ${t("me.viaVideo")}` : ""}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">
            {t("me.none")} <Link to="/learn">{t("learn.paths")}</Link>
          </p>
        )}
      </section>
    </>
  );
}
