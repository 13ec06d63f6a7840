// Layout of the Q&A area: brings in its styles (and Learn's tags and cards); each page renders inside.
import type { LinksFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import learnStyles from "~/styles/learn.css";
import qaStyles from "~/styles/qa.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: learnStyles },
  { rel: "stylesheet", href: qaStyles },
];

export default function QuestionsLayout() {
  return <Outlet />;
}
