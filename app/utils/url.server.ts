import { env } from "~/env.server";

/** Base for links in emails: APP_URL when configured (behind a proxy), else this request's origin. */
export function appBaseUrl(request: Request): string {
  return (env.APP_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}

/** Base for links in emails sent without a request (background jobs, scripts): APP_URL, or this server locally. */
export function configuredBaseUrl(): string {
  return (env.APP_URL ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}
