// Matching people to customer accounts by the domain of their work email.

/**
 * Consumer mail providers: an address here says nothing about the employer, so it never matches
 * an account and may not be registered as an account domain.
 */
export const FREE_MAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.jp", "ymail.com", "outlook.com",
  "outlook.jp", "hotmail.com", "hotmail.co.jp", "live.com", "live.jp", "msn.com", "icloud.com",
  "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.net", "mail.com",
  "zoho.com", "yandex.com", "qq.com", "163.com", "naver.com", "docomo.ne.jp", "ezweb.ne.jp",
  "au.com", "softbank.ne.jp", "i.softbank.jp", "ymobile.ne.jp", "nifty.com", "biglobe.ne.jp",
  "so-net.ne.jp", "ocn.ne.jp", "excite.co.jp", "infoseek.jp",
]);

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The domain part of an address, lower-cased; null when the address has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).trim().toLowerCase();
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

const DOMAIN_PATTERN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function isValidDomain(domain: string): boolean {
  return DOMAIN_PATTERN.test(domain);
}

/**
 * Domains to look up for an address, most specific first: taro@jp.acme.co.jp tries
 * jp.acme.co.jp, then acme.co.jp, then co.jp. Registered account domains are exact, so a
 * too-generic suffix simply finds nothing. Free-mail addresses yield no candidates at all.
 */
export function candidateDomains(email: string): string[] {
  const domain = emailDomain(normaliseEmail(email));
  if (!domain || isFreeMailDomain(domain)) return [];
  const labels = domain.split(".");
  const candidates: string[] = [];
  for (let i = 0; i <= labels.length - 2; i++) candidates.push(labels.slice(i).join("."));
  return candidates;
}

/** Parses a comma/space/newline separated list typed by staff into clean, unique domains. */
export function parseDomainList(input: string): { domains: string[]; invalid: string[]; freeMail: string[] } {
  const entries = input
    .split(/[\s,、]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  const unique = [...new Set(entries)];
  return {
    domains: unique.filter((d) => isValidDomain(d) && !isFreeMailDomain(d)),
    invalid: unique.filter((d) => !isValidDomain(d)),
    freeMail: unique.filter((d) => isValidDomain(d) && isFreeMailDomain(d)),
  };
}
