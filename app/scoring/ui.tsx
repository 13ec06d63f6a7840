// Reusable staff UI of account health: band badge, sparkline, the health panel with "why this
// score", the alerts list with its acknowledge / resolve form (also used by the alerts inbox),
// and member engagement levels. The CS workspace pages compose these; styles in
// app/styles/scoring.css.
import { Form } from "@remix-run/react";
import type { AlertView } from "~/alerts/alerts.server";
import { messageText } from "~/email/message-text";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { formatDate, formatNumber } from "~/utils/format";
import type { Band, ComponentKey } from "./model";
import type { MemberLevel } from "./member-engagement";
import type { AccountHealth } from "./read.server";

export function BandBadge({ band, score }: { band: Band; score?: number }) {
  const { t } = useTranslation();
  return (
    <span className={`band band--${band}`}>
      {score !== undefined ? <span className="band__score">{score}</span> : null}
      {t(`scoring.band.${band}`)}
    </span>
  );
}

/** A small line of the score over time; the label says first and last value for screen readers. */
export function Sparkline({ points, width = 160, height = 36 }: { points: Array<{ overall: number }>; width?: number; height?: number }) {
  const { t } = useTranslation();
  if (points.length === 0) return null;
  const step = points.length > 1 ? width / (points.length - 1) : 0;
  const coords = points.map((p, i) => `${(i * step).toFixed(1)},${(height - (p.overall / 100) * height).toFixed(1)}`).join(" ");
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("scoring.health.trendLabel", { first: points[0]!.overall, last: points[points.length - 1]!.overall })}>
      <polyline points={coords} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
    </svg>
  );
}

function signed(value: number | null, locale: Locale): string {
  if (value === null) return "—";
  return value > 0 ? `+${formatNumber(value, locale)}` : formatNumber(value, locale);
}

function segmentLabel(t: Translate, segment: string): string {
  const [kind, value] = segment.split(":");
  if (kind === "stage" && value) return t("scoring.health.segmentStage", { value });
  if (kind === "plan" && value) return t("scoring.health.segmentPlan", { value: t(`plan.${value as "starter" | "growth" | "enterprise"}`) });
  return t("scoring.health.segmentDefault");
}

