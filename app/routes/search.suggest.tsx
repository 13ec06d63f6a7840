// Resource route: the header search box's suggestions as someone types (JSON). The same search as
// the results page, for the same viewer: nobody is offered something they may not open.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/auth/session.server";
import { searchViewerFor, suggest } from "~/search/search.server";
import type { SearchHit } from "~/search/model";

export type Suggestion = Pick<SearchHit, "id" | "type" | "url" | "title" | "titleHtml">;
export type SuggestResponse = { query: string; suggestions: Suggestion[] };

export async function loader({ request }: LoaderFunctionArgs) {
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const user = await getOptionalUser(request);
  const hits = query.trim() ? await suggest(query, await searchViewerFor(user)) : [];
  const body: SuggestResponse = { query, suggestions: hits.map(({ id, type, url, title, titleHtml }) => ({ id, type, url, title, titleHtml })) };
  // Depends on who asks (members see more), so never shared by a cache.
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
