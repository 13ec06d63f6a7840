import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { getMDXComponent } from "mdx-bundler/client/index.js";
import { useMemo } from "react";
import { getOptionalUser, requireUser } from "~/auth/session.server";
import { getCatalog } from "~/content/catalog.server";
import { markArticleComplete, unmarkArticleComplete, viewerFor } from "~/content/learning.server";
import { ArticleVideoContext, mdxComponents } from "~/content/mdx-components";
import { findArticle, loadArticle } from "~/content/pages.server";
import { ArticleFacts, ProgressBar } from "~/content/ui";
import { VideoPlayer, type VideoPlayerProps } from "~/content/video-player";
import { canOpen } from "~/content/visibility";
import { resolveLocale } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.article.title} · Kizuna` : "Kizuna" },
  { name: "description", content: data?.article.summary ?? "" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const page = await loadArticle(request, user, params, locale);
  // Locked articles answer 403 so nothing (crawler, cache, script) mistakes the teaser for the article.
  return data(page, { status: page.status === "locked" ? 403 : 200 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const article = findArticle(getCatalog(), params.locale, params.slug);
  if (!canOpen(article.visibility, await viewerFor(user))) throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const intent = form.get("intent");
  const back = new URL(request.url);
  const target = back.pathname + back.search;
  if (intent === "complete") {
    await markArticleComplete(user, article);
    return redirectWithToast(target, { type: "success", key: "article.markedComplete", params: { title: article.title } });
  }
  if (intent === "uncomplete") {
    await unmarkArticleComplete(user.id, article.id);
    return redirectWithToast(target, { type: "success", key: "article.unmarked", params: { title: article.title } });
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function ArticlePage() {
  const page = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const { article } = page;

  return (
    <article className="article" lang={article.locale}>
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/learn">{t("learn.title")}</Link>
        {page.status === "open" && page.path ? (
          <>
            {" / "}
            <Link to={page.path.href}>{page.path.title}</Link>
          </>
        ) : null}
      </nav>
      <header className="article__header">
        <ArticleFacts article={article} />
        <h1>{article.title}</h1>
        <p className="lead">{article.summary}</p>
        <p className="article__meta muted">
          {t("article.published", { date: formatDate(page.published, locale) })}
          {page.translations.map((translation) => (
            <Link key={translation.locale} to={translation.href} className="article__translation" hrefLang={translation.locale} lang={translation.locale}>
              {t("article.readIn", { language: t(`language.${translation.locale}`) })}
            </Link>
          ))}
        </p>
      </header>
      {page.status === "locked" ? <LockedArticle visibility={article.visibility} signedIn={page.signedIn} /> : <OpenArticle page={page} />}
    </article>
  );
}

function LockedArticle({ visibility, signedIn }: { visibility: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const champions = visibility === "champions";
  return (
    <section className="locked card" aria-labelledby="locked-title">
      <h2 id="locked-title">{champions ? t("article.locked.championsTitle") : t("article.locked.membersTitle")}</h2>
      <p>{champions ? t("article.locked.championsBody") : t("article.locked.membersBody")}</p>
      {!signedIn ? (
        <p className="hero__actions">
          <Link to={`/login?${new URLSearchParams({ redirectTo: location.pathname })}`} className="button button--primary">
            {t("nav.signIn")}
          </Link>
          <Link to="/signup" className="button button--secondary">
            {t("nav.signUp")}
          </Link>
        </p>
      ) : (
        <Link to="/learn" className="button button--secondary">
          {t("learn.title")}
        </Link>
      )}
    </section>
  );
}

type OpenPage = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { status: "open" }>;

function OpenArticle({ page }: { page: OpenPage }) {
  const { t, locale } = useTranslation();
  const location = useLocation();
  const busy = useNavigation().state !== "idle";
  const Body = useMemo(() => getMDXComponent(page.code), [page.code]);
  const video: VideoPlayerProps | null = page.video
    ? {
        src: page.video.src,
        title: page.article.title,
        reportUrl: `${page.article.href}/watch`,
        tracked: page.signedIn,
        initialPercent: page.video.percent,
        completed: page.video.completed,
      }
    : null;

  return (
    <div className="article__layout">
      {page.toc.length ? (
        <nav className="toc card" aria-labelledby="toc-title">
          <p id="toc-title" className="toc__title">
            {t("article.toc")}
          </p>
          <ol className="toc__list">
            {page.toc.map((entry) => (
              <li key={entry.id} className={entry.depth === 3 ? "toc__item toc__item--sub" : "toc__item"}>
                <a href={`#${entry.id}`}>{entry.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      <div className="article__main">
        {video && !page.video?.inBody ? <VideoPlayer {...video} /> : null}
        <div className="prose">
          <ArticleVideoContext.Provider value={video}>
            <Body components={mdxComponents} />
          </ArticleVideoContext.Provider>
        </div>

        {page.signedIn ? (
          <Form method="post" action={location.pathname + location.search} className="completion card" replace preventScrollReset>
            {page.completedAt ? (
              <>
                <p className="completion__done">✓ {t("article.completedOn", { date: formatDate(page.completedAt, locale) })}</p>
                <button type="submit" name="intent" value="uncomplete" className="button button--ghost" disabled={busy}>
                  {t("article.unmark")}
                </button>
              </>
            ) : (
              <button type="submit" name="intent" value="complete" className="button button--primary button--large" disabled={busy}>
                {t("article.markComplete")}
              </button>
            )}
          </Form>
        ) : null}

        {page.path ? (
          <nav className="path-nav card" aria-label={t("article.inPath", { path: page.path.title })}>
            <p className="path-nav__title">
              {t("article.inPath", { path: page.path.title })} · {t("article.pathStep", { step: page.path.step, total: page.path.total })}
            </p>
            {page.signedIn ? (
              <ProgressBar percent={page.path.progress.percent} label={t("path.progress", { done: page.path.progress.done, total: page.path.progress.total })} />
            ) : null}
            <div className="path-nav__links">
              {page.path.previous ? (
                <Link to={page.path.previous.href} rel="prev" className="path-nav__link">
                  ← {t("article.previous")}: {page.path.previous.title}
                </Link>
              ) : (
                <span />
              )}
              {page.path.next ? (
                <Link to={page.path.next.href} rel="next" className="path-nav__link path-nav__link--next">
                  {t("article.next")}: {page.path.next.title} →
                </Link>
              ) : (
                <Link to={page.path.href} className="path-nav__link path-nav__link--next">
                  {t("article.backToPath")}
                </Link>
              )}
            </div>
          </nav>
        ) : null}
      </div>
    </div>
  );
}
