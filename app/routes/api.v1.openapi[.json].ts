import { apiJson } from "~/api/errors.server";
import { openApiDocument } from "~/api/openapi";

/** The API's description, public like any API reference. */
export const loader = () => apiJson(openApiDocument, 200, { "Cache-Control": "public, max-age=300" });
