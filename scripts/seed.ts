// Seeds the demo world; safe to run again (everything is upserted by natural keys).
//   npm run seed              demo companies, staff and members
//   npm run seed -- --scale   also the PRODUCT.md scale set: 2,000 accounts and 50,000 members
import { db, dbReady } from "~/db.server";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "./lib/demo-data";
import { seedDemo } from "./lib/seed-demo";
import { seedGroups } from "./lib/seed-groups";
import { seedIntegrations } from "./lib/seed-integrations";
import { seedLearning } from "./lib/seed-learning";
import { seedQa } from "./lib/seed-qa";
import { seedScale } from "./lib/scale";

async function main() {
  await dbReady;
  await seedDemo();
  await seedLearning();
  await seedGroups();
  await seedQa();
  await seedIntegrations();
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
