import { GeneralErrorBoundary } from "~/components/error-boundary";

// Unknown paths get the shared 404 page inside the normal layout.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
