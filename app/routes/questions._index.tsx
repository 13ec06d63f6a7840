// The Q&A list: newest, unanswered, or the signed-in person's own questions; filterable by tag.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { getOptionalUser, requireUser } from "~/auth/session.server";
import { Pagination } from "~/components/pagination";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { LIMITS, QUESTION_LISTS, questionHref, type QuestionList } from "~/qa/model";
import { listQuestions, pageFrom } from "~/qa/questions.server";
import { PersonWithReputation, QuestionBadges, TagLinks } from "~/qa/ui";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Q&A · Kizuna" }];

function listFrom(url: URL): QuestionList {
  const list = url.searchParams.get("list");
  return QUESTION_LISTS.find((known) => known === list) ?? "newest";
}

function tagFrom(url: URL): string | null {
  const tag = url.searchParams.get("tag")?.trim();
  return tag && tag.length <= LIMITS.tagMax ? tag : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const list = listFrom(url);
  // "Mine" means nothing signed out: sign in and come back to it.
  const user = list === "mine" ? await requireUser(request) : await getOptionalUser(request);
  const filters = { list, tag: tagFrom(url), page: pageFrom(url) };
  const result = await listQuestions(filters, user);
  return { filters, ...result, signedIn: user !== null, timeZone: user?.timeZone ?? "Asia/Tokyo" };
}

const TAB_LABEL: Record<QuestionList, MessageKey> = {
  newest: "qa.list.newest",
  unanswered: "qa.list.unanswered",
  mine: "qa.list.mine",
};

const EMPTY: Record<QuestionList, MessageKey> = {
  newest: "qa.empty.newest",
  unanswered: "qa.empty.unanswered",
  mine: "qa.empty.mine",
};

export default function QuestionsIndex() {
  const { filters, questions, total, pages, signedIn, timeZone } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const location = useLocation();
  const tabs = QUESTION_LISTS.filter((list) => list !== "mine" || signedIn);
  const hrefFor = (list: QuestionList) => {
    const params = new URLSearchParams();
    if (list !== "newest") params.set("list", list);
    if (filters.tag) params.set("tag", filters.tag);
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ""}`;
  };
  const withoutTag = (() => {
    const params = new URLSearchParams(location.search);
    params.delete("tag");
    params.delete("page");
    const search = params.toString();
    return `${location.pathname}${search ? `?${search}` : ""}`;
  })();

  return (
    <>
      <header className="page-header">
        <div>
          <h1>{t("qa.title")}</h1>
          <p className="lead">{t("qa.lead")}</p>
        </div>
        {signedIn ? (
          <Link to="/questions/new" className="button button--primary">
            {t("qa.ask")}
          </Link>
        ) : (
          <Link to={`/login?${new URLSearchParams({ redirectTo: "/questions/new" })}`} className="button button--secondary">
            {t("qa.signInToAsk")}
          </Link>
        )}
      </header>

      <div className="qa-toolbar">
        <nav className="segmented" aria-label={t("qa.list.label")}>
          {tabs.map((list) => (
            <Link key={list} to={hrefFor(list)} className={list === filters.list ? "segmented__item is-active" : "segmented__item"} aria-current={list === filters.list ? "page" : undefined}>
              {t(TAB_LABEL[list])}
            </Link>
          ))}
        </nav>
        <p className="muted qa-toolbar__count">{t("qa.count", { count: total })}</p>
      </div>

      {filters.tag ? (
        <p className="qa-filter">
          {t("qa.filteredByTag", { tag: filters.tag })}{" "}
          <Link to={withoutTag} className="button button--ghost button--small">
            {t("qa.clearTag")}
          </Link>
        </p>
      ) : null}

      {questions.length === 0 ? (
        <p className="empty">{t(EMPTY[filters.list])}</p>
      ) : (
        <ol className="qa-list plain-list" aria-label={t(TAB_LABEL[filters.list])}>
          {questions.map((q) => (
            <li key={q.id} className={q.state === "hidden" ? "qa-row card qa-row--hidden" : "qa-row card"}>
              <div className="qa-row__stats">
                <span className="qa-stat">
                  <span className="qa-stat__value">{q.score}</span> <span className="qa-stat__label">{t("qa.votes")}</span>
                </span>
                <span className={q.acceptedAnswerId ? "qa-stat qa-stat--accepted" : "qa-stat"}>
                  <span className="qa-stat__value">{q.answerCount}</span> <span className="qa-stat__label">{t("qa.answers")}</span>
                </span>
              </div>
              <div className="qa-row__main">
                <h2 className="qa-row__title">
                  <Link to={questionHref(q.id)}>{q.title}</Link>
                </h2>
                <p className="qa-row__badges">
                  <QuestionBadges state={q.state} beginner={q.beginner} />
                </p>
                <TagLinks tags={q.tags} />
                <p className="qa-row__meta muted">
                  <PersonWithReputation person={q.author} />
                  <time dateTime={q.createdAt}>{formatDate(q.createdAt, locale, timeZone)}</time>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={filters.page} pages={pages} />
    </>
  );
}
