// The public champion directory: champions who chose to be listed, filtered by cohort year,
// expertise topic and language, with what the program looks for.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/auth/session.server";
import { directoryFiltersFromUrl, directoryYears, listDirectory } from "~/champions/directory.server";
import { CHAMPION_LANGUAGES, championHref, localizeCriterion } from "~/champions/model";
import { getProgram, listCriteria } from "~/champions/program.server";
import { hasBeenChampion } from "~/champions/status.server";
import { ChampionBadge, StaffChampionLinks } from "~/champions/ui";
import { getCatalog } from "~/content/catalog.server";
import { resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { isStaff } from "~/users/roles";

export const meta: MetaFunction = () => [{ title: "Champions · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const topics = getCatalog().topics;
  const filters = directoryFiltersFromUrl(new URL(request.url), Object.keys(topics));
  const [champions, years, program, criteria, ownTerms] = await Promise.all([
    listDirectory(filters),
    directoryYears(),
    getProgram(),
    listCriteria(),
    user ? hasBeenChampion(user.id) : false,
  ]);
  return {
    filters,
    champions,
    years,
    cohortYear: program.cohortYear,
    criteria: criteria.map((c) => localizeCriterion(c, locale)),
    topics: Object.entries(topics).map(([id, labels]) => ({ id, label: labels[locale] })),
    viewer: user ? { id: user.id, staff: isStaff(user.role), admin: user.role === "admin", champion: ownTerms } : null,
  };
}

export default function ChampionDirectory() {
  const { filters, champions, years, criteria, topics, viewer, cohortYear } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const topicLabel = (id: string) => topics.find((topic) => topic.id === id)?.label ?? id;
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{t("nav.champions")}</h1>
          <p className="lead">{t("champions.directory.lead")}</p>
        </div>
        {viewer?.staff ? <StaffChampionLinks admin={viewer.admin} /> : null}
      </header>

      {viewer?.champion ? (
        <p className="alert alert--info">
          {t("champions.directory.youAreChampion")} <Link to={championHref(viewer.id)}>{t("champions.directory.yourProfile")}</Link>
        </p>
      ) : null}

      <Form key={JSON.stringify(filters)} method="get" className="filters card" aria-label={t("champions.directory.filters")}>
        <div className="field">
          <label htmlFor="filter-year" className="field__label">
            {t("champions.filter.year")}
          </label>
          <select id="filter-year" name="year" defaultValue={filters.year ?? ""} className="field__input">
            <option value="">{t("champions.filter.current")}</option>
            {years.map((year) => (
              <option key={year} value={year}>
                {t("champions.filter.cohort", { year })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-topic" className="field__label">
            {t("champions.filter.topic")}
          </label>
          <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ""} className="field__input">
            <option value="">{t("champions.filter.any")}</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-language" className="field__label">
            {t("champions.filter.language")}
          </label>
          <select id="filter-language" name="language" defaultValue={filters.language ?? ""} className="field__input">
            <option value="">{t("champions.filter.any")}</option>
            {CHAMPION_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`champions.language.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t("champions.filter.apply")}
          </button>
        </div>
      </Form>

      <section className="section" aria-labelledby="champions-title">
        <h2 id="champions-title">{filters.year ? t("champions.directory.cohortTitle", { year: filters.year }) : t("champions.directory.currentTitle")}</h2>
        {champions.length === 0 ? (
          <p className="empty">{t("champions.directory.empty")}</p>
        ) : (
          <ul className="card-grid champion-grid">
            {champions.map((champion) => (
              <li key={champion.userId} className="card champion-card">
                <p className="champion-card__badges">
                  <ChampionBadge times={champion.times} />
                  {!champion.active ? <span className="badge badge--muted">{t("champions.directory.alumni")}</span> : null}
                </p>
                <h3 className="champion-card__name">
                  <Link to={championHref(champion.userId)}>{champion.name}</Link>
                </h3>
                <p className="champion-card__role muted">{[champion.title, champion.company].filter(Boolean).join(" · ")}</p>
                {champion.bio ? <p className="champion-card__bio">{champion.bio}</p> : null}
                <p className="article-card__footer">
                  {champion.topics.map((topic) => (
                    <span key={topic} className="tag">
                      {topicLabel(topic)}
                    </span>
                  ))}
                  {champion.languages.map((language) => (
                    <span key={language} className="tag tag--locale">
                      {t(`champions.language.${language}`)}
                    </span>
                  ))}
                </p>
                <p className="champion-card__cohorts muted">{t("champions.directory.cohorts", { years: champion.cohorts.join(", ") })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section card champion-criteria" aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t("champions.directory.howTitle")}</h2>
        <p>{t("champions.directory.howLead", { year: cohortYear })}</p>
        <ul className="plain-list stack">
          {criteria.map((criterion) => (
            <li key={criterion.id}>
              <strong>{criterion.name}</strong>
              <p className="muted">{criterion.description}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
