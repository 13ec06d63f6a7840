import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/session.server";
import { loadPath } from "~/content/pages.server";
import { ArticleFacts, ProgressBar, TierBadge } from "~/content/ui";
import { resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} · Kizuna` : "Kizuna" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  return loadPath(user, params, await resolveLocale(request, user?.locale));
}

export default function PathPage() {
  const path = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { progress } = path;
  return (
    <div lang={path.locale}>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/learn">{t("learn.title")}</Link> / {t("path.label")}
      </nav>
      <header className="page-header path-header card">
        <div>
          <p className="article-facts">
            <span className="badge badge--path">{t("path.label")}</span>
            <TierBadge tier={path.tier} />
          </p>
          <h1>{path.title}</h1>
          <p className="lead">{path.description}</p>
          {path.translations.map((translation) => (
            <Link key={translation.locale} to={translation.href} hrefLang={translation.locale} lang={translation.locale}>
              {t("article.readIn", { language: t(`language.${translation.locale}`) })}
            </Link>
          ))}
          {path.signedIn ? (
            <>
              <ProgressBar percent={progress.percent} label={t("path.progress", { done: progress.done, total: progress.total })} />
              {progress.complete ? <p className="completion__done">✓ {t("path.complete")}</p> : null}
            </>
          ) : null}
        </div>
        {path.next ? (
          <Link to={path.next.href} className="button button--primary button--large">
            {progress.done === 0 ? t("path.start") : t("path.continueWith", { title: path.next.title })}
          </Link>
        ) : null}
      </header>

      <section className="section" aria-labelledby="items-title">
        <h2 id="items-title">{t("path.items")}</h2>
        <ol className="path-steps">
          {path.items.map((item, index) => (
            <li key={item.id} className={item.completed ? "path-step card is-completed" : "path-step card"}>
              <span className="path-step__number" aria-hidden="true">
                {item.completed ? "✓" : index + 1}
              </span>
              <div>
                <ArticleFacts article={item} />
                <h3 className="article-card__title">
                  {item.open ? <Link to={item.href}>{item.title}</Link> : item.title}
                  {item.completed ? <span className="visually-hidden"> ({t("learn.completed")})</span> : null}
                </h3>
                <p className="article-card__summary">{item.summary}</p>
                {!item.open ? <p className="muted">{t("path.locked", { visibility: t(`visibility.${item.visibility}`) })}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
