import { candidateDomains, emailDomain, isFreeMailDomain, parseDomainList } from "./email-domain";

describe("email domains", () => {
  it("lower-cases the domain", () => {
    expect(emailDomain("Taro.Yamada@ACME.co.JP")).toBe("acme.co.jp");
  });

  it("returns nothing for an address without a domain", () => {
    expect(emailDomain("no-at-sign")).toBeNull();
    expect(emailDomain("trailing@")).toBeNull();
  });

  it("offers parent domains for sub-domains, most specific first", () => {
    expect(candidateDomains("a@jp.Acme.com")).toEqual(["jp.acme.com", "acme.com"]);
  });

  it("never matches free-mail providers, whatever the case", () => {
    expect(candidateDomains("someone@GMAIL.com")).toEqual([]);
    expect(candidateDomains("someone@docomo.ne.jp")).toEqual([]);
    expect(isFreeMailDomain("Yahoo.co.jp")).toBe(true);
  });

  it("parses a typed list, rejecting invalid and free-mail entries", () => {
    expect(parseDomainList("Acme.co.jp, @acme.com\nacme.com、bad_domain gmail.com")).toEqual({
      domains: ["acme.co.jp", "acme.com"],
      invalid: ["bad_domain"],
      freeMail: ["gmail.com"],
    });
  });
});
