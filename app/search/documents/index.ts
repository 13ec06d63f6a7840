// Every kind of document search knows. Adding a kind: write its source beside these (see
// ./source.ts), add its type to DOC_TYPES in ../model.ts and one line here.
import type { DocType } from "../model";
import { articleSource } from "./articles.server";
import { championSource } from "./champions.server";
import { groupSource } from "./groups.server";
import { questionSource } from "./questions.server";
import type { DocumentSource, SearchViewer } from "./source";

export const SOURCES: Record<DocType, DocumentSource> = {
  article: articleSource,
  question: questionSource,
  group: groupSource,
  champion: championSource,
};

export type { DocumentSource, SearchViewer };
