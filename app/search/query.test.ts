import { ftsExpression, indexable, isSimilar, parseQuery, similarityPieces } from "./query";

describe("parseQuery", () => {
  it("normalises width and case and splits on spaces and punctuation", () => {
    const parsed = parseQuery("  ＣＳＶ　Import, lead-scoring!  ");
    expect(parsed.terms).toEqual(["csv", "import", "lead", "scoring"]);
    expect(parsed.text).toBe("csv import lead scoring");
    expect(parsed.japanese).toBe(false);
  });

  it("reads Japanese strictly as typed, and relaxed into words without particles", () => {
    const parsed = parseQuery("スコアの減衰設定");
    expect(parsed.japanese).toBe(true);
    expect(parsed.terms).toEqual(["スコアの減衰設定"]);
    expect(parsed.relaxed).toEqual(["スコア", "減衰設定"]);
    // All-hiragana words are kept whole: they are the word, not a particle.
    expect(parseQuery("わかりやすい").relaxed).toEqual(["わかりやすい"]);
    expect(parseQuery("分科会").relaxed).toEqual(["分科会"]);
  });

  it("turns FTS syntax into plain words and drops what is not a word", () => {
    const parsed = parseQuery('"lead" NEAR(score) * -decay ^title: (a OR b)');
    expect(parsed.terms).toEqual(["lead", "near", "score", "decay", "title", "a", "or", "b"]);
    expect(ftsExpression(indexable(parsed.terms), "AND")).toBe('"lead" AND "near" AND "score" AND "decay" AND "title"');
    expect(parseQuery("*** --- ((( ))) ^^^ :::").terms).toEqual([]);
    expect(parseQuery("").terms).toEqual([]);
  });

  it("cuts very long input to a bounded number of bounded terms", () => {
    const parsed = parseQuery("スコアリング ".repeat(400) + "x".repeat(2000));
    expect(parsed.terms.length).toBeLessThanOrEqual(10);
    expect(parsed.text.length).toBeLessThanOrEqual(200);
    expect(parseQuery("a".repeat(2000)).terms[0]!.length).toBeLessThanOrEqual(60);
  });

  it("quotes every term for FTS5", () => {
    expect(ftsExpression(['say "hi"', "x"], "OR")).toBe('"say ""hi""" OR "x"');
  });
});

describe("similarityPieces", () => {
  it("cuts Japanese into three-character windows, leaving out pure hiragana", () => {
    const pieces = similarityPieces("メールの開封率が下がったときに見直すことは？");
    expect(pieces).toEqual(expect.arrayContaining(["メール", "開封率", "封率が", "直すこ"]));
    for (const piece of pieces) expect(piece).not.toMatch(/^[\p{Script=Hiragana}]+$/u);
    expect(pieces).not.toContain("ったと");
  });

  it("keeps English words of three letters or more, lower-cased, without stop words", () => {
    expect(similarityPieces("How do I set up Lead Score decay?")).toEqual(["set", "lead", "score", "decay"]);
    expect(similarityPieces("What is the best way to import a CSV?")).toEqual(["best", "way", "import", "csv"]);
  });

  it("reads full-width letters as ordinary ones and mixes both scripts", () => {
    expect(similarityPieces("ＣＳＶインポート")).toEqual(expect.arrayContaining(["csv", "インポ", "ポート"]));
  });

  it("gives nothing to compare in particles, punctuation or very short words", () => {
    expect(similarityPieces("これは？")).toEqual([]);
    expect(similarityPieces("a to of")).toEqual([]);
    expect(similarityPieces("？！")).toEqual([]);
  });

  it("stops at twenty-four pieces, spread over the whole title", () => {
    const pieces = similarityPieces("リードスコアリングとナーチャリングメールとセールスアラートとウェビナー集客の設計と運用");
    expect(pieces.length).toBe(24);
    expect(pieces).toContain("リード");
    expect(pieces.some((p) => p.includes("運用"))).toBe(true);
  });

  it("calls titles similar when they share two pieces", () => {
    const pieces = similarityPieces("開封率が低下した時のチェックポイント");
    expect(isSimilar("メールの開封率が下がったときに見直すことは？", pieces)).toBe(true);
    expect(isSimilar("展示会の名刺データを取り込む手順", pieces)).toBe(false);
    expect(isSimilar("anything", [])).toBe(false);
  });
});
