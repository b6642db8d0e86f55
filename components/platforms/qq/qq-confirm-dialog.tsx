"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import type { QqConfirmModal } from "@/lib/platforms/qq/botgo-fields";

/**
 * The QQ client's 二次确认 dialog (botgo action.modal): the text, then cancel and confirm side by side,
 * as QQ draws its system alerts. Escape and a press outside count as cancel.
 */
export function QqConfirmDialog({ modal, onAnswer }: { modal: QqConfirmModal | null; onAnswer: (confirmed: boolean) => void }) {
  const t = useTranslations("editor.qq.botgo");
  return (
    <RadixDialog.Root open={modal !== null} onOpenChange={(open) => (open ? undefined : onAnswer(false))}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <RadixDialog.Content
          data-testid="qq-confirm-dialog"
          className="fixed top-1/2 left-1/2 z-50 w-[280px] -translate-x-1/2 -translate-y-1/2 overflow-hidden rounded-xl bg-white shadow-xl focus:outline-none"
        >
          <RadixDialog.Title className="sr-only">{t("dialogTitle")}</RadixDialog.Title>
          <RadixDialog.Description className="px-5 py-6 text-center text-[15px] leading-relaxed break-words text-[#1a1a1a]">{modal?.content}</RadixDialog.Description>
          <div className="flex border-t border-[#e5e5e5] text-[16px]">
            <button type="button" className="flex-1 py-3 text-[#1a1a1a] hover:bg-slate-50" onClick={() => onAnswer(false)}>
              {modal?.cancelText}
            </button>
            <button type="button" className="flex-1 border-l border-[#e5e5e5] py-3 font-medium text-[#0099ff] hover:bg-sky-50" onClick={() => onAnswer(true)}>
              {modal?.confirmText}
            </button>
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
