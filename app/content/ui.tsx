// Small building blocks of the Learn pages.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { ArticleSummary, Tier } from "./model";

export function TierBadge({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  return <span className={`badge badge--tier-${tier}`}>{t(`tier.${tier}`)}</span>;
}

export function ArticleFacts({ article }: { article: ArticleSummary }) {
  const { t } = useTranslation();
  return (
    <p className="article-facts">
      <TierBadge tier={article.tier} />
      <span>{t(`kind.${article.kind}`)}</span>
      <span>{t("learn.minutes", { minutes: article.minutes })}</span>
      {article.hasVideo ? <span className="article-facts__video">▶ {t("learn.hasVideo")}</span> : null}
      {article.visibility !== "public" ? <span className="badge badge--muted">{t(`visibility.${article.visibility}`)}</span> : null}
    </p>
  );
}

export function ArticleCard({ article, completed = false, showLocale = false }: { article: ArticleSummary; completed?: boolean; showLocale?: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={completed ? "article-card card is-completed" : "article-card card"} lang={article.locale}>
      <ArticleFacts article={article} />
      <h3 className="article-card__title">
        <Link to={article.href}>{article.title}</Link>
      </h3>
      <p className="article-card__summary">{article.summary}</p>
      <p className="article-card__footer">
        {article.topics.map((topic) => (
          <span key={topic} className="tag">
            {topic}
          </span>
        ))}
        {showLocale ? <span className="tag tag--locale">{t(`language.${article.locale}`)}</span> : null}
        {completed ? <span className="article-card__done">✓ {t("learn.completed")}</span> : null}
      </p>
    </li>
  );
}

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="progress">
      <div className="progress__track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={label}>
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__label">{label}</span>
    </div>
  );
}
