// Webhook signatures: HMAC-SHA256 with the endpoint's secret over `${timestamp}.${body}`, sent
// as `Kizuna-Signature: v1=<hex>` beside `Kizuna-Timestamp: <unix seconds>`. Signing the time
// with the body lets a receiver refuse replays of an old delivery.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Kizuna-Signature";
export const TIMESTAMP_HEADER = "Kizuna-Timestamp";
/** Receivers should refuse deliveries whose timestamp is further than this from their clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function createWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * What a receiver does (in any language): recompute the HMAC of `${timestamp}.${rawBody}` with
 * the shared secret, compare in constant time, and check the timestamp is recent.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  signature: string | null;
  timestamp: string | null;
  now?: Date;
  toleranceSeconds?: number;
}): { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" } {
  if (!input.signature || !input.timestamp || !/^\d+$/.test(input.timestamp)) return { ok: false, reason: "missing" };
  const timestamp = Number(input.timestamp);
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body));
  // A header may carry several signatures while a secret is being rotated.
  const offered = input.signature.split(",").map((part) => Buffer.from(part.trim()));
  return offered.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected)) ? { ok: true } : { ok: false, reason: "mismatch" };
}
