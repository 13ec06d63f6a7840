// What the staff account page needs from scoring, and its scoring forms (alerts, stage override),
// so the route stays a thin shell. Callers have checked requireRole(request, "cs").
import { z } from "zod";
import { acknowledgeAlert, listAccountAlerts, resolveAlert } from "~/alerts/alerts.server";
import type { SessionUser } from "~/auth/session.server";
import type { Translate } from "~/i18n/messages";
import { lifecyclePanelData, overrideStage, stageName, getStages } from "~/lifecycle/stages.server";
import { db } from "~/db.server";
import { forbidden } from "~/workspace/access.server";
import { mayActOnAlert } from "~/workspace/alerts-inbox.server";
import { redirectWithToast } from "~/utils/toast.server";
import { formFailure } from "~/utils/validation.server";
import { getAccountHealth, getMemberEngagement } from "./read.server";

export const SCORING_INTENTS = ["alert-acknowledge", "alert-resolve", "stage-override"] as const;

export function isScoringIntent(intent: unknown): intent is (typeof SCORING_INTENTS)[number] {
  return typeof intent === "string" && (SCORING_INTENTS as readonly string[]).includes(intent);
}

export async function loadAccountScoring(account: { id: string; lifecycleStage: string; memberIds: string[] }) {
  const [health, alerts, engagement, lifecycle] = await Promise.all([
    getAccountHealth(account.id),
    listAccountAlerts(account.id),
    getMemberEngagement(account.memberIds),
    lifecyclePanelData(account.id, account.lifecycleStage),
  ]);
  return { health, alerts, engagement: Object.fromEntries(engagement), lifecycle };
}

const alertSchema = z.object({
  intent: z.enum(["alert-acknowledge", "alert-resolve"]),
  alertId: z.string().trim().min(1).max(40),
  note: z.string().max(1000).default(""),
});


/** Handles one of the page's scoring forms: a redirect with a toast, or a 4xx with the form's errors. */
export async function handleAccountScoringAction(formData: FormData, input: { staff: SessionUser; accountId: string; t: Translate; locale: "ja" | "en" }) {
  const { staff, accountId, t } = input;
  const page = `/workspace/accounts/${accountId}`;
  const values = Object.fromEntries([...formData].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 1000)]));

  if (formData.get("intent") === "stage-override") {
    const stage = String(formData.get("stage") ?? "").trim().slice(0, 40);
    const reason = String(formData.get("reason") ?? "").trim();
    if (reason.length > 500) return formFailure({ errors: { reason: t("error.tooLong", { max: 500 }) }, values }, 400);
    const result = await overrideStage({ accountId, to: stage, reason, actorId: staff.id });
    if (!result.ok) {
      const errors: Record<string, string> =
        result.error === "reasonRequired"
          ? { reason: t("lifecycle.override.reasonRequired") }
          : result.error === "sameStage"
            ? { stage: t("lifecycle.override.sameStage") }
            : { stage: t("lifecycle.error.unknownStage") };
      return formFailure({ errors, values }, result.error === "notFound" ? 404 : 400);
    }
    const stages = await getStages();
    return redirectWithToast(page, { type: "success", key: "lifecycle.override.done", params: { stage: stageName(stages, stage, input.locale) } });
  }

  const parsed = alertSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) throw new Response("The form could not be read", { status: 400 });
  const { intent, alertId, note } = parsed.data;
  // Only the person the alert is assigned to, or an admin, may act on it (README: workspace access).
  const owner = await db.healthAlert.findFirst({ where: { id: alertId, accountId }, select: { ownerId: true } });
  if (owner && !mayActOnAlert(staff, owner)) throw forbidden();
  const result =
    intent === "alert-acknowledge"
      ? await acknowledgeAlert({ alertId, accountId, actorId: staff.id, note })
      : await resolveAlert({ alertId, accountId, actorId: staff.id, note });
  if (!result.ok) {
    const status = result.error === "notFound" ? 404 : result.error === "alreadyResolved" ? 409 : 400;
    return formFailure({ errors: { [`alert:${alertId}`]: t(`alerts.error.${result.error}`) }, values }, status);
  }
  return redirectWithToast(`${page}#alerts`, { type: "success", key: intent === "alert-acknowledge" ? "alerts.done.acknowledged" : "alerts.done.resolved" });
}
