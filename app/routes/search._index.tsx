// Search results: one query over articles, questions, study groups and champions, with a tab per type,
// filters, highlighted matches and pages. Everyone may search; each person finds only what they
// may open. Anything odd in the URL is ignored rather than failing the page.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import { ContentNotBuiltError, getCatalog } from "~/content/catalog.server";
import type { MessageKey } from "~/i18n/messages";
import { LOCALES } from "~/i18n/locales";
import { useTranslation } from "~/i18n/use-translation";
import { COUNT_CAP, DOC_TYPES, type DocType, type SearchHit } from "~/search/model";
import { search, searchViewerFor } from "~/search/search.server";
import { searchHref, searchPageFromUrl, STATE_FILTERS, TIER_FILTERS, type SearchPage } from "~/search/url";
import learnStyles from "~/styles/learn.css";
import { formatNumber } from "~/utils/format";

// Tags and badges look as they do in Learn.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: learnStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.current.query ? `${data.current.query} · Search · Kizuna` : "Search · Kizuna" }];

function topicLabels(): Record<string, Record<string, string>> {
  try {
    return getCatalog().topics;
  } catch (error) {
    if (error instanceof ContentNotBuiltError) return {};
    throw error;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const current = searchPageFromUrl(new URL(request.url));
  const results = current.query ? await search({ query: current.query, filters: current.filters, page: current.page }, await searchViewerFor(user)) : null;
  return { current, results, topics: topicLabels() };
}

const TYPE_LABEL: Record<DocType, MessageKey> = {
  article: "search.type.article",
  question: "search.type.question",
  group: "search.type.group",
  champion: "search.type.champion",
};
const TAB_LABEL: Record<DocType, MessageKey> = {
  article: "search.tab.article",
  question: "search.tab.question",
  group: "search.tab.group",
  champion: "search.tab.champion",
};

export default function SearchPage() {
  const { current, results, topics } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const tagLabel = (tag: string) => topics[tag]?.[locale] ?? tag;
  const count = (n: number) => (n >= COUNT_CAP ? `${formatNumber(COUNT_CAP, locale)}+` : formatNumber(n, locale));
  const filtered = current.filters.locale || current.filters.tier || current.filters.state || current.filters.tag || current.filters.type;
  const allCount = results ? DOC_TYPES.reduce((sum, type) => sum + (results.counts[type] ?? 0), 0) : 0;

  return (
    <div className="search-page">
      <header className="page-header">
        <div>
          <h1>{t("search.title")}</h1>
          <p className="lead">{t("search.lead")}</p>
        </div>
      </header>

      <Form method="get" action="/search" role="search" className="search-page__form">
        <label className="visually-hidden" htmlFor="search-page-q">
          {t("search.label")}
        </label>
        <input id="search-page-q" type="search" name="q" className="field__input" defaultValue={current.query} key={current.query} placeholder={t("search.placeholder")} maxLength={200} />
        {current.filters.type ? <input type="hidden" name="type" value={current.filters.type} /> : null}
        <button type="submit" className="button button--primary">
          {t("search.submit")}
        </button>
      </Form>

      {!results ? (
        <p className="empty">{t("search.intro")}</p>
      ) : (
        <>
          <nav className="search-tabs" aria-label={t("search.tabs")}>
            <Tab to={searchHref(current, { type: null })} active={current.filters.type === null} label={t("search.tab.all")} count={count(allCount)} />
            {DOC_TYPES.filter((type) => results.counts[type] !== undefined).map((type) => (
              <Tab key={type} to={searchHref(current, { type })} active={current.filters.type === type} label={t(TAB_LABEL[type])} count={count(results.counts[type] ?? 0)} />
            ))}
          </nav>

          <Filters current={current} />

          {current.filters.tag ? (
            <p className="search-page__tag">
              <span className="tag">{t("search.filter.tag", { tag: tagLabel(current.filters.tag) })}</span>{" "}
              <Link to={searchHref(current, { tag: null })} className="button button--ghost button--small">
                {t("search.filter.clearTag")}
              </Link>
            </p>
          ) : null}

          <p className="muted search-page__summary">
            {results.total >= COUNT_CAP
              ? t("search.resultsForMany", { count: formatNumber(COUNT_CAP, locale), query: current.query })
              : t("search.resultsFor", { count: formatNumber(results.total, locale), query: current.query })}
          </p>

          {results.hits.length === 0 ? (
            <NoResults current={current} filtered={Boolean(filtered)} />
          ) : (
            <ol className="plain-list search-results" start={(results.page - 1) * 10 + 1}>
              {results.hits.map((hit) => (
                <Hit key={hit.id} hit={hit} current={current} tagLabel={tagLabel} typeLabel={t(TYPE_LABEL[hit.type])} />
              ))}
            </ol>
          )}
          <Pagination page={results.page} pages={results.pages} />
        </>
      )}
    </div>
  );
}

function Tab({ to, active, label, count }: { to: string; active: boolean; label: string; count: string }) {
  return (
    <Link to={to} className={active ? "search-tabs__tab is-active" : "search-tabs__tab"} aria-current={active ? "page" : undefined}>
      {label} <span className="search-tabs__count">{count}</span>
    </Link>
  );
}

function Filters({ current }: { current: SearchPage }) {
  const { t } = useTranslation();
  const { filters } = current;
  return (
    <Form method="get" action="/search" className="search-filters" aria-label={t("search.filters")}>
      <input type="hidden" name="q" value={current.query} />
      {filters.type ? <input type="hidden" name="type" value={filters.type} /> : null}
      {filters.tag ? <input type="hidden" name="tag" value={filters.tag} /> : null}
      <label className="search-filters__field">
        <span className="field__label">{t("search.filter.lang")}</span>
        <select name="lang" defaultValue={filters.locale ?? ""} className="field__input" key={`lang-${filters.locale}`}>
          <option value="">{t("search.filter.anyLanguage")}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="search-filters__field">
        <span className="field__label">{t("search.filter.tier")}</span>
        <select name="tier" defaultValue={filters.tier ?? ""} className="field__input" key={`tier-${filters.tier}`}>
          <option value="">{t("search.filter.anyTier")}</option>
          {TIER_FILTERS.map((tier) => (
            <option key={tier} value={tier}>
              {t(`tier.${tier}`)}
            </option>
          ))}
        </select>
      </label>
      {filters.type === "question" ? (
        <label className="search-filters__field">
          <span className="field__label">{t("search.filter.state")}</span>
          <select name="state" defaultValue={filters.state ?? ""} className="field__input" key={`state-${filters.state}`}>
            <option value="">{t("search.filter.anyState")}</option>
            {STATE_FILTERS.map((state) => (
              <option key={state} value={state}>
                {t(state === "answered" ? "search.filter.answered" : "search.filter.open")}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" className="button button--secondary">
        {t("search.filter.apply")}
      </button>
    </Form>
  );
}

function Hit({ hit, current, tagLabel, typeLabel }: { hit: SearchHit; current: SearchPage; tagLabel: (tag: string) => string; typeLabel: string }) {
  const { t, locale } = useTranslation();
  const visibility = hit.type === "article" ? String(hit.meta.visibility ?? "public") : "public";
  return (
    <li className={`search-hit card search-hit--${hit.type}`}>
      <p className="search-hit__kind">
        <span className="badge">{typeLabel}</span>
        {hit.tier ? <span className="badge badge--muted">{t(`tier.${hit.tier}` as MessageKey)}</span> : null}
        {visibility !== "public" ? <span className="badge search-hit__restricted">{t(`visibility.${visibility}` as MessageKey)}</span> : null}
        {hit.locale !== locale ? (
          <span className="tag tag--locale" lang={hit.locale}>
            {t(`language.${hit.locale}`)}
          </span>
        ) : null}
      </p>
      {/* titleHtml and snippetHtml are escaped text whose only markup is <mark> (app/search/highlight.ts). */}
      <h2 className="search-hit__title" lang={hit.locale}>
        <Link to={hit.url} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
      </h2>
      {hit.snippetHtml ? <p className="search-hit__snippet" lang={hit.locale} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} /> : null}
      <p className="search-hit__meta muted">
        {hit.type === "question" ? (
          <>
            {hit.meta.accepted ? <span className="search-hit__accepted">✓ {t("search.accepted")}</span> : null}
            <span>{t("search.answers", { count: Number(hit.meta.answerCount ?? 0) })}</span>
          </>
        ) : null}
        {hit.type === "article" ? <span>{t("learn.minutes", { minutes: Number(hit.meta.minutes ?? 0) })}</span> : null}
        {hit.type === "group" ? <span>{t("search.members", { count: Number(hit.meta.members ?? 0) })}</span> : null}
        {hit.type === "champion" ? <span>{t("champions.badge.times", { count: Number(hit.meta.times ?? 1) })}</span> : null}
      </p>
      {hit.tags.length ? (
        <ul className="search-hit__tags" aria-label={t("qa.tags")}>
          {hit.tags.map((tag) => (
            <li key={tag}>
              <Link to={searchHref(current, { tag })} className="tag">
                {tagLabel(tag)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function NoResults({ current, filtered }: { current: SearchPage; filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="search-empty card" aria-labelledby="search-empty-title">
      <h2 id="search-empty-title">{t("search.noResults.title", { query: current.query })}</h2>
      <ul>
        <li>{t("search.noResults.spelling")}</li>
        {filtered ? (
          <li>
            {t("search.noResults.filters")}{" "}
            <Link to={`/search?${new URLSearchParams({ q: current.query })}`}>{t("search.noResults.clearFilters")}</Link>
          </li>
        ) : null}
      </ul>
      <p>{t("search.noResults.ask")}</p>
      <Link to={`/questions/new?${new URLSearchParams({ title: current.query.slice(0, 150) })}`} className="button button--primary">
        {t("search.noResults.askButton")}
      </Link>
    </section>
  );
}
