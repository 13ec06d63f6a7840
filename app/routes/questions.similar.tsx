// Resource route: questions whose titles look like the one being typed on the ask page (JSON).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { similarQuerySchema } from "~/qa/forms.server";
import { SIMILAR_MIN_CHARS } from "~/qa/ui";
import { findSimilarQuestions, type SimilarQuestion } from "~/search/search.server";

export type { SimilarQuestion };

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = similarQuerySchema.safeParse({ title: new URL(request.url).searchParams.get("title") ?? undefined });
  if (!parsed.success) return Response.json({ error: "title must be at most 150 characters" }, { status: 400 });
  const questions: SimilarQuestion[] = parsed.data.title.length < SIMILAR_MIN_CHARS ? [] : await findSimilarQuestions(parsed.data.title);
  // Titles of visible questions are public; nothing personal is in here, but it changes with every ask.
  return Response.json({ questions }, { headers: { "Cache-Control": "no-store" } });
}
