// Production (and test) HTTP server: Express in front of the Remix request handler. We run our
// own server instead of remix-serve for two things Remix routes cannot do on their own:
// refusing cross-origin state changes before any action runs, and knowing the client's IP.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, installGlobals } from "@remix-run/node";
import express from "express";
import { isAllowedStateChange } from "./app/security/same-origin.js";

installGlobals({ nativeFetch: true });

const BUILD_PATH = path.resolve("build/index.js");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";

const build = await import(pathToFileURL(BUILD_PATH).href);
const app = express();

app.disable("x-powered-by");
// Behind a load balancer, TRUST_PROXY=1 makes req.ip the client's address, not the proxy's.
if (process.env.TRUST_PROXY) app.set("trust proxy", Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY);

app.use((req, res, next) => {
  res.set({
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
  });
  next();
});

app.use((req, res, next) => {
  const allowed = isAllowedStateChange({
    method: req.method,
    path: req.path,
    host: req.get("host"),
    origin: req.get("origin"),
    referer: req.get("referer"),
    appUrl: process.env.APP_URL,
  });
  if (allowed) return next();
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("403 Forbidden: this request came from another site and was rejected.\n外部サイトからのリクエストのため拒否しました。\n");
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
// Images and videos of the learning content, straight from content/media (range requests
// included, so video seeking works).
app.use("/content-media", express.static("content/media", { maxAge: "1h", fallthrough: false }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req) => ({ clientIp: req.ip ?? "unknown" }),
  }),
);

// The database connection must have its pragmas before the first request.
await build.entry.module.dbReady;

app.listen(port, host, () => {
  const shown = host === "0.0.0.0" ? "localhost" : host;
  console.log(`Kizuna is listening on http://${shown}:${port}`);
  build.entry.module.startScoringScheduler?.();
  // Under `remix dev` the dev server restarts us on every rebuild and waits for this signal.
  if (process.env.NODE_ENV === "development") broadcastDevReady(build);
  // Webhook delivery and periodic checks (off under NODE_ENV=test unless BACKGROUND_JOBS=on).
  build.entry.module.startBackgroundJobs();
});
