// Seeds the demo world; safe to run again (everything is upserted by natural keys).
//   npm run seed              demo companies, staff and members
//   npm run seed -- --scale   also the PRODUCT.md scale set: 2,000 accounts, 50,000 members and
//                             5,000,000 engagement events over a year (scripts/lib/scale-activity.ts)
import { db, dbReady } from "~/db.server";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "./lib/demo-data";
import { seedChampions } from "./lib/seed-champions";
import { seedDemo } from "./lib/seed-demo";
import { seedGroups } from "./lib/seed-groups";
import { seedIntegrations } from "./lib/seed-integrations";
import { seedLearning } from "./lib/seed-learning";
import { seedQa } from "./lib/seed-qa";
import { seedScale } from "./lib/scale";
import { seedScoring } from "./lib/seed-scoring";
import { rebuildAll } from "~/search/backends.server";

async function main() {
  await dbReady;
  await seedDemo();
  await seedLearning();
  await seedGroups();
  await seedQa();
  await seedChampions();
  await seedIntegrations();
  if (process.argv.includes("--scale")) {
    await seedScale();
  }
  // Last but one: scores read everything the other seeds wrote.
  await seedScoring();
  // The seeds write through the app's own functions, which keep the search index current; a full
  // rebuild at the end also covers rows written directly and articles from the content build.
  const index = await rebuildAll();
  console.log(`Search index: ${Object.entries(index.documents).map(([type, n]) => `${n} ${type}s`).join(", ")}`);
  console.log("\nDemo sign-ins (password for all: " + DEMO_PASSWORD + "):");
  for (const signIn of DEMO_SIGN_INS) console.log(`  ${signIn.role.padEnd(9)} ${signIn.email}`);
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
