// Receives the video player's watch reports (JSON) for one article. Resource route: no UI.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getOptionalUser } from "~/auth/session.server";
import { getCatalog } from "~/content/catalog.server";
import { reportVideoWatch, viewerFor } from "~/content/learning.server";
import { findArticle } from "~/content/pages.server";
import { MAX_RANGES_PER_REPORT } from "~/content/video-progress";
import { canOpen } from "~/content/visibility";

const reportSchema = z.object({
  ranges: z.array(z.tuple([z.number(), z.number()])).max(MAX_RANGES_PER_REPORT),
});

/** Resource routes answer with plain Responses: their status must reach the client as is. */
function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });
}

export async function loader() {
  return json({ error: 'Use POST with {"ranges": [[start, end], …]}' }, 405, { Allow: "POST" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: "Use POST" }, 405, { Allow: "POST" });
  const user = await getOptionalUser(request);
  if (!user) return json({ error: "Sign in to record watching" }, 401);
  const article = findArticle(getCatalog(), params.locale, params.slug);
  if (!canOpen(article.visibility, await viewerFor(user))) return json({ error: "Forbidden" }, 403);

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ error: "Body must be JSON" }, 400);
  }
  const parsed = reportSchema.safeParse(body);
  if (!parsed.success) return json({ error: 'Expected {"ranges": [[start, end], …]} in seconds' }, 400);

  const result = await reportVideoWatch(user, article, parsed.data.ranges);
  if (result.ok) return json({ percent: result.percent, completed: result.completed });
  const status = result.reason === "implausible" ? 422 : result.reason === "no-video" ? 404 : 400;
  return json({ error: `Report refused: ${result.reason}` }, status);
}
