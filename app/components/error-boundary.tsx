import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { MessageKey } from "~/i18n/messages";

/** One error screen for the whole app: 404s and 403s are expected answers, not crashes. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let title: MessageKey = "error.generic.title";
  let body: string = t("error.generic.body");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    if (status === 404) {
      title = "error.notFound.title";
      body = t("error.notFound.body");
    } else if (status === 403) {
      title = "error.forbidden.title";
      body = t("error.forbidden.body");
    } else if (status >= 400 && status < 500) {
      title = "error.badRequest.title";
      body = typeof error.data === "string" && error.data ? error.data : t("error.form");
    }
  } else {
    console.error(error);
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">{status}</p>
      <h1 id="error-title">{t(title)}</h1>
      <p>{body}</p>
      <Link to="/" className="button button--primary">
        {t("error.goHome")}
      </Link>
    </section>
  );
}
