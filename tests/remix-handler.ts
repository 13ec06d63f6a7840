// Remix's own request handler over the app's real route modules (the same flat-routes manifest
// the compiler builds), for tests that should go through routing, loaders/actions and responses
// exactly as a deployed server does, without a production build.
import path from "node:path";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";

const APP_DIR = path.resolve("app");

/** A handler serving the routes whose id passes `include` (e.g. the /api/v1 resource routes). */
export async function createTestRequestHandler(include: (routeId: string) => boolean) {
  const manifest = flatRoutes(APP_DIR, ["**/.*", "**/*.test.{ts,tsx}"]);
  const routes: ServerBuild["routes"] = {
    root: { id: "root", path: "", module: await import("~/root") } as ServerBuild["routes"][string],
  };
  for (const route of Object.values(manifest)) {
    if (!include(route.id)) continue;
    const module = await import(/* @vite-ignore */ path.join(APP_DIR, route.file));
    routes[route.id] = { id: route.id, parentId: route.parentId, path: route.path, index: route.index, caseSensitive: route.caseSensitive, module };
  }
  const build = {
    mode: "production",
    entry: { module: await import("~/entry.server") },
    routes,
    assets: { entry: { module: "/build/entry.js", imports: [] }, routes: {}, url: "/build/manifest.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
  const handle = createRequestHandler(build, "production");
  return (request: Request) => handle(request, { clientIp: "127.0.0.1" });
}
