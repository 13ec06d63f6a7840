import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { FormError } from "~/components/form";
import { getTranslator } from "~/i18n/i18n.server";
import type { MessageKey } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { findAccountId, findPersonId } from "~/imports/merge-lookup.server";
import { accountHistory, mergeAccounts, mergePeople, personHistory, type MergeRefusal } from "~/imports/merge.server";
import styles from "~/styles/integrations.css";
import { formatNumber } from "~/utils/format";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure, readFormData } from "~/utils/validation.server";

export const meta: MetaFunction = () => [{ title: "Merge · Admin · Kizuna" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

type Kind = "people" | "accounts";

function kindOf(value: string | undefined): Kind {
  if (value === "people" || value === "accounts") return value;
  throw new Response("Not found", { status: 404 });
}

async function side(kind: Kind, value: string) {
  if (kind === "people") {
    const id = await findPersonId(value);
    const person = id ? await personHistory(id) : null;
    return person ? { id: person.id, title: person.name, subtitle: `${person.email}${person.account ? ` · ${person.account.name}` : ""}`, counts: person.counts } : null;
  }
  const id = await findAccountId(value);
  const account = id ? await accountHistory(id) : null;
  return account ? { id: account.id, title: account.name, subtitle: account.domains.join(", "), counts: account.counts } : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const kind = kindOf(params.kind);
  const url = new URL(request.url);
  const [a, b] = await Promise.all([side(kind, url.searchParams.get("a") ?? ""), side(kind, url.searchParams.get("b") ?? "")]);
  return { kind, a, b };
}

const REFUSALS: Record<MergeRefusal, { key: MessageKey; status: number }> = {
  "not-found": { key: "merge.notFound", status: 404 },
  same: { key: "merge.reason.same", status: 422 },
  staff: { key: "merge.reason.staff", status: 422 },
  "different-accounts": { key: "merge.reason.differentAccounts", status: 422 },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const { t } = await getTranslator(request, admin.locale);
  const kind = kindOf(params.kind);
  const formData = await readFormData(request);
  const keep = String(formData.get("keep") ?? "");
  const remove = String(formData.get("remove") ?? "");
  const [kept, removed] = await Promise.all([side(kind, keep), side(kind, remove)]);
  const result = kind === "people" ? await mergePeople(keep, remove, admin.id) : await mergeAccounts(keep, remove, admin.id);
  if (!result.ok) {
    const refusal = REFUSALS[result.reason];
    return formFailure({ formError: t(refusal.key) }, refusal.status);
  }
  return redirectWithToast("/admin/merge", { type: "success", key: "merge.done", params: { kept: kept?.title ?? keep, removed: removed?.subtitle || removed?.title || remove } });
}

export default function MergeReviewPage() {
  const { kind, a, b } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const counts = (record: NonNullable<typeof a>) => Object.entries(record.counts) as Array<[string, number]>;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/merge">{t("merge.title")}</Link>
      </p>
      <h1>{t("merge.reviewTitle", { kind: t(`merge.kind.${kind}`) })}</h1>
      <p className="lead">{t("merge.lead")}</p>
      <FormError message={actionData?.formError} />
      {!a || !b ? (
        <p className="alert alert--error" role="alert">
          {t("merge.notFound")}
        </p>
      ) : (
        <div className="merge-pair section">
          {[
            [a, b],
            [b, a],
          ].map(([keep, remove]) => (
            <section key={keep!.id} className="card stack" aria-label={keep!.title}>
              <h2>{keep!.title}</h2>
              <p className="muted break-anywhere">{keep!.subtitle}</p>
              <h3>{t("merge.history")}</h3>
              <dl className="facts">
                {counts(keep!).map(([name, value]) => (
                  <div key={name}>
                    <dt>{t(`merge.count.${name}` as MessageKey)}</dt>
                    <dd>{formatNumber(value, locale)}</dd>
                  </div>
                ))}
              </dl>
              <Form method="post">
                <input type="hidden" name="keep" value={keep!.id} />
                <input type="hidden" name="remove" value={remove!.id} />
                <button type="submit" className="button button--primary" disabled={busy}>
                  {t("merge.confirm", { kept: keep!.title, removed: remove!.subtitle || remove!.title })}
                </button>
              </Form>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
