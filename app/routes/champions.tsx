// Layout of the champion area: brings in its styles (and Learn's cards, tags and filters).
import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import championStyles from "~/styles/champions.css";
import learnStyles from "~/styles/learn.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: learnStyles },
  { rel: "stylesheet", href: championStyles },
];

export default function ChampionsLayout() {
  return <Outlet />;
}
