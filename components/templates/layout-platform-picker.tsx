"use client";

import { listLayoutPlatforms } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";

/** A radio group of the platforms a template can be made for (those with a layout). */
export function LayoutPlatformPicker({ legend, value, onChange, label }: { legend: string; value: PlatformId; onChange: (id: PlatformId) => void; label: (id: PlatformId) => string }) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="grid grid-cols-2 gap-2">
        {listLayoutPlatforms().map(({ id }) => (
          <label key={id} className={`flex cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm ${value === id ? "border-indigo-500 bg-indigo-50 text-indigo-700" : "border-slate-300"}`}>
            <input type="radio" name="platform" value={id} checked={value === id} onChange={() => onChange(id)} />
            {label(id)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
