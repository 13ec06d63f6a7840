// Content fixtures without a database, for tests of the pure Learn rules.
import type { ArticleMeta } from "~/content/model";

/** Article metadata as the content build would produce it, for tests of the Learn rules. */
export function articleMeta(overrides: Partial<ArticleMeta> & { slug: string }): ArticleMeta {
  const locale = overrides.locale ?? "en";
  return {
    id: `${locale}/${overrides.slug}`,
    locale,
    title: overrides.slug,
    summary: `About ${overrides.slug}`,
    tier: "beginner",
    kind: "how-to",
    topics: ["onboarding-basics"],
    phase: "onboarding",
    translationKey: null,
    minutes: 5,
    visibility: "public",
    published: "2026-01-01",
    video: null,
    videoInBody: false,
    toc: [],
    hash: "h",
    ...overrides,
  };
}
