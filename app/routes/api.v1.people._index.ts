import { apiJson } from "~/api/errors.server";
import { apiRoute, methodNotAllowed, readJsonBody } from "~/api/handler.server";
import { upsertPeopleBatch } from "~/api/people.server";

export const action = apiRoute("POST", "people:write", async ({ request }) => apiJson(await upsertPeopleBatch(await readJsonBody(request))));

export const loader = () => methodNotAllowed("POST");
