import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { useTranslation } from "~/i18n/use-translation";
import { findDuplicateAccounts, findDuplicatePeople } from "~/imports/duplicates.server";
import styles from "~/styles/integrations.css";

export const meta: MetaFunction = () => [{ title: "Duplicates · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [people, accounts] = await Promise.all([findDuplicatePeople(), findDuplicateAccounts()]);
  return { people, accounts };
}

export default function MergePage() {
  const { people, accounts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("merge.title")}</h1>
      <p className="lead">{t("merge.lead")}</p>

      <section className="section" aria-labelledby="dup-people">
        <h2 id="dup-people">{t("merge.people")}</h2>
        {people.length === 0 ? (
          <p className="empty">{t("merge.noPeople")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <tbody>
                {people.map((pair) => (
                  <tr key={`${pair.a.id}-${pair.b.id}`}>
                    <td>
                      {pair.a.name} <span className="muted">{pair.a.email}</span>
                    </td>
                    <td>
                      {pair.b.name} <span className="muted">{pair.b.email}</span>
                    </td>
                    <td className="muted">
                      {t(`merge.why.${pair.why}`)}
                      {pair.account ? ` · ${pair.account}` : ""}
                    </td>
                    <td>
                      <Link to={`/admin/merge/people?a=${pair.a.id}&b=${pair.b.id}`} aria-label={t("merge.reviewLabel", { a: pair.a.email, b: pair.b.email })}>
                        {t("merge.review")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="dup-accounts">
        <h2 id="dup-accounts">{t("merge.accounts")}</h2>
        {accounts.length === 0 ? (
          <p className="empty">{t("merge.noAccounts")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <tbody>
                {accounts.map((pair) => (
                  <tr key={`${pair.a.id}-${pair.b.id}`}>
                    <td>{pair.a.name}</td>
                    <td>{pair.b.name}</td>
                    <td className="muted">{t(`merge.why.${pair.why}`)}</td>
                    <td>
                      <Link to={`/admin/merge/accounts?a=${pair.a.id}&b=${pair.b.id}`} aria-label={t("merge.reviewLabel", { a: pair.a.name, b: pair.b.name })}>
                        {t("merge.review")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card stack section" aria-labelledby="manual-merge">
        <h2 id="manual-merge">{t("merge.manual")}</h2>
        {(["people", "accounts"] as const).map((kind) => (
          <Form key={kind} method="get" action={`/admin/merge/${kind}`} className="stack">
            <p className="field__label">{t(kind === "people" ? "merge.manualPeople" : "merge.manualAccounts")}</p>
            <div className="inline-fields">
              <label>
                <span className="visually-hidden">{t("merge.first")}</span>
                <input name="a" className="field__input" placeholder={t("merge.first")} required maxLength={254} />
              </label>
              <label>
                <span className="visually-hidden">{t("merge.second")}</span>
                <input name="b" className="field__input" placeholder={t("merge.second")} required maxLength={254} />
              </label>
              <button type="submit" className="button button--secondary">
                {t("merge.compare")}
              </button>
            </div>
          </Form>
        ))}
      </section>
    </>
  );
}
