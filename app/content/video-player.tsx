// The article video. It reports the time ranges actually played (never "I am done") to the
// server, which decides what counts; see video-progress.ts for the rules.
import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";

export type VideoPlayerProps = {
  src: string;
  title: string;
  reportUrl: string;
  /** Signed-in people get progress tracking; visitors just watch. */
  tracked: boolean;
  initialPercent: number;
  completed: boolean;
};

const REPORT_EVERY_MS = 5_000;

export function VideoPlayer({ src, title, reportUrl, tracked, initialPercent, completed: initiallyCompleted }: VideoPlayerProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLVideoElement>(null);
  const [percent, setPercent] = useState(initialPercent);
  const [completed, setCompleted] = useState(initiallyCompleted);
  const revalidator = useRevalidator();

  useEffect(() => {
    const video = ref.current;
    if (!video || !tracked) return;
    let ranges: Array<[number, number]> = [];
    let segmentStart: number | null = null;
    let lastTime = video.currentTime;
    let sending = Promise.resolve();

    const closeSegment = (end: number) => {
      if (segmentStart !== null && end > segmentStart) ranges.push([segmentStart, end]);
      segmentStart = null;
    };
    const send = (played: Array<[number, number]>) => {
      sending = sending.then(async () => {
        try {
          const response = await fetch(reportUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ ranges: played }),
          });
          if (!response.ok) return;
          const result = (await response.json()) as { percent: number; completed: boolean };
          setPercent(result.percent);
          if (result.completed) {
            setCompleted((was) => {
              if (!was) revalidator.revalidate();
              return true;
            });
          }
        } catch {
          // Offline for a moment: this stretch is not credited, playback goes on.
        }
      });
    };
    const flush = () => {
      if (!video.paused) {
        closeSegment(video.currentTime);
        segmentStart = video.currentTime;
      }
      const played = ranges;
      ranges = [];
      if (played.length) send(played);
    };

    const onPlay = () => {
      segmentStart = video.currentTime;
      lastTime = video.currentTime;
      send([]); // opens the server's clock for this stretch of viewing
    };
    const onTimeUpdate = () => {
      const now = video.currentTime;
      // A jump further than playback could move means the viewer sought: end the segment there.
      if (segmentStart !== null && Math.abs(now - lastTime) > 1.5 * Math.max(1, video.playbackRate) + 0.5) {
        closeSegment(lastTime);
        segmentStart = now;
      }
      lastTime = now;
    };
    const onStop = () => {
      closeSegment(lastTime);
      flush();
    };
    const timer = window.setInterval(flush, REPORT_EVERY_MS);
    video.addEventListener("play", onPlay);
    video.addEventListener("timeupdate", onTimeUpdate);
    video.addEventListener("pause", onStop);
    video.addEventListener("ended", onStop);
    return () => {
      window.clearInterval(timer);
      video.removeEventListener("play", onPlay);
      video.removeEventListener("timeupdate", onTimeUpdate);
      video.removeEventListener("pause", onStop);
      video.removeEventListener("ended", onStop);
    };
    // revalidator changes identity on every render; the listeners only need the latest URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reportUrl, tracked]);

  return (
    <figure className="video">
      <video ref={ref} src={src} controls preload="metadata" playsInline aria-label={title}>
        {t("article.videoUnsupported")}
      </video>
      {tracked ? (
        <figcaption className="video__status" role="status">
          {completed ? t("article.videoDone") : t("article.videoProgress", { percent })}
        </figcaption>
      ) : null}
    </figure>
  );
}
