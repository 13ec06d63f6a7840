// The components articles use without importing (names listed in mdx-component-names.ts).
import { createContext, useContext, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { MDX_COMPONENT_NAMES } from "./mdx-component-names";
import { VideoPlayer, type VideoPlayerProps } from "./video-player";

type CalloutType = "note" | "tip" | "warning";

function Callout({ type = "note", title, children }: { type?: CalloutType; title?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const kind: CalloutType = type === "tip" || type === "warning" ? type : "note";
  return (
    <aside className={`callout callout--${kind}`}>
      <p className="callout__title">{title ?? t(`mdx.${kind}`)}</p>
      <div className="callout__body">{children}</div>
    </aside>
  );
}

function Steps({ children }: { children: ReactNode }) {
  return <ol className="steps">{children}</ol>;
}

function Step({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <li className="steps__item">
      <p className="steps__title">{title}</p>
      {children ? <div className="steps__body">{children}</div> : null}
    </li>
  );
}

function KeyTakeaways({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <aside className="takeaways" aria-label={t("mdx.takeaways")}>
      <p className="takeaways__title">{t("mdx.takeaways")}</p>
      {children}
    </aside>
  );
}

/** The article's own video (from front matter), placed where the author wrote <Video />. */
export const ArticleVideoContext = createContext<VideoPlayerProps | null>(null);

function Video() {
  const video = useContext(ArticleVideoContext);
  return video ? <VideoPlayer {...video} /> : null;
}

export const mdxComponents = { Callout, Steps, Step, KeyTakeaways, Video } satisfies Record<
  (typeof MDX_COMPONENT_NAMES)[number],
  unknown
>;
