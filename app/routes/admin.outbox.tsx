import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { db } from "~/db.server";
import { useTranslation } from "~/i18n/use-translation";
import { formatDateTime } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Outbox · Admin · Kizuna" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const emails = await db.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, to: true, subject: true, text: true, transport: true, sentAt: true, error: true, createdAt: true },
  });
  return { emails };
}

export default function OutboxPage() {
  const { emails } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <>
      <h1>{t("admin.outbox")}</h1>
      <p className="lead">{t("admin.outbox.lead")}</p>
      {emails.length === 0 ? <p className="empty">{t("admin.outbox.empty")}</p> : null}
      <ul className="outbox">
        {emails.map((email) => (
          <li key={email.id} className="card outbox__item">
            <details>
              <summary>
                <strong>{email.subject}</strong>
                <span className="muted">
                  {" "}
                  → {email.to} · {formatDateTime(email.createdAt, locale)} · {email.transport}
                  {email.error ? ` · ${email.error}` : ""}
                </span>
              </summary>
              <pre className="outbox__body">{email.text}</pre>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
