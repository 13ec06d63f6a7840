// The demo world written into the database; used by the seed script and the benchmark.
import { hashPassword } from "~/auth/password.server";
import { upsertAccount, upsertUser } from "../../tests/factories";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF } from "./demo-data";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedDemo() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const staffIds = new Map<string, string>();
  for (const staff of DEMO_STAFF) {
    const user = await upsertUser({ ...staff, passwordHash, persona: "manager", level: "advanced" });
    staffIds.set(staff.email, user.id);
  }
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  let members = 0;
  for (const spec of DEMO_ACCOUNTS) {
    const account = await upsertAccount({
      name: spec.name,
      domains: [spec.domain],
      plan: spec.plan,
      seatsLicensed: spec.seats,
      arr: spec.arr,
      renewalDate: new Date(today.getTime() + spec.renewalInDays * DAY_MS),
      lifecycleStage: spec.stage,
      ownerId: staffIds.get(spec.ownerEmail) ?? null,
    });
    for (const member of spec.members) {
      await upsertUser({
        email: `${member.local}@${spec.domain}`,
        name: member.name,
        title: member.title,
        persona: member.persona,
        level: member.level,
        locale: member.locale ?? "ja",
        accountId: account.id,
        passwordHash,
      });
      members += 1;
    }
  }
  console.log(`Demo data: ${DEMO_STAFF.length} staff, ${DEMO_ACCOUNTS.length} accounts, ${members} members.`);
}

