import { apiJson } from "~/api/errors.server";
import { apiRoute, methodNotAllowed, readJsonBody } from "~/api/handler.server";
import { ingestUsage } from "~/api/usage.server";

export const action = apiRoute("POST", "usage:write", async ({ request }) => apiJson(await ingestUsage(await readJsonBody(request))));

export const loader = () => methodNotAllowed("POST");
