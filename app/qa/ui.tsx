// Pieces shared by the Q&A pages: badges, tag links and a person with their reputation.
import { Link } from "@remix-run/react";
import { ChampionBadge } from "~/champions/ui";
import { useTranslation } from "~/i18n/use-translation";
import { formatNumber } from "~/utils/format";

/** The ask page looks for similar questions once the title has this many characters. */
export const SIMILAR_MIN_CHARS = 4;

export function tagHref(tag: string): string {
  return `/questions?${new URLSearchParams({ tag })}`;
}

export function QuestionBadges({ state, beginner }: { state: string; beginner: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {beginner ? <span className="badge qa-badge qa-badge--beginner">{t("qa.beginner")}</span> : null}
      {state === "answered" ? <span className="badge qa-badge qa-badge--answered">✓ {t("qa.state.answered")}</span> : null}
      {state === "locked" ? <span className="badge qa-badge qa-badge--locked">{t("qa.state.locked")}</span> : null}
      {state === "hidden" ? <span className="badge qa-badge qa-badge--hidden">{t("qa.state.hidden")}</span> : null}
    </>
  );
}

export function TagLinks({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="qa-tags" aria-label={t("qa.tags")}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link to={tagHref(tag)} className="tag">
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Authors whose account was removed stay anonymous; everyone else shows with their reputation (and champions with their badge). */
export function PersonWithReputation({ person }: { person: { name: string; reputation: number; champion?: boolean } | null }) {
  const { t, locale } = useTranslation();
  if (!person) return <span className="qa-person muted">{t("qa.formerMember")}</span>;
  return (
    <span className="qa-person">
      <strong className="qa-person__name">{person.name}</strong>{" "}
      <span className="qa-person__rep" title={t("qa.reputation")}>
        <span className="visually-hidden">{t("qa.reputation")} </span>
        <span className="qa-person__points">{formatNumber(person.reputation, locale)}</span>
      </span>
      {person.champion ? (
        <>
          {" "}
          <ChampionBadge />
        </>
      ) : null}
    </span>
  );
}

/** The "beginner question" choice, with what it promises. */
export function BeginnerCheckbox({ defaultChecked }: { defaultChecked: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="qa-beginner">
      <label className="qa-checkbox">
        <input type="checkbox" name="beginner" defaultChecked={defaultChecked} aria-describedby="beginner-hint" /> {t("qa.field.beginner")}
      </label>
      <p id="beginner-hint" className="field__hint">
        {t("qa.field.beginnerHint")}
      </p>
    </div>
  );
}
