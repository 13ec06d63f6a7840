// The components MDX articles may use without importing. Kept apart from their React code so the
// content build can check articles without loading React; mdx-components.tsx must match it.
export const MDX_COMPONENT_NAMES = ["Callout", "Steps", "Step", "KeyTakeaways", "Video"] as const;
