"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { buttonClasses } from "./button-classes";

/** A square button that copies `text` and turns into a check once it did (the callback URL, the tunnel command). */
export function CopyIconButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button type="button" className={buttonClasses("secondary", "px-2.5 py-1.5")} aria-label={label} onClick={async () => { await navigator.clipboard.writeText(text); setCopied(true); }}>
      {copied ? <Check aria-hidden className="size-4 text-emerald-600" /> : <Copy aria-hidden className="size-4" />}
    </button>
  );
}
