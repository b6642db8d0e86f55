import { isRecord } from "../../issues";
import type { IssuePath } from "../../types";
import type { Findings } from "../rules";
import {
  DISCORD_V2_ACCENT_MAX,
  DISCORD_V2_GALLERY_ITEMS_MAX,
  DISCORD_V2_GALLERY_ITEMS_MIN,
  DISCORD_V2_MEDIA_DESCRIPTION_MAX,
  DISCORD_V2_SEPARATOR_SPACINGS,
} from "./limits";

/*
 * Rules of the V2 content components, each on the raw node after its schema was checked (so a broken sibling does
 * not hide a limit): they read only values of the right type and leave wrong types to the schema's findings.
 */

/** Unfurled Media Item url: "arbitrary urls and attachment://<filename> references"; the API takes http(s) links. */
const MEDIA_URL = /^(https?|attachment):\/\/\S+$/i;
/** File: "only supports attachment references using the attachment://<filename> syntax". */
const ATTACHMENT_URL = /^attachment:\/\/\S+$/i;

const length = (text: string) => [...text].length;

/** A Thumbnail's or gallery item's media and alt text. */
export function checkMedia(holder: Record<string, unknown>, path: IssuePath, found: Findings): void {
  const url = isRecord(holder.media) ? holder.media.url : undefined;
  if (typeof url === "string" && url !== "" && !MEDIA_URL.test(url)) {
    found.errors.push({ code: "discord.v2.media.url", path: [...path, "media", "url"] });
  }
  const description = holder.description;
  if (typeof description === "string" && length(description) > DISCORD_V2_MEDIA_DESCRIPTION_MAX) {
    found.errors.push({
      code: "discord.v2.media.description",
      path: [...path, "description"],
      params: { max: DISCORD_V2_MEDIA_DESCRIPTION_MAX, count: length(description) },
    });
  }
}

export function checkGallery(gallery: Record<string, unknown>, path: IssuePath, found: Findings): void {
  const items = gallery.items;
  if (!Array.isArray(items)) return;
  if (items.length < DISCORD_V2_GALLERY_ITEMS_MIN || items.length > DISCORD_V2_GALLERY_ITEMS_MAX) {
    found.errors.push({
      code: "discord.v2.gallery.items",
      path: [...path, "items"],
      params: { min: DISCORD_V2_GALLERY_ITEMS_MIN, max: DISCORD_V2_GALLERY_ITEMS_MAX, count: items.length },
    });
  }
  items.forEach((item: unknown, i) => {
    if (isRecord(item)) checkMedia(item, [...path, "items", i], found);
  });
}

export function checkFile(file: Record<string, unknown>, path: IssuePath, found: Findings): void {
  const url = isRecord(file.file) ? file.file.url : undefined;
  if (typeof url === "string" && url !== "" && !ATTACHMENT_URL.test(url)) {
    found.errors.push({ code: "discord.v2.file.url", path: [...path, "file", "url"] });
  }
}

export function checkSeparator(separator: Record<string, unknown>, path: IssuePath, found: Findings): void {
  const spacing = separator.spacing;
  if (typeof spacing === "number" && !(DISCORD_V2_SEPARATOR_SPACINGS as readonly number[]).includes(spacing)) {
    found.errors.push({ code: "discord.v2.separator.spacing", path: [...path, "spacing"], params: { values: DISCORD_V2_SEPARATOR_SPACINGS.join(", ") } });
  }
}

/** accent_color: "RGB from 0x000000 to 0xFFFFFF", or null for none. */
export function checkAccent(container: Record<string, unknown>, path: IssuePath, found: Findings): void {
  const accent = container.accent_color;
  if (typeof accent === "number" && Number.isInteger(accent) && (accent < 0 || accent > DISCORD_V2_ACCENT_MAX)) {
    found.errors.push({ code: "discord.v2.container.accent", path: [...path, "accent_color"], params: { max: `0x${DISCORD_V2_ACCENT_MAX.toString(16).toUpperCase()}` } });
  }
}
