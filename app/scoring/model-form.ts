// The health-model form's field values, shared by the server (filling the form from a stored
// version) and the page itself (redrawing segment rows after a refused save).
import { COMPONENTS, type HealthModelConfig } from "./model";

/** The form's field values for a stored config (what the page shows before any submit). */
export function modelFormValues(config: HealthModelConfig): Record<string, string> {
  const values: Record<string, string> = {
    green: String(config.bands.green),
    yellow: String(config.bands.yellow),
    keyFeatures: config.keyFeatures.join(", "),
    "alert.scoreDropPoints": String(config.alerts.scoreDropPoints),
    "alert.noActivityDays": String(config.alerts.noActivityDays),
    "alert.unansweredHours": String(config.alerts.unansweredHours),
  };
  for (const key of COMPONENTS) values[`weight.${key}`] = String(config.weights[key]);
  config.segments.forEach((segment, i) => {
    values[`segment.${i}.target`] = `${segment.kind}:${segment.value}`;
    for (const key of COMPONENTS) values[`segment.${i}.weight.${key}`] = String(segment.weights[key]);
  });
  return values;
}

/**
 * How many segment rows to redraw from submitted values: up to the last row that names a target
 * or has a weight (the trailing empty "add" row is drawn anew by the page).
 */
export function segmentRowsIn(values: Record<string, string>): number {
  let rows = 0;
  for (let i = 0; `segment.${i}.target` in values; i++) {
    const used = values[`segment.${i}.target`] !== "" || COMPONENTS.some((key) => (values[`segment.${i}.weight.${key}`] ?? "").trim() !== "");
    if (used) rows = i + 1;
  }
  return rows;
}