/** The account's health: score, band, trend, component bars and the "why this score" detail. */
export function HealthPanel({ health }: { health: AccountHealth | null }) {
  const { t, locale } = useTranslation();
  if (!health) {
    return (
      <section className="section card health" aria-labelledby="health-title">
        <h2 id="health-title">{t("scoring.health.title")}</h2>
        <p className="empty">{t("scoring.health.none")}</p>
      </section>
    );
  }
  return (
    <section className="section card health" aria-labelledby="health-title">
      <div className="health__head">
        <div>
          <h2 id="health-title">{t("scoring.health.title")}</h2>
          <p className="health__score" aria-label={t("scoring.health.score", { score: health.overall })}>
            <span className="health__number">{health.overall}</span>
            <BandBadge band={health.band} />
          </p>
          <p className="muted">{t("scoring.health.asOf", { date: formatDate(health.day, locale), version: health.modelVersion, segment: segmentLabel(t, health.segment) })}</p>
        </div>
        <figure className="health__trend">
          <Sparkline points={health.trend} />
          <figcaption className="muted">{t("scoring.health.trend")}</figcaption>
        </figure>
      </div>
      <p>{t("scoring.health.overallChange", { change7: signed(health.change7?.overall ?? null, locale), change30: signed(health.change30?.overall ?? null, locale) })}</p>
      <ul className="health__bars">
        {health.components.map((c) => (
          <li key={c.key} className="health__bar">
            <span className="health__bar-label">{t(`scoring.component.${c.key}`)}</span>
            <span className="health__bar-track" aria-hidden="true">
              <span className="health__bar-fill" style={{ width: `${c.score ?? 0}%` }} />
            </span>
            <span className="health__bar-value">{c.score === null ? t("scoring.health.noData") : c.score}</span>
          </li>
        ))}
      </ul>
      <details className="health__why">
        <summary>{t("scoring.health.why")}</summary>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("scoring.health.component")}</th>
                <th scope="col" className="num">{t("scoring.health.componentScore")}</th>
                <th scope="col" className="num">{t("scoring.health.weight")}</th>
                <th scope="col" className="num">{t("scoring.health.points")}</th>
                <th scope="col" className="num">{t("scoring.health.change7")}</th>
                <th scope="col" className="num">{t("scoring.health.change30")}</th>
              </tr>
            </thead>
            <tbody>
              {health.components.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{t(`scoring.component.${c.key}`)}</th>
                  <td className="num">{c.score === null ? t("scoring.health.noData") : c.score}</td>
                  <td className="num">
                    {c.effectiveWeight === c.weight || c.score === null
                      ? `${c.weight}%`
                      : t("scoring.health.weightShared", { weight: c.weight, effective: formatNumber(Math.round(c.effectiveWeight * 10) / 10, locale) })}
                  </td>
                  <td className="num">{formatNumber(Math.round(c.points * 10) / 10, locale)}</td>
                  <td className="num">{signed(c.change7, locale)}</td>
                  <td className="num">{signed(c.change30, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <dl className="health__facts">
          {health.components.map((c) => (
            <div key={c.key}>
              <dt>{t(`scoring.component.${c.key}`)}</dt>
              <dd className="muted">{t(`scoring.component.${c.key}.about` as `scoring.component.${ComponentKey}.about`)}</dd>
              {c.facts.map((fact) => (
                <dd key={fact.key}>{messageText(fact, locale, t)}</dd>
              ))}
            </div>
          ))}
        </dl>
        <h3>{t("scoring.health.whatChanged")}</h3>
        {health.factChanges.length === 0 ? (
          <p className="muted">{t("scoring.health.nothingChanged")}</p>
        ) : (
          <ul className="plain-list">
            {health.factChanges.map((change) => (
              <li key={change.key}>
                {t("scoring.health.changeLine", { label: t(change.key), before: formatNumber(change.before, locale), now: formatNumber(change.now, locale) })}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}

export function LevelBadge({ level }: { level: MemberLevel }) {
  const { t } = useTranslation();
  return <span className={`level level--${level}`}>{t(`scoring.member.level.${level}`)}</span>;
}

/**
 * Acknowledge / resolve for one alert: a note and one or two buttons. Posts `intent`
 * ("alert-acknowledge" | "alert-resolve"), `alertId` and `note` to the page's own action; the
 * account page and the alerts inbox both use it. `idPrefix` keeps element ids unique per page
 * ("alert" on the account page, "inbox" in the inbox). Keyed on the alert's state so a saved
 * acknowledgement redraws it empty.
 */
export function AlertActionsForm({
  alert,
  idPrefix,
  error,
  busy,
}: {
  alert: Pick<AlertView, "id" | "status" | "acknowledgedAt">;
  idPrefix: string;
  error?: string;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const id = `${idPrefix}-${alert.id}`;
  return (
    <Form method="post" className="alert-card__form" noValidate key={`${alert.status}:${alert.acknowledgedAt ?? ""}`}>
      <input type="hidden" name="alertId" value={alert.id} />
      <div className={error ? "field field--invalid" : "field"}>
        <label className="field__label" htmlFor={`${id}-note`}>
          {t("alerts.note")}
        </label>
        <textarea
          id={`${id}-note`}
          name="note"
          className="field__input field__input--textarea"
          rows={2}
          maxLength={1000}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        />
        <p id={`${id}-hint`} className="field__hint">
          {t("alerts.noteHint")}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="inline-form">
        {alert.status === "open" ? (
          <button type="submit" name="intent" value="alert-acknowledge" className="button button--secondary button--small" disabled={busy}>
            {t("alerts.acknowledge")}
          </button>
        ) : null}
        <button type="submit" name="intent" value="alert-resolve" className="button button--primary button--small" disabled={busy}>
          {t("alerts.resolve")}
        </button>
      </div>
    </Form>
  );
}

/**
 * The account's alerts with acknowledge / resolve forms (AlertActionsForm). The forms post `intent`
 * ("alert-acknowledge" | "alert-resolve"), `alertId` and `note` to the page's action, which
 * hands them to handleAccountScoringAction (app/scoring/account-page.server.ts).
 */
export function AlertList({
  unresolved,
  resolved,
  actionable,
  errors,
  busy,
}: {
  unresolved: AlertView[];
  resolved: AlertView[];
  /** Ids of the alerts the viewer may act on; the others show whose they are instead of a form. */
  actionable: readonly string[];
  errors?: Record<string, string>;
  busy?: boolean;
}) {
  const { t, locale } = useTranslation();
  return (
    <section id="alerts" className="section" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t("alerts.title")}</h2>
      {unresolved.length === 0 ? <p className="empty">{t("alerts.empty")}</p> : null}
      <ul className="alerts">
        {unresolved.map((alert) => {
          const error = errors?.[`alert:${alert.id}`];
          return (
            <li key={alert.id} className={`alert-card alert-card--${alert.severity}`}>
              <article aria-labelledby={`alert-${alert.id}-title`}>
                <header className="alert-card__head">
                  <h3 id={`alert-${alert.id}-title`}>{t(`alerts.rule.${alert.rule}`)}</h3>
                  <span className="badge">{t(`alerts.severity.${alert.severity as "high" | "medium"}`)}</span>
                  <span className={`badge alert-status alert-status--${alert.status}`}>{t(`alerts.status.${alert.status as "open" | "acknowledged"}`)}</span>
                </header>
                <p>{messageText(alert.evidence, locale, t)}</p>
                <p className="alert-card__next">
                  <strong>{t("alerts.nextAction")}:</strong> {messageText(alert.nextAction, locale, t)}{" "}
                  {alert.link ? <a href={alert.link}>{t("alerts.openLink")}</a> : null}
                </p>
                <p className="muted">{t("alerts.raised", { date: formatDate(alert.createdAt, locale), owner: alert.ownerName ?? t("alerts.unassigned") })}</p>
                {alert.acknowledgedAt ? (
                  <p className="muted">{t("alerts.acknowledgedBy", { name: alert.acknowledgedBy ?? "—", note: alert.acknowledgeNote || "—" })}</p>
                ) : null}
                {actionable.includes(alert.id) ? (
                  <AlertActionsForm alert={alert} idPrefix="alert" error={error} busy={busy} />
                ) : (
                  <p className="muted">{t("workspace.inbox.notYours", { name: alert.ownerName ?? t("alerts.unassigned") })}</p>
                )}
              </article>
            </li>
          );
        })}
      </ul>
      {resolved.length > 0 ? (
        <>
          <h3>{t("alerts.recentlyResolved")}</h3>
          <ul className="plain-list">
            {resolved.map((alert) => (
              <li key={alert.id}>
                <strong>{t(`alerts.rule.${alert.rule}`)}</strong> —{" "}
                <span className="muted">
                  {alert.resolvedBy
                    ? t("alerts.resolvedBy", { name: alert.resolvedBy, date: formatDate(alert.resolvedAt!, locale), note: alert.resolutionNote })
                    : t("alerts.cleared", { date: formatDate(alert.resolvedAt!, locale) })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
