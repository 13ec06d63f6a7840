import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/session.server";
import { KINDS, PHASES, TIERS } from "~/content/model";
import { loadLibrary } from "~/content/pages.server";
import { ArticleCard, ProgressBar, TierBadge } from "~/content/ui";
import { resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";

export const meta: MetaFunction = () => [{ title: "Learn · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = await resolveLocale(request, user?.locale);
  return loadLibrary(request, user, locale);
}

export default function LearnHome() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const completed = new Set(data.completed);
  const { filters } = data;
  const filtered = Boolean(filters.tier || filters.kind || filters.topic || filters.phase);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>{t("learn.title")}</h1>
          <p className="lead">{t("learn.lead")}</p>
        </div>
        {data.signedIn ? (
          <Link to="/learn/me" className="button button--secondary">
            {t("learn.myLearning")}
          </Link>
        ) : null}
      </header>

      {data.continueReading.length ? (
        <section className="section" aria-labelledby="continue-title">
          <h2 id="continue-title">{t("learn.continue")}</h2>
          <ul className="card-grid">
            {data.continueReading.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </ul>
        </section>
      ) : null}

      {data.level ? (
        <section className="section" aria-labelledby="recommended-title">
          <h2 id="recommended-title">{t("learn.recommended")}</h2>
          <p className="muted">{t("learn.recommendedLead", { level: t(`tier.${data.level}`) })}</p>
          {data.recommended.length ? (
            <ul className="card-grid">
              {data.recommended.map((article) => (
                <ArticleCard key={article.id} article={article} />
              ))}
            </ul>
          ) : (
            <p className="empty">{t("learn.recommendedEmpty")}</p>
          )}
        </section>
      ) : null}

      {data.paths.length ? (
        <section className="section" aria-labelledby="paths-title">
          <h2 id="paths-title">{t("learn.paths")}</h2>
          <ul className="card-grid card-grid--wide">
            {data.paths.map((path) => (
              <li key={path.id} className="path-card card">
                <p className="article-facts">
                  <span className="badge badge--path">{t("path.label")}</span>
                  <TierBadge tier={path.tier} />
                </p>
                <h3 className="article-card__title">
                  <Link to={path.href}>{path.title}</Link>
                </h3>
                <p className="article-card__summary">{path.description}</p>
                {data.signedIn ? (
                  <ProgressBar percent={path.progress.percent} label={t("path.progress", { done: path.progress.done, total: path.progress.total })} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section library" aria-labelledby="library-title">
        <h2 id="library-title" className="visually-hidden">
          {t("learn.filters")}
        </h2>
        {/* Keyed by the filters so the selects reset when the URL changes (e.g. "clear filters"). */}
        <Form key={JSON.stringify(filters)} method="get" className="filters card" aria-label={t("learn.filters")}>
          <FilterSelect name="tier" label={t("learn.filter.tier")} value={filters.tier} options={TIERS.map((v) => ({ value: v, label: t(`tier.${v}`) }))} />
          <FilterSelect name="kind" label={t("learn.filter.kind")} value={filters.kind} options={KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))} />
          <FilterSelect name="topic" label={t("learn.filter.topic")} value={filters.topic} options={data.options.topics.map((o) => ({ value: o.id, label: o.label }))} />
          <FilterSelect name="phase" label={t("learn.filter.phase")} value={filters.phase} options={PHASES.map((v) => ({ value: v, label: t(`phase.${v}`) }))} />
          <FilterSelect
            name="lang"
            label={t("learn.filter.lang")}
            value={filters.locale ?? "all"}
            options={[
              { value: "ja", label: t("language.ja") },
              { value: "en", label: t("language.en") },
              { value: "all", label: t("learn.filter.allLanguages") },
            ]}
            withAny={false}
          />
          <div className="filters__actions">
            <button type="submit" className="button button--primary">
              {t("learn.filter.apply")}
            </button>
            {filtered ? (
              <Link to="/learn" className="button button--ghost">
                {t("learn.filter.clear")}
              </Link>
            ) : null}
          </div>
        </Form>

        <p className="muted" role="status">
          {t("learn.results", { count: data.articles.length })}
        </p>
        {data.articles.length ? (
          <ul className="card-grid">
            {data.articles.map((article) => (
              <ArticleCard key={article.id} article={article} completed={completed.has(article.id)} showLocale={filters.locale === null} />
            ))}
          </ul>
        ) : (
          <p className="empty">{t("learn.noResults")}</p>
        )}
        {data.hiddenForMembers > 0 ? (
          <p className="alert alert--info">
            {t("learn.membersTeaser", { count: data.hiddenForMembers })} <Link to="/signup">{t("nav.signUp")}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

function FilterSelect(props: { name: string; label: string; value: string | null; options: { value: string; label: string }[]; withAny?: boolean }) {
  const { t } = useTranslation();
  const id = `filter-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {props.label}
      </label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} className="field__input">
        {props.withAny === false ? null : <option value="">{t("learn.filter.any")}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
