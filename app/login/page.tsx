import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/login/login-form";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("submit") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const t = await getTranslations();
  const { next } = await searchParams;
  return (
    <div className="flex min-h-screen flex-col">
      <div className="flex justify-end p-4">
        <LocaleSwitcher />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh]">
        <div className="w-full max-w-sm">
          <div className="mb-6 flex flex-col items-center text-center">
            <img src="/icon.svg" alt="" className="mb-4 size-12" />
            <h1 className="text-xl font-semibold text-slate-900">{t("login.title")}</h1>
            <p className="mt-2 text-sm text-slate-600">{t("login.subtitle")}</p>
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <LoginForm next={typeof next === "string" ? next : undefined} />
          </div>
        </div>
      </main>
    </div>
  );
}
