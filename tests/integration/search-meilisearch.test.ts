// The search contract on a real Meilisearch server (MEILI_HOST when the test run is given one,
// otherwise the pinned local binary), plus what only Meilisearch does: typo tolerance, and falling
// back to the embedded index with a log line when it stops answering.
import { randomUUID } from "node:crypto";
import { startMeilisearch, type RunningMeilisearch } from "../../scripts/lib/local-meilisearch";
import { defineSearchContract } from "./search-contract";
import { configureMeilisearch, meiliConfig } from "~/search/backends.server";
import { flushIndexing } from "~/search/indexing.server";
import { MeiliIndex } from "~/search/meili.server";
import { NO_FILTERS } from "~/search/model";
import { findSimilarQuestions, search } from "~/search/search.server";

let server: RunningMeilisearch;
const indexUid = `kizuna_test_${randomUUID().replaceAll("-", "")}`;

defineSearchContract("meilisearch", {
  async beforeAll() {
    server = await startMeilisearch(process.env.TEST_MEILI_HOST);
    configureMeilisearch({ host: server.host, apiKey: server.apiKey, indexUid });
  },
  async afterAll() {
    const config = meiliConfig();
    if (config) await new MeiliIndex(config).deleteIndex();
    configureMeilisearch(null);
    await server.stop();
  },
});

describe("Meilisearch only", () => {
  it("forgives a typo", async () => {
    const results = await search({ query: "onbaording", filters: NO_FILTERS, page: 1 }, null);
    expect(results.backend).toBe("meilisearch");
    expect(results.hits.map((hit) => hit.id)).toContain("article:en/onboarding-checklist");
  });

  it("finds similar questions", async () => {
    expect((await findSimilarQuestions("分科会の進め方が知りたい")).map((q) => q.title)).toContain("分科会の進め方を教えてください");
    expect(await findSimilarQuestions("これは？")).toEqual([]);
  });

  it("falls back to the embedded index with one log line when Meilisearch is down", async () => {
    const config = meiliConfig()!;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      // Nothing listens on port 9 of the loopback address.
      configureMeilisearch({ ...config, host: "http://127.0.0.1:9" });
      const first = await search({ query: "スコアリング", filters: NO_FILTERS, page: 1 }, null);
      const second = await search({ query: "分科会", filters: NO_FILTERS, page: 1 }, null);
      expect(first.backend).toBe("embedded");
      expect(first.hits[0]?.id).toBe("article:ja/scoring-basics");
      expect(second.backend).toBe("embedded");
      expect(second.hits.length).toBeGreaterThan(0);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/^search: Meilisearch at http:\/\/127\.0\.0\.1:9 is unavailable \(.+\); searching the embedded index meanwhile/);
    } finally {
      warn.mockRestore();
      configureMeilisearch(config);
    }
    await flushIndexing();
    expect((await search({ query: "スコアリング", filters: NO_FILTERS, page: 1 }, null)).backend).toBe("meilisearch");
  });
});
