// Layout of the CS workspace: brings in its styles and the chart styles. Every child route checks
// on its own that the person is staff (app/workspace/access.server.ts).
import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import chartStyles from "~/styles/charts.css";
import workspaceStyles from "~/styles/workspace.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chartStyles },
  { rel: "stylesheet", href: workspaceStyles },
];

export default function WorkspaceLayout() {
  return <Outlet />;
}
