import { useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { loader as rootLoader } from "~/root";

export function ToastMessage() {
  const toast = useRouteLoaderData<typeof rootLoader>("root")?.toast ?? null;
  const { t } = useTranslation();
  const [visible, setVisible] = useState(true);
  useEffect(() => setVisible(true), [toast]);
  if (!toast || !visible) return null;
  return (
    <div className={`toast toast--${toast.type}`} role="status" aria-live="polite">
      <span>{t(toast.key, toast.params)}</span>
      <button type="button" className="toast__close" aria-label="×" onClick={() => setVisible(false)}>
        ×
      </button>
    </div>
  );
}
