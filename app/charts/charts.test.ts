import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { barPercent, ComponentBars } from "./component-bars";
import { FunnelChart, funnelRows } from "./funnel-chart";
import { LINE_CHART_SIZE, LineChart } from "./line-chart";
import { indexScale, labelIndexes, linePath, linearScale, niceMax, ticks } from "./scale";
import { Sparkline } from "./sparkline";

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe("scales", () => {
  it("maps a domain onto a range, inverted for SVG's downward y, and clamps", () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
    expect(y(140)).toBe(0);
    expect(y(-5)).toBe(200);
  });

  it("puts a zero-width domain in the middle instead of dividing by zero", () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });

  it("spreads points evenly from edge to edge; a single point is centred", () => {
    const x = indexScale(5, [0, 100]);
    expect([0, 1, 2, 3, 4].map(x)).toEqual([0, 25, 50, 75, 100]);
    expect(indexScale(1, [0, 100])(0)).toBe(50);
  });

  it("rounds axis maxima up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(26)).toBe(50);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(101)).toBe(200);
    expect(niceMax(0.3)).toBe(0.5);
  });

  it("makes evenly spaced ticks including both ends", () => {
    expect(ticks([0, 100], 4)).toEqual([0, 25, 50, 75, 100]);
    expect(ticks([0, 25], 5)).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it("draws a path that lifts the pen over missing values", () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 20 }, null, { x: 15, y: 5 }, { x: 20, y: 0 }])).toBe("M0 10L5 20M15 5L20 0");
    expect(linePath([null, null])).toBe("");
  });

  it("labels the first and last x positions and spreads the rest", () => {
    expect(labelIndexes(90, 7)).toEqual([0, 15, 30, 45, 59, 74, 89]);
    expect(labelIndexes(3, 7)).toEqual([0, 1, 2]);
    expect(labelIndexes(0, 7)).toEqual([]);
  });
});

describe("LineChart", () => {
  const days = Array.from({ length: 90 }, (_, i) => `d${i + 1}`);
  const render = (props: Partial<Parameters<typeof LineChart>[0]> = {}) =>
    renderToStaticMarkup(
      createElement(LineChart, {
        title: "活動の推移",
        description: "過去90日の1日あたりのイベント数",
        xLabels: days,
        xTitle: "日付",
        series: [
          { id: "events", label: "イベント", values: days.map((_, i) => i % 10) },
          { id: "people", label: "People", values: days.map((_, i) => (i % 3 === 0 ? null : 2)) },
        ],
        ...props,
      }),
    );

  it("renders one marker per known value, per series", () => {
    const html = render();
    expect(count(html, /data-series="events"/g)).toBe(90);
    expect(count(html, /data-series="people"/g)).toBe(60);
  });

  it("has a fixed viewBox, an accessible name and description, and a data table", () => {
    const html = render();
    expect(html).toContain(`viewBox="0 0 ${LINE_CHART_SIZE.width} ${LINE_CHART_SIZE.height}"`);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)-title \1-desc"/);
    expect(html).toContain("<title id=");
    expect(html).toContain(">活動の推移</title>");
    expect(html).toContain(">過去90日の1日あたりのイベント数</desc>");
    expect(html).toContain('<table class="visually-hidden"><caption>活動の推移</caption>');
    expect(count(html, /<tr>/g)).toBe(91);
  });

  it("places values on a 0–100 scale by default, top is 100", () => {
    const html = renderToStaticMarkup(
      createElement(LineChart, { title: "t", description: "d", xLabels: ["a", "b"], xTitle: "x", series: [{ id: "s", label: "s", values: [0, 100] }] }),
    );
    const cys = [...html.matchAll(/<circle[^>]*cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(cys).toEqual([LINE_CHART_SIZE.height - 30, 12]);
  });

  it("draws optional bands behind the lines", () => {
    const html = render({ bands: [{ from: 0, to: 40, tone: "red" }, { from: 40, to: 70, tone: "yellow" }] });
    expect(count(html, /chart__band--/g)).toBe(2);
  });

  it("shows a legend only when there is more than one series", () => {
    expect(render()).toContain("chart__legend");
    expect(render({ series: [{ id: "events", label: "e", values: [1] }], xLabels: ["a"] })).not.toContain("chart__legend");
  });
});

describe("Sparkline", () => {
  it("counts its points and carries a label", () => {
    const html = renderToStaticMarkup(createElement(Sparkline, { values: [50, null, 60, 70], label: "Score 50 → 70" }));
    expect(html).toContain('data-points="3"');
    expect(html).toContain('aria-label="Score 50 → 70"');
    expect(html).toContain('viewBox="0 0 100 24"');
    expect(count(html, /<circle/g)).toBe(1);
  });
});

describe("ComponentBars", () => {
  it("clamps the filled share", () => {
    expect(barPercent(50, 100)).toBe(50);
    expect(barPercent(3, 7)).toBe(42.9);
    expect(barPercent(150, 100)).toBe(100);
    expect(barPercent(5, 0)).toBe(0);
  });

  it("renders a labelled bar per item with its explanation", () => {
    const html = renderToStaticMarkup(
      createElement(ComponentBars, {
        label: "内訳",
        items: [
          { id: "adoption", label: "製品の利用", value: 62, detail: "60席中37人が利用" },
          { id: "community", label: "Community", value: 20 },
        ],
      }),
    );
    expect(count(html, /data-bar=/g)).toBe(2);
    expect(html).toContain('width="62"');
    expect(html).toContain("60席中37人が利用");
    expect(html).toContain('aria-label="内訳"');
  });
});

describe("FunnelChart", () => {
  const stages = [
    { id: "activity", label: "活動", value: 1000 },
    { id: "output", label: "アウトプット", value: 400 },
    { id: "outcome", label: "アウトカム", value: 100 },
    { id: "impact", label: "インパクト", value: 0 },
  ];

  it("sizes bars relative to the largest stage and keeps them centred", () => {
    const rows = funnelRows(stages);
    expect(rows[0]!.width).toBe(380);
    expect(rows[1]!.width).toBe(152);
    expect(rows[3]!.width).toBe(2);
    for (const row of rows) expect(row.x + row.width / 2).toBeCloseTo(150 + 380 / 2, 1);
    expect(rows.map((r) => r.conversion)).toEqual([null, 0.4, 0.25, 0]);
  });

  it("renders one group per stage and a data table", () => {
    const html = renderToStaticMarkup(
      createElement(FunnelChart, { title: "成果ファネル", description: "d", stages, stageTitle: "段階", valueTitle: "数", conversionTitle: "前段階比" }),
    );
    expect(count(html, /data-stage=/g)).toBe(4);
    expect(html).toContain("↓ 40%");
    expect(html).toContain("<caption>成果ファネル</caption>");
  });

  it("copes with an all-zero funnel", () => {
    const rows = funnelRows(stages.map((s) => ({ ...s, value: 0 })));
    expect(rows.every((r) => r.width === 2)).toBe(true);
  });
});
