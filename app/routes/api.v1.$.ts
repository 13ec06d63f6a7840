import { ApiError, apiErrorResponse } from "~/api/errors.server";

// Unknown paths under /api/v1 answer in the API's error shape, not with the HTML 404 page.
const notFound = () => apiErrorResponse(new ApiError("not_found", "There is no such endpoint. The API is described at /api/v1/openapi.json."));

export const loader = notFound;
export const action = notFound;
