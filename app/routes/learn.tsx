// Layout of the Learn area: brings in its styles; each page renders inside.
import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import learnStyles from "~/styles/learn.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: learnStyles }];

export default function LearnLayout() {
  return <Outlet />;
}
