// Seeds the demo world; safe to run again (everything is upserted by natural keys).
//   npm run seed              demo companies, staff and members
//   npm run seed -- --scale   also the PRODUCT.md scale set: 2,000 accounts and 50,000 members
import { hashPassword } from "~/auth/password.server";
import { db, dbReady } from "~/db.server";
import { upsertAccount, upsertUser } from "../tests/factories";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SIGN_INS, DEMO_STAFF } from "./lib/demo-data";
import { seedScale } from "./lib/scale";

const DAY_MS = 24 * 60 * 60 * 1000;

async function seedDemo() {
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

async function main() {
  await dbReady;
  await seedDemo();
  if (process.argv.includes("--scale")) await seedScale();
  console.log("\nDemo sign-ins (password for all: " + DEMO_PASSWORD + "):");
  for (const signIn of DEMO_SIGN_INS) console.log(`  ${signIn.role.padEnd(9)} ${signIn.email}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
