import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP as the HTTP server saw it (set in server.mjs). */
    clientIp: string;
  }
  // Turns on single-fetch types, so loaders and actions returning data() infer correctly.
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
