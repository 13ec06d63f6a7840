import { localeFromAcceptLanguage } from "./locales";
import { en, ja, translator } from "./messages";

describe("localeFromAcceptLanguage", () => {
  it("picks the highest-ranked supported language", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,ja;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR, ja;q=0.5, en;q=0.4")).toBe("ja");
    expect(localeFromAcceptLanguage("de, fr;q=0.8")).toBeNull();
    expect(localeFromAcceptLanguage("en;q=0, ja;q=0.1")).toBe("ja");
    expect(localeFromAcceptLanguage(null)).toBeNull();
  });
});

describe("messages", () => {
  it("has every English key in Japanese, none left empty", () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(ja[key], key).toBeTruthy();
    }
  });

  it("keeps the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("fills placeholders", () => {
    expect(translator("ja")("home.welcome", { name: "佐藤" })).toBe("おかえりなさい、佐藤さん");
    expect(translator("en")("home.welcome", { name: "Sato" })).toBe("Welcome back, Sato");
  });
});
