import type { ComponentType } from "react";
import type { ReplyOf } from "@/lib/platforms/registry";
import type { PlatformId } from "@/lib/platforms/types";
import { DiscordAfterReply } from "./discord/discord-after-reply";
import { DiscordInspector } from "./discord/discord-inspector";
import { DiscordPreview } from "./discord/discord-preview";
import { DiscordReplyEditor } from "./discord/discord-reply-editor";
import { DiscordSecretsFields } from "./discord/discord-secrets-fields";
import { DiscordTreeInspector } from "./discord/discord-tree-inspector";
import { DiscordTreePreview } from "./discord/discord-tree-preview";
import { DiscordTreeSettings } from "./discord/discord-tree-settings";
import { EasemobSecretsFields } from "./easemob/easemob-secrets-fields";
import { FeishuAfterReply } from "./feishu/feishu-after-reply";
import { FeishuCardSettings } from "./feishu/feishu-card-settings";
import { FeishuInspector } from "./feishu/feishu-inspector";
import { FeishuPreview } from "./feishu/feishu-preview";
import { FeishuReplyEditor } from "./feishu/feishu-reply-editor";
import { FeishuSecretsFields } from "./feishu/feishu-secrets-fields";
import { QqDeliveryFields } from "./qq/qq-delivery-fields";
import { QqInspector } from "./qq/qq-inspector";
import { QqPreview } from "./qq/qq-preview";
import { QqReplyChannel } from "./qq/qq-reply-channel";
import { QqReplyEditor } from "./qq/qq-reply-editor";
import { QqSecretsFields } from "./qq/qq-secrets-fields";
import type { EndpointSettingsProps, GridAfterReplyProps, InspectorProps, PreviewProps, ReplyChannelNoteProps, ReplyEditorProps, SecretsFieldsProps, TreePanels } from "./types";

interface PlatformPanels<R> {
  /** Builder panels of a grid platform (LayoutAdapter.grid). */
  grid?: { Inspector: ComponentType<InspectorProps>; Preview: ComponentType<PreviewProps>; AfterReply?: ComponentType<GridAfterReplyProps> };
  /** Builder panels of a tree platform (LayoutAdapter.tree). */
  tree?: TreePanels;
  SecretsFields: ComponentType<SecretsFieldsProps>;
  /** Endpoint settings only this platform has (QQ: where the result code goes). */
  EndpointSettings?: ComponentType<EndpointSettingsProps>;
  /** Which channel carried a reply, where the acknowledgement can carry it (QQ). */
  ReplyChannelNote?: ComponentType<ReplyChannelNoteProps>;
  /** Absent where callbacks take no reply (PlatformAdapter.manualReplies false). */
  ReplyEditor?: ComponentType<ReplyEditorProps<R>>;
  /** What a new rule or a manual reply starts from. */
  starterReply?: R;
}

/** The only place the UI maps a platform to its platform-specific panels. */
export const platformPanels: { [P in PlatformId]: PlatformPanels<ReplyOf<P>> } = {
  qq: {
    grid: { Inspector: QqInspector, Preview: QqPreview },
    SecretsFields: QqSecretsFields,
    EndpointSettings: QqDeliveryFields,
    ReplyChannelNote: QqReplyChannel,
    ReplyEditor: QqReplyEditor,
    starterReply: { code: 0 },
  },
  discord: {
    // AfterReply: a modal the endpoint answered a click with (type 9), to fill in and submit.
    grid: { Inspector: DiscordInspector, Preview: DiscordPreview, AfterReply: DiscordAfterReply },
    // Components V2 messages and modals (the platform's tree kinds of layout).
    tree: { Inspector: DiscordTreeInspector, Settings: DiscordTreeSettings, Preview: DiscordTreePreview, AfterReply: DiscordAfterReply },
    SecretsFields: DiscordSecretsFields,
    ReplyEditor: DiscordReplyEditor,
    starterReply: { type: 4, data: { content: "" } },
  },
  feishu: {
    tree: { Inspector: FeishuInspector, Settings: FeishuCardSettings, Preview: FeishuPreview, AfterReply: FeishuAfterReply },
    SecretsFields: FeishuSecretsFields,
    ReplyEditor: FeishuReplyEditor,
    starterReply: { toast: { type: "success", content: "OK" } },
  },
  // Easemob callbacks take no reply and carry no layout: only the secrets.
  easemob: { SecretsFields: EasemobSecretsFields },
};
