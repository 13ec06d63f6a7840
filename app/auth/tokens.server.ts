// One-time tokens (password reset, invitations). Only a SHA-256 digest is stored, so a leaked
// database does not hand out working links.
import { createHash, randomBytes } from "node:crypto";

export function createOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
