import { apiJson } from "~/api/errors.server";
import { apiRoute, methodNotAllowed, readJsonBody } from "~/api/handler.server";
import { putPerson } from "~/api/people.server";

export const action = apiRoute("PUT", "people:write", async ({ request, params }) => {
  const result = await putPerson(params.email ?? "", await readJsonBody(request));
  return apiJson(result.person, result.status === "created" ? 201 : 200);
});

export const loader = () => methodNotAllowed("PUT");
