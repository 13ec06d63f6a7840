import { listAccountsForApi } from "~/api/accounts.server";
import { apiJson } from "~/api/errors.server";
import { apiRoute, methodNotAllowed } from "~/api/handler.server";

export const loader = apiRoute("GET", "accounts:read", async ({ request }) => apiJson(await listAccountsForApi(new URL(request.url).searchParams)));

export const action = () => methodNotAllowed("GET");
