// Accessible names, tooltips and placeholders are read or heard by people, so they
// come from the message catalogue like visible text does.
const ATTRIBUTES = new Set(["aria-label", "aria-description", "title", "placeholder", "alt", "label"]);

function isLiteralText(node) {
  if (!node) return false;
  if (node.type === "Literal") return typeof node.value === "string" && /\p{L}/u.test(node.value);
  if (node.type === "JSXExpressionContainer") return isLiteralText(node.expression);
  if (node.type === "TemplateLiteral") return node.expressions.length === 0 && /\p{L}/u.test(node.quasis[0]?.value.cooked ?? "");
  return false;
}

export default {
  meta: { type: "problem", messages: { literal: "\"{{name}}\" is read by people: take its text from the message catalogue." }, schema: [] },
  create(context) {
    return {
      JSXAttribute(node) {
        const name = node.name.type === "JSXIdentifier" ? node.name.name : null;
        // An empty alt="" marks a decorative image and is correct as a literal.
        if (name && ATTRIBUTES.has(name) && isLiteralText(node.value)) context.report({ node, messageId: "literal", data: { name } });
      },
    };
  },
};
