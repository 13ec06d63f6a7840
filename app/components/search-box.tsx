import { Form, useFetcher, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";

/** A GET search form that keeps other filters (hidden fields) and resets paging. */
export function SearchBox({
  defaultValue,
  placeholder,
  hidden = {},
  children,
}: {
  defaultValue: string;
  placeholder: string;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Form method="get" className="search-form" role="search">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="visually-hidden" htmlFor={id}>
        {placeholder}
      </label>
      <input id={id} type="search" name="q" defaultValue={defaultValue} placeholder={placeholder} className="field__input" maxLength={100} />
      {children}
      <button type="submit" className="button button--secondary">
        {t("common.search")}
      </button>
    </Form>
  );
}

type Suggestion = { id: string; type: string; url: string; title: string; titleHtml: string };

const SUGGEST_DELAY_MS = 150;
/** One character matches a third of everything; suggestions start at two (分科, CS). */
export const SUGGEST_MIN_CHARS = 2;

/**
 * The header's search: a combobox (WAI-ARIA 1.2 pattern, list autocomplete) that suggests matches
 * while one types. Up/Down move through the suggestions, Enter opens the chosen one (or the results
 * page when none is chosen), Escape closes the list, then clears the box. Without JavaScript it is a
 * plain GET form to /search.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const fetcher = useFetcher<{ query: string; suggestions: Suggestion[] }>();
  const { load } = fetcher;
  const id = useId();
  const listId = `${id}-list`;
  const onResultsPage = location.pathname === "/search";
  const queryInUrl = onResultsPage ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  const [value, setValue] = useState(queryInUrl);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  // A new page: show its query (results page) or start empty, with the list closed.
  useEffect(() => {
    setValue(queryInUrl);
    setOpen(false);
    setActive(-1);
  }, [location.key, queryInUrl]);

  const typed = value.trim();
  const query = [...typed].length >= SUGGEST_MIN_CHARS ? typed : "";
  useEffect(() => {
    if (!query) return;
    const timer = setTimeout(() => load(`/search/suggest?${new URLSearchParams({ q: query })}`), SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, load]);

  const suggestions = query && fetcher.data?.query === query ? fetcher.data.suggestions : [];
  // The suggestions, then "see all results" as the last option.
  const options = query ? [...suggestions.map((s) => ({ key: s.id, url: s.url })), { key: "all", url: `/search?${new URLSearchParams({ q: query })}` }] : [];
  const expanded = open && options.length > 0 && fetcher.data?.query === query;
  const optionId = (index: number) => `${id}-option-${index}`;

  function go(url: string) {
    setOpen(false);
    setActive(-1);
    navigate(url);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const down = event.key === "ArrowDown";
      const last = options.length - 1;
      setActive((current) => {
        if (!expanded || current < 0) return down ? 0 : last;
        return down ? (current === last ? 0 : current + 1) : current === 0 ? last : current - 1;
      });
    } else if (event.key === "Enter" && expanded && active >= 0 && active < options.length) {
      event.preventDefault();
      go(options[active]!.url);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        event.preventDefault();
        setValue("");
      }
    }
  }

  return (
    <Form method="get" action="/search" role="search" className="header-search" onSubmit={() => setOpen(false)}>
      <label className="visually-hidden" htmlFor={id}>
        {t("search.label")}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        className="header-search__input"
        placeholder={t("search.placeholderShort")}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={value}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 && active < options.length ? optionId(active) : undefined}
        onChange={(event) => {
          setValue(event.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="header-search__submit" aria-label={t("search.submitHeader")} title={t("search.submitHeader")}>
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
      </button>
      <ul id={listId} role="listbox" aria-label={t("search.suggestions")} className="header-search__list" hidden={!expanded}>
        {expanded
          ? suggestions.map((s, index) => (
              <li
                key={s.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                className={index === active ? "header-search__option is-active" : "header-search__option"}
                // Keep the focus in the box, so the click is not lost to its blur.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => go(s.url)}
                onMouseEnter={() => setActive(index)}
              >
                <span className="header-search__type">{t(`search.type.${s.type}` as MessageKey)}</span>
                <span className="header-search__title" dangerouslySetInnerHTML={{ __html: s.titleHtml }} />
              </li>
            ))
          : null}
        {expanded ? (
          <li
            id={optionId(suggestions.length)}
            role="option"
            aria-selected={active === suggestions.length}
            className={active === suggestions.length ? "header-search__option header-search__all is-active" : "header-search__option header-search__all"}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(options[suggestions.length]!.url)}
            onMouseEnter={() => setActive(suggestions.length)}
          >
            {t("search.seeAll", { query })}
          </li>
        ) : null}
      </ul>
      {/* A live region without role="status": toasts own that role on every page. */}
      <div aria-live="polite" aria-atomic="true" className="visually-hidden">
        {expanded ? (suggestions.length ? t("search.suggestionsCount", { count: suggestions.length }) : t("search.suggestionsNone")) : ""}
      </div>
    </Form>
  );
}
