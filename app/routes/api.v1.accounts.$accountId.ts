import { getAccountForApi } from "~/api/accounts.server";
import { apiJson } from "~/api/errors.server";
import { apiRoute, methodNotAllowed } from "~/api/handler.server";

export const loader = apiRoute("GET", "accounts:read", async ({ params }) => apiJson(await getAccountForApi(params.accountId ?? "")));

export const action = () => methodNotAllowed("GET");
