"use client";

import { LogOut } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button-classes";

/**
 * Ends the session on the server, then goes to the sign-in page. The session ends only once the
 * request reaches the server: when it does not (offline, a 5xx), the person stays where they are,
 * still signed in, and is told so; the button stays there to try again.
 */
export function SignOutButton({ label, failedLabel }: { label: string; failedLabel: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function signOut() {
    setBusy(true);
    setFailed(false);
    const response = await fetch("/api/auth/logout", { method: "POST" }).catch(() => null);
    setBusy(false);
    // Logout is open to any caller (app/api/auth/logout), so anything but 200 means the session may still be alive.
    if (!response?.ok) return setFailed(true);
    router.replace("/login");
    router.refresh();
  }
  return (
    <span className="relative inline-flex">
      <button type="button" className={buttonClasses("ghost", "px-2.5")} disabled={busy} aria-busy={busy} onClick={() => void signOut()}>
        <LogOut aria-hidden className="size-4" />
        <span className="hidden sm:inline">{label}</span>
        <span className="sr-only sm:hidden">{label}</span>
      </button>
      {failed ? (
        <span role="alert" className="absolute top-full right-0 z-10 mt-1 w-64 rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800 shadow-sm">
          {failedLabel}
        </span>
      ) : null}
    </span>
  );
}
