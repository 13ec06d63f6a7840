// The short "how to verify" note shown on the webhook admin pages (README has the full version).
import { useTranslation } from "~/i18n/use-translation";

export function SignatureHelp() {
  const { t } = useTranslation();
  return (
    <details className="card">
      <summary>{t("webhooks.verifyHelp")}</summary>
      <pre className="code-block">{`Kizuna-Timestamp: 1764547200
Kizuna-Signature: v1=<hex>

expected = "v1=" + hex(HMAC_SHA256(secret, timestamp + "." + rawBody))
accept if  constant_time_equal(expected, Kizuna-Signature)
       and |now - timestamp| <= 300 seconds`}</pre>
    </details>
  );
}
