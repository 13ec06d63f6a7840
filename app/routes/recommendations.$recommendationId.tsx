// A member opens or dismisses a recommendation their CS contact sent them (shown on their home
// page). Opening is recorded and leads to the article; only the recipient can do either.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readFormData } from "~/utils/validation.server";
import { answerContentRecommendation } from "~/workspace/recommendations.server";

export function loader() {
  return redirect("/");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const intent = (await readFormData(request)).get("intent");
  if (intent !== "open" && intent !== "dismiss") throw new Response("Unknown action", { status: 400 });
  const result = await answerContentRecommendation(user, params.recommendationId ?? "", intent === "open");
  if (!result.ok) throw new Response("Recommendation not found", { status: 404 });
  if (intent === "open") return redirect(result.href);
  return redirectWithToast("/", { type: "info", key: "workspace.home.dismissed" });
}
