// Layout of the study-group area: brings in its styles (and Learn's cards and badges).
import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import groupStyles from "~/styles/groups.css";
import learnStyles from "~/styles/learn.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: learnStyles },
  { rel: "stylesheet", href: groupStyles },
];

export default function GroupsLayout() {
  return <Outlet />;
}
