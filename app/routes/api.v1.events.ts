import { apiJson } from "~/api/errors.server";
import { ingestEvents } from "~/api/events.server";
import { apiRoute, methodNotAllowed, readJsonBody } from "~/api/handler.server";

export const action = apiRoute("POST", "events:write", async ({ request }) => apiJson(await ingestEvents(await readJsonBody(request))));

export const loader = () => methodNotAllowed("POST");
