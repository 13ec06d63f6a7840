// CRM ids for the demo companies and a few of their people, so the API examples in
// /api/v1/openapi.json and the README work against the demo as written. Re-run safe.
import { db } from "~/db.server";
import { DEMO_ACCOUNTS } from "./demo-data";

const PERSON_IDS: Record<string, string> = {
  "kenji.suzuki@sakura-commerce.example": "crm-contact-1001",
  "haruka.tanaka@sakura-commerce.example": "crm-contact-1002",
  "takuya.yamamoto@hokuto-logi.example": "crm-contact-2001",
};

export async function seedIntegrations() {
  for (const [i, spec] of DEMO_ACCOUNTS.entries()) {
    const domain = await db.accountDomain.findUnique({ where: { domain: spec.domain }, select: { accountId: true } });
    if (!domain) continue;
    const externalId = `crm-account-${String(i + 1).padStart(4, "0")}`;
    await db.accountExternalId.upsert({ where: { externalId }, create: { externalId, accountId: domain.accountId }, update: { accountId: domain.accountId } });
  }
  for (const [email, externalId] of Object.entries(PERSON_IDS)) {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (user) await db.personExternalId.upsert({ where: { externalId }, create: { externalId, userId: user.id }, update: { userId: user.id } });
  }
  console.log(`Integrations: CRM ids for ${DEMO_ACCOUNTS.length} demo accounts and ${Object.keys(PERSON_IDS).length} people`);
}
