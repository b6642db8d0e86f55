"use client";

import { LogIn } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonClasses, inputClasses } from "@/components/ui/button-classes";

/** Only same-origin targets: an open redirect through ?next= would be a phishing aid. */
function safeNext(next: string | undefined): string {
  if (!next) return "/templates";
  const target = new URL(next, window.location.origin);
  return target.origin === window.location.origin ? `${target.pathname}${target.search}${target.hash}` : "/templates";
}

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    try {
      const response = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": locale },
        body: JSON.stringify({ password }),
      });
      if (response.ok) {
        router.replace(safeNext(next));
        router.refresh();
        return;
      }
      if (response.status === 401 || response.status === 400) setError(t("invalid"));
      else setError((await response.json().catch(() => null))?.error?.message ?? t("failed", { reason: response.status }));
    } catch {
      setError(t("offline"));
    }
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="password" className="mb-1.5 block text-sm font-medium text-slate-700">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "login-error" : undefined}
          className={inputClasses}
        />
        {error ? (
          <p id="login-error" role="alert" className="mt-2 text-sm text-red-600">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={busy} className={buttonClasses("primary", "w-full")}>
        <LogIn aria-hidden className="size-4" />
        {busy ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
